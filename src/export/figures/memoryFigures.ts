// The memory view's figures: the memory chart and the CPU grid, with their legends and a caption
// (machine, scale, link).
import { SERIES } from '../../charts/memory/MemoryChart.tsx';
import { MEMORY_GRID_LEGEND } from '../../memory/MemoryHeatmap.tsx';
import type { Figure, LegendEntry } from './figureFrame.ts';
import { FIGURE_IDS, figureSource } from './figureRegistry.ts';

const CHART_LEGEND: readonly LegendEntry[] = Object.values(SERIES).map((s) => ({ color: s.color, label: s.label }));

export interface MemoryFigureState {
  cpus: number;
  nodes: number;
  pageSize: number;
  log: boolean;
  design: 'new' | 'old';
  link: string;
}

export function memoryCaption(s: MemoryFigureState): string[] {
  return [
    `Memory view: N = ${s.cpus} CPUs, ${s.nodes} node${s.nodes === 1 ? '' : 's'}, PAGE_SIZE ${s.pageSize}, ${s.log ? 'log' : 'linear'} axes, grid coloured by the ${s.design === 'new' ? 'new kvzalloc arrays' : 'old percpu units'}.`,
    s.link,
  ];
}

/** A memory-view figure, or an Error saying why it cannot be drawn now. */
export function memoryFigure(which: 'chart' | 'cpu-grid', caption: string[]): Figure {
  const body = figureSource(which === 'chart' ? FIGURE_IDS.memoryChart : FIGURE_IDS.memoryCpuGrid)?.();
  if (!body) throw new Error('the chart is not on screen yet; wait for the memory figures.');
  return which === 'chart'
    ? { title: 'Memory of the kick pseqs arrays against CPU count, both designs', body, legend: CHART_LEGEND, caption }
    : { title: 'Where the arrays live: one cell per CPU, grouped by NUMA node', body, legend: MEMORY_GRID_LEGEND, caption };
}
