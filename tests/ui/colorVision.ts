// Colour checks for legends (pure): CIE76 distance in CIELAB, colour-vision-deficiency simulation and
// WCAG contrast. Used by racePalette.test.ts.
import { lab, rgb } from 'd3-color';

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
 * Deficiency", IEEE TVCG 15(6): the severity 1.0 matrices, applied to linear RGB.
 */
const MACHADO_2009: Record<'protanopia' | 'deuteranopia', readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
};
export type Vision = 'normal' | keyof typeof MACHADO_2009;
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia'];

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (l: number) => {
  const v = Math.min(1, Math.max(0, l));
  return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
};

/** The colour as seen with the given vision (sRGB hex in, sRGB out). */
export function simulate(hex: string, vision: Vision): string {
  if (vision === 'normal') return rgb(hex).formatHex();
  const { r, g, b } = rgb(hex);
  const lin = [toLinear(r), toLinear(g), toLinear(b)];
  const m = MACHADO_2009[vision];
  const out = [0, 1, 2].map((row) => m[row * 3] * lin[0] + m[row * 3 + 1] * lin[1] + m[row * 3 + 2] * lin[2]);
  return rgb(toSrgb(out[0]), toSrgb(out[1]), toSrgb(out[2])).formatHex();
}

/** CIE76 colour difference: Euclidean distance in CIELAB (D65). */
export function deltaE76(a: string, b: string): number {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/** WCAG 2 relative luminance and contrast ratio. */
export function relativeLuminance(hex: string): number {
  const { r, g, b } = rgb(hex);
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

/** The closest pair of colours in a set, under one vision. */
export function closestPair(colors: readonly { label: string; color: string }[], vision: Vision) {
  let best = { a: '', b: '', distance: Infinity };
  for (let i = 0; i < colors.length; i++)
    for (let j = i + 1; j < colors.length; j++) {
      const d = deltaE76(simulate(colors[i].color, vision), simulate(colors[j].color, vision));
      if (d < best.distance) best = { a: colors[i].label, b: colors[j].label, distance: d };
    }
  return best;
}
