// The Compare view's figure: both runs' memory over time, overlaid, with its legend and a caption
// (scenario, both kernels, both cursors, link).
import { OVERLAY_COLORS } from '../../compare/MemoryOverlay.tsx';
import type { Figure, LegendEntry } from './figureFrame.ts';
import { FIGURE_IDS, figureSource } from './figureRegistry.ts';
import { LEGEND_ENTRIES } from '../../races/timelineLegend.ts';
import { legendColor } from '../../races/racePalette.ts';

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

const TIMELINE_LEGEND: readonly LegendEntry[] = LEGEND_ENTRIES.map((e) => ({ color: legendColor(e), label: e.label }));

/** One kernel's timeline (the shared visible window, or its whole run) with the differences marked (▼). */
export function compareTimelineFigure(s: CompareFigureState, side: 'a' | 'b', whole: boolean): Figure {
  const body = figureSource(side === 'a' ? FIGURE_IDS.compareTimelineA : FIGURE_IDS.compareTimelineB)?.(whole ? 'whole' : 'visible');
  if (!body) throw new Error('the timelines are not on screen yet; wait for both runs.');
  const kernel = side === 'a' ? `A: ${s.a}` : `B: ${s.b}`;
  return {
    title: `Timeline of kernel ${kernel}${whole ? ', whole run' : ', visible window'} (differences marked ▼)`,
    body,
    legend: TIMELINE_LEGEND,
    caption: compareCaption(s),
  };
}
