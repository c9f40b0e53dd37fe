// The differences in words: each hunk's steps on both sides and what each side did there, with a button
// that moves both cursors to it; then the steps where a kernel could not follow the schedule.
import { useAppStore } from '../state/store.ts';
import { hunkCursor } from './alignSteps.ts';

const MAX_LISTED = 50;

const range = ([f, t]: readonly [number, number]) =>
  t > f ? (t - f === 1 ? `step ${f + 1}` : `steps ${f + 1}–${t}`) : `before step ${f + 1}`;

export function HunkList() {
  const run = useAppStore((s) => s.compareRun.data);
  const setCursor = useAppStore((s) => s.setCompareCursor);
  if (!run) return null;
  const { hunks } = run.diff;
  const blocked = [...run.blocked.a.map((b) => ({ ...b, side: 'A' })), ...run.blocked.b.map((b) => ({ ...b, side: 'B' }))];
  return (
    <section role="region" aria-label="Differences in words" className="min-w-0 rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-semibold">Differences in words</h3>
      {hunks.length === 0 && <p className="text-sm text-slate-600">None: the two traces are the same event for event.</p>}
      <ol className="flex flex-col gap-2 text-xs">
        {hunks.slice(0, MAX_LISTED).map((h, i) => (
          <li key={i} className="rounded border border-amber-200 bg-amber-50/50 p-2">
            <div className="mb-1 flex flex-wrap items-baseline gap-2">
              <span className="font-semibold">Difference {i + 1}</span>
              <span className="text-slate-600">
                A {range(h.a)} · B {range(h.b)}
              </span>
              <button
                type="button"
                className="rounded border border-slate-300 bg-white px-1.5 py-0.5 hover:bg-slate-100"
                aria-label={`Go to difference ${i + 1}`}
                onClick={() => setCursor(hunkCursor(h))}
              >
                Go
              </button>
            </div>
            <div className="grid gap-2 md:grid-cols-2">
              {(['a', 'b'] as const).map((side) => (
                <div key={side} className="min-w-0">
                  <p className={`font-semibold ${side === 'a' ? 'text-sky-800' : 'text-fuchsia-800'}`}>
                    {side === 'a' ? 'A' : 'B'}: {side === 'a' ? h.aSummary : h.bSummary}
                  </p>
                  <ul className="ml-3 list-disc font-mono text-[11px] break-words text-slate-700">
                    {(side === 'a' ? h.aEvents : h.bEvents).map((e, k) => (
                      <li key={k}>{e}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </li>
        ))}
      </ol>
      {hunks.length > MAX_LISTED && (
        <p className="mt-2 text-xs text-slate-600">
          … and {hunks.length - MAX_LISTED} more differences (use Next difference, or <code>npm run sim -- diff</code>).
        </p>
      )}
      {blocked.length > 0 && (
        <>
          <h4 className="mt-3 mb-1 text-xs font-semibold">Where a kernel could not follow the schedule (▲ on its strip)</h4>
          <ul className="ml-3 list-disc text-xs text-slate-700">
            {blocked.slice(0, MAX_LISTED).map((b) => (
              <li key={`${b.side}${b.step}`}>
                {b.side}, step {b.step + 1}: {b.wanted} cannot move; it ran {b.used} (the scenario’s default choice) instead
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
