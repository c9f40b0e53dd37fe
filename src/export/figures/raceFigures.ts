// The races view's figures: the CPU grid at the cursor and the timeline (visible window or whole run),
// each with the legend the page shows beside it and a caption naming scenario, kernels, step and link.
import type { RunConfig } from '../../../workers/api.ts';
import { CELL_STATES } from '../../races/traceCodes.ts';
import {
  CELL_STATE_COLORS,
  CELL_STATE_LABELS,
  CHANGED_COLOR,
  QS_OWED_COLOR,
  READER_COLOR,
  READER_OWING_COLOR,
  VIOLATION_COLOR,
  legendColor,
} from '../../races/racePalette.ts';
import { LEGEND_ENTRIES } from '../../races/timelineLegend.ts';
import { runLink } from '../../url/runLink.ts';
import type { Figure, LegendEntry } from './figureFrame.ts';
import { FIGURE_IDS, figureSource } from './figureRegistry.ts';

const CPU_GRID_LEGEND: readonly LegendEntry[] = [
  ...CELL_STATES.map((s, k) => ({ color: CELL_STATE_COLORS[k], label: CELL_STATE_LABELS[s] })),
  { color: READER_COLOR, label: 'in a read-side section', inset: true },
  { color: QS_OWED_COLOR, label: 'owes a quiescent state', inset: true },
  { color: READER_OWING_COLOR, label: 'both', inset: true },
  { color: CHANGED_COLOR, label: 'changed at this step', inset: true },
  { color: VIOLATION_COLOR, label: 'violation at this step', inset: true },
];

const TIMELINE_LEGEND: readonly LegendEntry[] = LEGEND_ENTRIES.map((e) => ({ color: legendColor(e), label: e.label }));

/** The caption lines of a races figure: what ran, where the cursor is, and the link to it. */
export function raceCaption(c: RunConfig, step: number, steps: number, commit: string, pageUrl: string): string[] {
  const kernel = c.variant === 'custom' ? 'custom toggles' : `${c.variant} (${commit})`;
  return [
    `Scenario ${c.scenario}, kernel ${kernel}, pnt_seq rule ${c.pntRule}, ${c.cpus} CPUs, step ${step} of ${steps}.`,
    runLink(pageUrl, c, { view: 'races', step }),
  ];
}

/** A races figure, or an Error saying why it cannot be drawn now. */
export function raceFigure(which: 'cpu-grid' | 'timeline-visible' | 'timeline-whole', caption: string[]): Figure {
  const id = which === 'cpu-grid' ? FIGURE_IDS.racesCpuGrid : FIGURE_IDS.racesTimeline;
  const body = figureSource(id)?.(which === 'timeline-whole' ? 'whole' : 'visible');
  if (!body) throw new Error('the chart is not on screen yet; open the Races view and wait for the run.');
  if (which === 'cpu-grid')
    return { title: 'CPUs at this step: the state of the array each CPU owns', body, legend: CPU_GRID_LEGEND, caption };
  const title = which === 'timeline-whole' ? 'Timeline of the whole run (one lane per CPU)' : 'Timeline, visible window (one lane per CPU)';
  return { title, body, legend: TIMELINE_LEGEND, caption };
}
