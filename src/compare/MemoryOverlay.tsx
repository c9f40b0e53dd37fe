// Both runs' memory over time (live + waiting for a grace period + leaked), overlaid on the timelines'
// shared step window, with both cursors: where one kernel holds more, or never gives it back, shows at a
// glance. d3 does the scale, React the SVG: one point per column, recomputed only when the window moves;
// the cursor lines are their own component, so a step re-renders two lines.
import { scaleLinear } from 'd3';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { drawSvgTree } from '../export/figures/drawSvgTree.ts';
import { FIGURE_IDS, useFigureSource } from '../export/figures/figureRegistry.ts';
import { formatBytes } from '../memory/formatBytes.ts';
import { useAppStore } from '../state/store.ts';
import { compareEndStep } from './compareSlice.ts';
import { memoryTotals, peakBytes } from './memoryOverlay.ts';

const W = 1000;
const H = 90;
const LEFT = 118;
const RIGHT = 10;
const COLS = W - LEFT - RIGHT;
export const OVERLAY_COLORS = { a: '#0369a1', b: '#a21caf' } as const;

function pathOf(totals: Float64Array, y: (bytes: number) => number): string {
  let d = '';
  for (let c = 0; c < totals.length; c++) d += `${c ? 'L' : 'M'}${LEFT + c},${y(totals[c]).toFixed(1)}`;
  return d;
}

function CursorLines({ from, to }: { from: number; to: number }) {
  const cursor = useAppStore(useShallow((s) => s.compareCursor));
  const x = scaleLinear()
    .domain([from, to])
    .range([LEFT, W - RIGHT]);
  return (
    <>
      {(['a', 'b'] as const).map((side) =>
        cursor[side] >= from && cursor[side] <= to ? (
          <line
            key={side}
            x1={x(cursor[side])}
            x2={x(cursor[side])}
            y1={2}
            y2={H - 2}
            stroke={OVERLAY_COLORS[side]}
            strokeOpacity={0.5}
            vectorEffect="non-scaling-stroke"
          />
        ) : null,
      )}
    </>
  );
}

export function MemoryOverlay() {
  const run = useAppStore((s) => s.compareRun.data);
  const win = useAppStore((s) => s.compareWindow);
  const peaks = useMemo(() => (run ? { a: peakBytes(run.a.result.memory), b: peakBytes(run.b.result.memory) } : null), [run]);
  const svgRef = useRef<SVGSVGElement>(null);
  // The export draws the chart in its viewBox units (W × H), with the very elements on screen.
  useFigureSource(FIGURE_IDS.compareMemory, () => {
    const svg = svgRef.current;
    return svg && { widthPx: W, heightPx: H, draw: (ctx) => drawSvgTree(ctx, svg) };
  });
  const end = compareEndStep(run);
  const [from, to] = win ?? [0, end];
  const paths = useMemo(() => {
    if (!run || !peaks) return null;
    const y = scaleLinear()
      .domain([0, Math.max(1, peaks.a, peaks.b)])
      .range([H - 4, 6]);
    return {
      a: pathOf(memoryTotals(run.a.result.memory, run.a.result.steps, from, to, COLS), y),
      b: pathOf(memoryTotals(run.b.result.memory, run.b.result.steps, from, to, COLS), y),
    };
  }, [run, peaks, from, to]);
  if (!run || !peaks || !paths) return null;
  const label = `Memory over time: kernel A peaks at ${formatBytes(peaks.a)}, kernel B at ${formatBytes(peaks.b)}`;
  return (
    <section role="region" aria-label="Memory over time, A and B" className="min-w-0 rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-1 text-sm font-semibold">Memory over time, overlaid</h3>
      <svg ref={svgRef} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="h-24 w-full" role="img" aria-label={label}>
        <line x1={LEFT} x2={W - RIGHT} y1={H - 4} y2={H - 4} stroke="#cbd5e1" />
        <path d={paths.a} fill="none" stroke={OVERLAY_COLORS.a} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        <path d={paths.b} fill="none" stroke={OVERLAY_COLORS.b} strokeWidth={2} strokeDasharray="6 3" vectorEffect="non-scaling-stroke" />
        <CursorLines from={from} to={to} />
      </svg>
      <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700">
        <span>
          <span className="mr-1 inline-block h-0.5 w-4 align-middle" style={{ background: OVERLAY_COLORS.a }} aria-hidden="true" />
          A: peak {formatBytes(peaks.a)}, at the end {formatBytes(run.a.result.verdict.leakedBytes)} leaked
        </span>
        <span>
          <span
            className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed align-middle"
            style={{ borderColor: OVERLAY_COLORS.b }}
            aria-hidden="true"
          />
          B (dashed): peak {formatBytes(peaks.b)}, at the end {formatBytes(run.b.result.verdict.leakedBytes)} leaked
        </span>
      </p>
    </section>
  );
}
