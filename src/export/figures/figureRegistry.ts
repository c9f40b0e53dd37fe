// Charts on screen offer their drawing to the exports: a chart registers a figure source under an id
// while it is mounted; an export asks for it by id and draws it again (into a 2× canvas or the SVG
// recorder) with the very function that draws it on screen.
import { useEffect, useRef } from 'react';

/** The charts the exports can draw, by id. */
export const FIGURE_IDS = {
  racesCpuGrid: 'races-cpu-grid',
  racesTimeline: 'races-timeline',
  memoryCpuGrid: 'memory-cpu-grid',
  memoryChart: 'memory-chart',
  compareMemory: 'compare-memory',
  compareTimelineA: 'compare-timeline-a',
  compareTimelineB: 'compare-timeline-b',
} as const;

/** A Canvas2D-compatible drawing surface (a real context, or the SVG recorder typed as one). */
export type FigureContext = CanvasRenderingContext2D;

export interface FigureBody {
  /** CSS pixels of the chart. */
  widthPx: number;
  heightPx: number;
  /**
   * Draws the chart into `ctx`, whose unit is one CSS pixel; `dpr` is the device pixels per CSS pixel
   * of the surface (for drawers that write raw pixels).
   */
  draw: (ctx: FigureContext, dpr: number) => void;
}

/** What a mounted chart can draw now (null when it has nothing to draw yet), per variant ('visible', 'whole'…). */
export type FigureSource = (variant?: string) => FigureBody | null;

const sources = new Map<string, FigureSource>();

/** The source registered under `id`, or undefined when no such chart is on screen. */
export function figureSource(id: string): FigureSource | undefined {
  return sources.get(id);
}

/** Registers `source` under `id` (when id is given) for as long as the component is mounted. */
export function useFigureSource(id: string | undefined, source: FigureSource): void {
  const latest = useRef(source);
  useEffect(() => {
    latest.current = source;
  });
  useEffect(() => {
    if (!id) return;
    const get: FigureSource = (variant) => latest.current(variant);
    sources.set(id, get);
    return () => {
      if (sources.get(id) === get) sources.delete(id);
    };
  }, [id]);
}
