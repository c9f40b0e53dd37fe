// The timeline's pixel buffer (src/charts/timeline/runRaster.ts) against a per-pixel oracle: every
// device pixel ends up with the colour of the last rectangle covering it (edges snapped by rounding
// CSS px × dpr), translucent fills blend over what is there, nothing is written outside the buffer.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { blendOver, packColor, RunRaster } from '../../src/charts/timeline/runRaster.ts';

beforeAll(() => {
  // Node has no ImageData; the raster only needs its shape.
  const g = globalThis as { ImageData?: unknown };
  g.ImageData ??= class {
    readonly data: Uint8ClampedArray;
    constructor(
      readonly width: number,
      readonly height: number,
    ) {
      this.data = new Uint8ClampedArray(width * height * 4);
    }
  };
});

const PALETTE = ['#ffffff', '#2563eb', '#dc2626', '#0d9488', '#f8fafc', '#abc'];

describe('packColor and blendOver', () => {
  it('lay out RGBA bytes as an ImageData does', () => {
    const bytes = new Uint8Array(new Uint32Array([packColor('#123456')]).buffer);
    expect([...bytes]).toEqual([0x12, 0x34, 0x56, 0xff]);
    expect(packColor('#abc')).toBe(packColor('#aabbcc'));
    expect(packColor('red')).toBe(packColor('#ff0000'));
    expect(packColor('rgb(18, 52, 86)')).toBe(packColor('#123456'));
    expect(() => packColor('not a colour')).toThrow(/not an opaque CSS colour/);
    // Translucency is fillRect's alpha argument; the colour itself must be opaque (blendOver assumes it).
    expect(() => packColor('rgba(0, 0, 0, 0.5)')).toThrow(/not an opaque CSS colour/);
  });

  it('mixes like canvas source-over on an opaque pixel', () => {
    const white = packColor('#ffffff');
    const black = packColor('#000000');
    const mid = new Uint8Array(new Uint32Array([blendOver(black, white, 0.5)]).buffer);
    expect([...mid]).toEqual([128, 128, 128, 255]);
    expect(blendOver(black, white, 1)).toBe(black);
    expect(blendOver(black, white, 0)).toBe(white);
    const pink = new Uint8Array(new Uint32Array([blendOver(packColor('#db2777'), white, 0.35)]).buffer);
    // 255 + (c − 255)·0.35 per channel, within rounding.
    [0xdb, 0x27, 0x77].forEach((c, i) => expect(Math.abs(pink[i] - (255 + (c - 255) * 0.35))).toBeLessThanOrEqual(1));
  });
});

interface Fill {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  alpha: number;
}

const fillArb = fc.record({
  x: fc.integer({ min: -20, max: 120 }),
  y: fc.integer({ min: -10, max: 50 }),
  w: fc.integer({ min: 0, max: 40 }),
  h: fc.integer({ min: 0, max: 12 }),
  color: fc.constantFrom(...PALETTE),
  alpha: fc.constantFrom(1, 1, 1, 0.35),
});

describe('RunRaster', () => {
  it('gives every device pixel the colour the fills put there, in order, at dpr 1, 1.5 and 2', () => {
    fc.assert(
      fc.property(fc.array(fillArb, { maxLength: 30 }), fc.constantFrom(1, 1.5, 2), (fills: Fill[], dpr) => {
        const W = 100;
        const H = 40;
        const r = new RunRaster();
        r.begin(W, H, dpr, '#ffffff');
        const cols = Math.round(W * dpr);
        const rows = Math.round(H * dpr);
        const want = new Uint32Array(cols * rows).fill(packColor('#ffffff'));
        for (const f of fills) {
          r.fillRect(f.x, f.y, f.w, f.h, f.color, f.alpha);
          const c = packColor(f.color);
          for (let py = 0; py < rows; py++) {
            if (!(py >= Math.round(f.y * dpr) && py < Math.round((f.y + f.h) * dpr))) continue;
            for (let px = 0; px < cols; px++) {
              if (!(px >= Math.round(f.x * dpr) && px < Math.round((f.x + f.w) * dpr))) continue;
              const i = py * cols + px;
              want[i] = f.alpha >= 1 ? c : blendOver(c, want[i], f.alpha);
            }
          }
        }
        expect(r.cols).toBe(cols);
        expect(r.rows).toBe(rows);
        for (let py = 0; py < rows; py++)
          for (let px = 0; px < cols; px++)
            if (r.pixel(px, py) !== want[py * cols + px]) expect([px, py, r.pixel(px, py)]).toEqual([px, py, want[py * cols + px]]);
      }),
      { numRuns: 300 },
    );
  });

  it('fills runs [lane, x, width, …] at each lane’s top and keeps the buffer between frames', () => {
    const r = new RunRaster();
    r.begin(50, 30, 1, '#ffffff');
    const blue = packColor('#2563eb');
    r.fillRuns([0, 2, 3, 2, 10, 1], '#2563eb', (lane) => lane * 10, 4, 2);
    expect(r.pixel(2, 4)).toBe(blue);
    expect(r.pixel(4, 5)).toBe(blue);
    expect(r.pixel(5, 4)).not.toBe(blue);
    expect(r.pixel(2, 6)).not.toBe(blue);
    expect(r.pixel(10, 24)).toBe(blue);
    expect(r.pixel(10, 23)).not.toBe(blue);
    const image = r.imageData;
    r.begin(50, 30, 1, '#ffffff'); // same size: same buffer, cleared
    expect(r.imageData).toBe(image);
    expect(r.pixel(2, 4)).toBe(packColor('#ffffff'));
  });
});
