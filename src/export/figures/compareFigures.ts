// The Compare view's figure: both runs' memory over time, overlaid, with its legend and a caption
// (scenario, both kernels, both cursors, link).
import { OVERLAY_COLORS } from '../../compare/MemoryOverlay.tsx';
import type { Figure, LegendEntry } from './figureFrame.ts';
import { FIGURE_IDS, figureSource } from './figureRegistry.ts';

export interface CompareFigureState {
  scenario: string;
  cpus: number;
  /** Each kernel as the view titles it ("merged · pnt_seq 6.17", "6.17.10 with 05e63305c85c"). */
  a: string;
  b: string;
  cursor: { a: number; b: number };
  link: string;
}

export function compareCaption(s: CompareFigureState): string[] {
  return [
    `Compare view: ${s.scenario}, ${s.cpus} CPUs; kernel A ${s.a} at step ${s.cursor.a}, kernel B ${s.b} at step ${s.cursor.b}.`,
    s.link,
  ];
}

/** The memory overlay as a figure, or an Error saying why it cannot be drawn now. */
export function compareMemoryFigure(s: CompareFigureState): Figure {
  const body = figureSource(FIGURE_IDS.compareMemory)?.();
  if (!body) throw new Error('the memory chart is not on screen yet; wait for both runs.');
  const legend: LegendEntry[] = [
    { color: OVERLAY_COLORS.a, label: `A: ${s.a} (solid)` },
    { color: OVERLAY_COLORS.b, label: `B: ${s.b} (dashed)` },
  ];
  return {
    title: 'Memory over time (live + waiting for a grace period + leaked), A and B overlaid',
    body,
    legend,
    caption: compareCaption(s),
  };
}
