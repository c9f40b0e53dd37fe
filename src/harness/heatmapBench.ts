// window.__bench.drawHeatmap(n): time one full redraw of an n-cell grid, measured in the page with
// the real layout and drawer on a canvas the size of the on-screen heatmap.
import { interpolateViridis } from 'd3';
import { HEATMAP_DRAW_PROBE } from '../charts/heatmap/CpuHeatmap.tsx';
import { createHeatmapScratch, drawHeatmap } from '../charts/heatmap/drawHeatmap.ts';
import { computeGridLayout } from '../charts/heatmap/heatmapLayout.ts';
import { createSequentialLut } from '../charts/shared/colorLut.ts';
import { getCssPixelContext, resizeCanvas } from '../charts/shared/hiDpiCanvas.ts';
import { lastSample } from './probeLog.ts';

export interface HeatmapBenchResult {
  /** Layout + draw calls, ms (main-thread time). */
  drawMs: number;
  /** The same plus a 1-pixel readback that forces the canvas to finish rendering, ms. */
  drawAndFlushMs: number;
  cellPx: number;
  widthPx: number;
  heightPx: number;
}

export interface BenchHooks {
  drawHeatmap: (cells: number, nodes?: number) => HeatmapBenchResult;
  /** Duration of the most recent draw of a live CpuHeatmap (layout + draw), ms; 0 before the first. */
  lastHeatmapDrawMs: () => number;
}

declare global {
  interface Window {
    __bench?: BenchHooks;
  }
}

export function installHeatmapBench(): void {
  const lut = createSequentialLut(interpolateViridis);
  const scratch = createHeatmapScratch();
  const canvas = document.createElement('canvas');
  window.__bench = {
    lastHeatmapDrawMs: () => lastSample(HEATMAP_DRAW_PROBE)?.ms ?? 0,
    drawHeatmap: (cells, nodes = 1) => {
      const live = document.querySelector('[role="region"][aria-label="CPU grid"] canvas');
      const rect = live?.getBoundingClientRect();
      const widthPx = Math.floor(rect?.width || 1000);
      const heightPx = Math.floor(rect?.height || 320);
      const dpr = window.devicePixelRatio || 1;
      const groupSizes = Array.from({ length: nodes }, (_, k) => Math.floor(cells / nodes) + (k < cells % nodes ? 1 : 0));
      const colorIndex = new Uint8Array(cells);
      for (let i = 0; i < cells; i++) colorIndex[i] = (i * 37) & 255;
      resizeCanvas(canvas, { widthPx, heightPx, dpr });
      const ctx = getCssPixelContext(canvas, dpr);
      const labels = groupSizes.map((c, g) => [`node ${g} · ${c} CPUs`, `node ${g}`]);
      const t0 = performance.now();
      const layout = computeGridLayout(groupSizes, widthPx, heightPx);
      drawHeatmap(ctx, { layout, colorIndex, lut, groupLabels: labels, labelColor: '#334155' }, scratch, widthPx, heightPx);
      const t1 = performance.now();
      ctx.getImageData(0, 0, 1, 1);
      const t2 = performance.now();
      return { drawMs: t1 - t0, drawAndFlushMs: t2 - t0, cellPx: layout.cellPx, widthPx, heightPx };
    },
  };
}
