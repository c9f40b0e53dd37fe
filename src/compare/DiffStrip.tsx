// A thin strip under one side's timeline, on the same step window: each difference as a numbered band
// (the one both cursors are on darker), and a triangle where this kernel could not follow the schedule.
// Re-rendered when the window changes (a few dozen elements at most in view).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';
import { hunkCursor, type Side } from './alignSteps.ts';
import { blockedMarksOf, diffMarksOf } from './diffMarks.ts';

/** The Timeline's plot insets (its label column and right pad), so the strip lines up with the plot. */
const LEFT_PX = 118;
const RIGHT_PX = 10;

export function DiffStrip({ side, endStep }: { side: Side; endStep: number }) {
  const run = useAppStore((s) => s.compareRun.data);
  const win = useAppStore((s) => s.compareWindow);
  const cursor = useAppStore(useShallow((s) => s.compareCursor));
  const marks = useMemo(() => (run ? diffMarksOf(run.diff.hunks, side) : []), [run, side]);
  const blocked = useMemo(() => (run ? blockedMarksOf(run.blocked[side]) : []), [run, side]);
  const [a, b] = win ?? [0, endStep];
  const pct = (step: number) => ((step - a) / (b - a)) * 100;
  const visible = marks.filter((m) => m.toStep >= a && m.fromStep <= b);
  return (
    <div className="relative h-4" style={{ marginLeft: LEFT_PX, marginRight: RIGHT_PX }} aria-hidden="true">
      <div className="absolute inset-x-0 top-1.5 h-px bg-slate-200" />
      {visible.slice(0, 400).map((m) => {
        const h = run!.diff.hunks[m.hunk];
        const current = hunkCursor(h).a === cursor.a && hunkCursor(h).b === cursor.b;
        const left = Math.max(0, pct(m.fromStep));
        const right = Math.min(100, pct(m.toStep));
        return (
          <span
            key={m.hunk}
            className={`absolute top-0 h-3 min-w-[3px] rounded-sm text-center text-[9px] leading-3 text-white ${current ? 'bg-amber-700' : 'bg-amber-500'}`}
            style={{ left: `${left}%`, width: `${Math.max(0, right - left)}%` }}
            title={`Difference ${m.hunk + 1}`}
          >
            {right - left > 3 ? m.hunk + 1 : ''}
          </span>
        );
      })}
      {blocked
        .filter((s) => s >= a && s <= b)
        .slice(0, 400)
        .map((s) => (
          <span
            key={`x${s}`}
            className="absolute top-0 -translate-x-1/2 text-[10px] leading-3 text-rose-800"
            style={{ left: `${pct(s)}%` }}
          >
            ▲
          </span>
        ))}
    </div>
  );
}
