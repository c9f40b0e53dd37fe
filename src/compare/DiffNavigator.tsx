// The status line of the comparison (role "status": read out when it changes) and the buttons that move
// both cursors to a difference: First, Previous and Next difference.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorMessage, requestSim } from '../sim/simRequest.ts';
import { useAppStore } from '../state/store.ts';
import { hunkAtOrBefore, hunkCursor, nextHunk, previousHunk } from './alignSteps.ts';

const BUTTON = 'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50';

export function DiffNavigator() {
  const run = useAppStore((s) => s.compareRun.data);
  const busy = useAppStore((s) => s.compareRun.status === 'running');
  const cursor = useAppStore(useShallow((s) => s.compareCursor));
  const setCursor = useAppStore((s) => s.setCompareCursor);
  const hunks = run?.diff.hunks ?? [];
  const go = (i: number) => {
    if (i >= 0 && i < hunks.length) setCursor(hunkCursor(hunks[i]));
  };
  const at = hunkAtOrBefore(hunks, cursor.a);
  const onHunk = at >= 0 && hunkCursor(hunks[at]).a === cursor.a && hunkCursor(hunks[at]).b === cursor.b;
  const w = run?.diff.window;
  const setDiff = useAppStore((s) => s.setCompareDiff);
  const [realignError, setRealignError] = useState<string | null>(null);
  const realign = () => {
    if (!run) return;
    setRealignError(null);
    requestSim((sim) => sim.realign(run.a.workerRunId, run.b.workerRunId, Math.max(0, cursor.a - 1))).then(
      (r) => setDiff(run.key, r.diff, r.status),
      (e: unknown) => setRealignError(errorMessage(e)),
    );
  };
  return (
    <section aria-label="Differences" className="flex flex-col gap-2 rounded border border-slate-200 bg-white px-4 py-2">
      <p role="status" className="text-sm font-medium text-slate-900">
        {run ? run.status : busy ? 'Running both kernels…' : 'Waiting for the comparison…'}
      </p>
      {w && (
        <p className="text-xs text-amber-800" role="note">
          The traces are too long and too different to align whole: only steps {w.a[0] + 1}–{w.a[1]} of A and {w.b[0] + 1}–{w.b[1]} of B
          (around the cursor) were aligned.{' '}
          <button type="button" className="rounded border border-amber-700 px-1.5 py-0.5 hover:bg-amber-50" onClick={realign}>
            Align around the cursor
          </button>
          {realignError && <span className="ml-2 text-rose-800">{realignError}</span>}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} disabled={!hunks.length} onClick={() => go(0)}>
          First difference
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={previousHunk(hunks, cursor.a) < 0}
          onClick={() => go(previousHunk(hunks, cursor.a))}
        >
          Previous difference
        </button>
        <button type="button" className={BUTTON} disabled={nextHunk(hunks, cursor.a) < 0} onClick={() => go(nextHunk(hunks, cursor.a))}>
          Next difference
        </button>
        <span className="text-sm text-slate-700" data-testid="compare-cursors">
          A at step {cursor.a} of {run?.a.result.steps ?? 0} · B at step {cursor.b} of {run?.b.result.steps ?? 0}
          {onHunk ? ` · difference ${at + 1} of ${hunks.length}` : ''}
        </span>
      </div>
    </section>
  );
}
