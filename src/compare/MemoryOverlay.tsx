// Both runs' memory over time (live + waiting for a grace period + leaked), overlaid on the timelines'
// shared step window, with both cursors: where one kernel holds more, or never gives it back, shows at a
// glance. d3 does the scales, React the SVG (a few hundred points in view).
import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatBytes } from '../memory/formatBytes.ts';
import { useAppStore } from '../state/store.ts';
import { compareEndStep } from './compareSlice.ts';
import { memoryStepPoints, peakBytes, type MemoryPoint } from './memoryOverlay.ts';

const W = 1000;
const H = 90;
const LEFT = 118;
const RIGHT = 10;
const COLORS = { a: '#0369a1', b: '#a21caf' } as const;

const pathOf = (pts: MemoryPoint[], x: (s: number) => number, y: (b: number) => number) =>
  pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p.bytes).toFixed(1)}`).join('');

export function MemoryOverlay() {
  const run = useAppStore((s) => s.compareRun.data);
  const win = useAppStore((s) => s.compareWindow);
  const cursor = useAppStore(useShallow((s) => s.compareCursor));
  const peaks = useMemo(() => (run ? { a: peakBytes(run.a.result.memory), b: peakBytes(run.b.result.memory) } : null), [run]);
  if (!run || !peaks) return null;
  const end = compareEndStep(run);
  const [from, to] = win ?? [0, end];
  const x = scaleLinear()
    .domain([from, to])
    .range([LEFT, W - RIGHT]);
  const y = scaleLinear()
    .domain([0, Math.max(1, peaks.a, peaks.b)])
    .range([H - 4, 6]);
  const pa = memoryStepPoints(run.a.result.memory, run.a.result.steps, from, to);
  const pb = memoryStepPoints(run.b.result.memory, run.b.result.steps, from, to);
  const label = `Memory over time: kernel A peaks at ${formatBytes(peaks.a)}, kernel B at ${formatBytes(peaks.b)}`;
  return (
    <section role="region" aria-label="Memory over time, A and B" className="min-w-0 rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-1 text-sm font-semibold">Memory over time, overlaid</h3>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="h-24 w-full" role="img" aria-label={label}>
        <line x1={LEFT} x2={W - RIGHT} y1={H - 4} y2={H - 4} stroke="#cbd5e1" />
        <path d={pathOf(pa, x, y)} fill="none" stroke={COLORS.a} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        <path d={pathOf(pb, x, y)} fill="none" stroke={COLORS.b} strokeWidth={2} strokeDasharray="6 3" vectorEffect="non-scaling-stroke" />
        {(['a', 'b'] as const).map((side) =>
          cursor[side] >= from && cursor[side] <= to ? (
            <line
              key={side}
              x1={x(cursor[side])}
              x2={x(cursor[side])}
              y1={2}
              y2={H - 2}
              stroke={COLORS[side]}
              strokeOpacity={0.5}
              vectorEffect="non-scaling-stroke"
            />
          ) : null,
        )}
      </svg>
      <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700">
        <span>
          <span className="mr-1 inline-block h-0.5 w-4 align-middle" style={{ background: COLORS.a }} aria-hidden="true" />
          A: peak {formatBytes(peaks.a)}, at the end {formatBytes(run.a.result.verdict.leakedBytes)} leaked
        </span>
        <span>
          <span
            className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed align-middle"
            style={{ borderColor: COLORS.b }}
            aria-hidden="true"
          />
          B (dashed): peak {formatBytes(peaks.b)}, at the end {formatBytes(run.b.result.verdict.leakedBytes)} leaked
        </span>
      </p>
    </section>
  );
}
