// The one place the two colour themes are defined. The dark theme follows the system setting
// (prefers-color-scheme) and is made centrally: src/ui/darkTheme.css remaps Tailwind's colour variables
// (every utility reads them) to the mirrored shade, per DARK_SHADE below, so no component needs a dark:
// class. Charts keep a light plotting surface in both themes (the .chart-surface class restores the light
// variables inside it): their palettes are tuned and tested against white (tests/ui/racePalette.test.ts).
export type ThemeName = 'light' | 'dark';
export const THEMES: readonly ThemeName[] = ['light', 'dark'];

/** Tailwind's shades. */
export const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950] as const;
export type Shade = (typeof SHADES)[number];

/**
 * Which light shade a class of each shade shows in the dark theme: the mirror image (50 ↔ 950, 100 ↔ 900,
 * …), except that 500 becomes 400 and 600 becomes 300, so that mid-grey text stays readable on dark tinted panels too.
 */
export const DARK_SHADE: Readonly<Record<Shade, Shade>> = {
  50: 950,
  100: 900,
  200: 800,
  300: 700,
  400: 600,
  500: 400,
  600: 300,
  700: 300,
  800: 200,
  900: 100,
  950: 50,
};

/** `white` and `black` in the dark theme: panels become the darkest slate, and black text white. */
export const DARK_WHITE = { family: 'slate', shade: 900 } as const;

/** The background every chart's canvas and SVG is drawn on, per theme (a light surface in both). */
export const CHART_SURFACE: Readonly<Record<ThemeName, string>> = { light: '#ffffff', dark: '#ffffff' };
