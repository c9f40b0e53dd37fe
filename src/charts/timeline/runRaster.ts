// A pixel buffer for the timeline's plot area, filled in JS. A zoomed-out kick storm is ~10,000
// rectangles of one to eight pixels per frame; filled as canvas paths they cost ~6 ms of rasterisation
// under software rendering, written straight into an ImageData a fraction of that (`npm run bench`).
// Coordinates are CSS pixels relative to the buffer's top-left; edges snap to device pixels.
import { color } from 'd3';

/** An opaque CSS colour (parsed by d3-color) → one pixel of an ImageData seen as Uint32 (little-endian: 0xAABBGGRR). */
export function packColor(css: string): number {
  const c = color(css)?.rgb().clamp();
  if (!c || c.opacity !== 1) throw new Error(`timeline colour "${css}" is not an opaque CSS colour`);
  return (0xff000000 | (c.b << 16) | (c.g << 8) | c.r) >>> 0;
}

/** `src` at opacity alpha (0–1) over the opaque pixel `dst`, both as packColor() gives them. */
export function blendOver(src: number, dst: number, alpha: number): number {
  const a = Math.round(alpha * 256);
  const mix = (shift: number) => {
    const s = (src >>> shift) & 0xff;
    const d = (dst >>> shift) & 0xff;
    return ((d * 256 + (s - d) * a + 128) >> 8) & 0xff;
  };
  return (0xff000000 | (mix(16) << 16) | (mix(8) << 8) | mix(0)) >>> 0;
}

export class RunRaster {
  widthPx = 0;
  heightPx = 0;
  dpr = 1;
  /** Device-pixel size of the buffer. */
  cols = 0;
  rows = 0;
  private image: ImageData | null = null;
  private px = new Uint32Array(0);
  private colors = new Map<string, number>();

  /** Size the buffer (CSS px × dpr) and fill it with `background`. */
  begin(widthPx: number, heightPx: number, dpr: number, background: string): void {
    const cols = Math.max(1, Math.round(widthPx * dpr));
    const rows = Math.max(1, Math.round(heightPx * dpr));
    if (!this.image || cols !== this.cols || rows !== this.rows) {
      this.image = new ImageData(cols, rows);
      this.px = new Uint32Array(this.image.data.buffer);
      this.cols = cols;
      this.rows = rows;
    }
    this.widthPx = widthPx;
    this.heightPx = heightPx;
    this.dpr = dpr;
    this.px.fill(this.color(background));
  }

  /** The pixels, for putImageData at the buffer's device-pixel origin. */
  get imageData(): ImageData {
    if (!this.image) throw new Error('RunRaster: begin() first');
    return this.image;
  }

  /** The colour of pixel (x, y), device pixels (for tests). */
  pixel(x: number, y: number): number {
    return this.px[y * this.cols + x];
  }

  color(css: string): number {
    let c = this.colors.get(css);
    if (c === undefined) {
      c = packColor(css);
      this.colors.set(css, c);
    }
    return c;
  }

  /** Fill [x, x + w) × [y, y + h) (CSS px, clipped to the buffer) with `css` at opacity `alpha`. */
  fillRect(x: number, y: number, w: number, h: number, css: string, alpha = 1): void {
    this.fillDevice(x, y, w, h, this.color(css), alpha);
  }

  /**
   * Fill runs given as flat [lane, x, width, …] (CSS px): each covers rows [laneTop(lane) + top,
   * laneTop(lane) + top + height). One colour per call, as the canvas version filled one path.
   */
  fillRuns(runs: readonly number[], css: string, laneTop: (lane: number) => number, top: number, height: number, alpha = 1): void {
    if (runs.length === 0 || height <= 0) return;
    const color = this.color(css);
    for (let k = 0; k < runs.length; k += 3) this.fillDevice(runs[k + 1], laneTop(runs[k]) + top, runs[k + 2], height, color, alpha);
  }

  private fillDevice(x: number, y: number, w: number, h: number, color: number, alpha: number): void {
    const d = this.dpr;
    const x0 = Math.max(0, Math.round(x * d));
    const x1 = Math.min(this.cols, Math.round((x + w) * d));
    const y0 = Math.max(0, Math.round(y * d));
    const y1 = Math.min(this.rows, Math.round((y + h) * d));
    if (x1 <= x0 || y1 <= y0) return;
    const px = this.px;
    const cols = this.cols;
    if (alpha >= 1) {
      for (let row = y0; row < y1; row++) {
        const base = row * cols;
        if (x1 - x0 > 16) px.fill(color, base + x0, base + x1);
        else for (let i = base + x0; i < base + x1; i++) px[i] = color;
      }
      return;
    }
    if (alpha <= 0) return;
    for (let row = y0; row < y1; row++) {
      const base = row * cols;
      let lastDst = -1;
      let lastOut = 0;
      for (let i = base + x0; i < base + x1; i++) {
        const dst = px[i];
        if (dst !== lastDst) {
          lastDst = dst;
          lastOut = blendOver(color, dst, alpha);
        }
        px[i] = lastOut;
      }
    }
  }
}
