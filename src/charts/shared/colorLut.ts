// Colour lookup tables: a d3 interpolator is sampled once into a 256-entry RGBA table, so drawing
// indexes a typed array and never calls d3 per cell per frame.
import { color as parseColor, scaleSequential } from 'd3';

export const LUT_SIZE = 256;

export interface ColorLut {
  /** RGBA bytes, 4 per entry. */
  rgba: Uint8ClampedArray;
  /** The same entries packed for little-endian Uint32 views of ImageData (0xAABBGGRR). */
  packed: Uint32Array;
  /** CSS colour strings, for fillStyle and legends. */
  css: readonly string[];
  size: number;
}

function lutFromCss(colors: readonly string[]): ColorLut {
  const size = colors.length;
  const rgba = new Uint8ClampedArray(size * 4);
  const css: string[] = [];
  for (let i = 0; i < size; i++) {
    const c = parseColor(colors[i])?.rgb() ?? { r: 0, g: 0, b: 0, opacity: 1 };
    rgba.set([c.r, c.g, c.b, Math.round(c.opacity * 255)], i * 4);
    css.push(`rgba(${Math.round(c.r)},${Math.round(c.g)},${Math.round(c.b)},${c.opacity})`);
  }
  const packed = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    packed[i] = ((rgba[i * 4 + 3] << 24) | (rgba[i * 4 + 2] << 16) | (rgba[i * 4 + 1] << 8) | rgba[i * 4]) >>> 0;
  }
  return { rgba, packed, css, size };
}

/** A 256-entry table sampling `interpolator` over [0, 1]. Build once per palette. */
export function createSequentialLut(interpolator: (t: number) => string): ColorLut {
  const scale = scaleSequential(interpolator).domain([0, LUT_SIZE - 1]);
  return lutFromCss(Array.from({ length: LUT_SIZE }, (_, i) => scale(i)));
}

/** A table with one entry per category, in order: value k is drawn with colors[k]. */
export function createCategoricalLut(colors: readonly string[]): ColorLut {
  return lutFromCss(colors);
}

/** Clamp a 0..1 fraction to a LUT index of a `size`-entry table. */
export function fractionToLutIndex(t: number, size = LUT_SIZE): number {
  if (!(t > 0)) return 0;
  if (t >= 1) return size - 1;
  return Math.floor(t * size) === size ? size - 1 : Math.floor(t * size);
}
