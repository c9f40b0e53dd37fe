// What the checkers found (KASAN, kmemleak, WARN, oops, lockup, RCU stall), printed the kernel's way,
// with an explanation in words and a button that moves the cursor to the step where it shows.
import { useState } from 'react';
import type { Report } from '../../workers/api.ts';
import { useAppStore } from '../state/store.ts';
import { selectRaceResult } from './raceSelectors.ts';
import { eventStepToViewStep } from './raceTimeline.ts';

const FIRST_SHOWN = 12;
/** Storms at 8192 CPUs report thousands of stuck CPUs: never mount more cards than this. */
const MOST_SHOWN = 200;

function ReportCard({ report }: { report: Report }) {
  const setRaceStep = useAppStore((s) => s.setRaceStep);
  const setRacePlaying = useAppStore((s) => s.setRacePlaying);
  const step = eventStepToViewStep(report.step);
  return (
    <article aria-label={report.title} className="rounded border border-red-200 bg-red-50/40 p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-sm font-semibold text-red-900">{report.title}</h4>
        <div className="flex items-center gap-2 text-xs text-slate-600">
          <span>
            step {step} · CPU {report.cpu}
          </span>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-800 hover:bg-slate-100"
            onClick={() => {
              setRacePlaying(false);
              setRaceStep(step);
            }}
          >
            Go to step
          </button>
        </div>
      </div>
      <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] leading-snug text-slate-100">
        {report.lines.join('\n')}
      </pre>
      <p className="mt-2 text-sm text-slate-800">{report.explanation}</p>
    </article>
  );
}

export function ReportsPanel() {
  const result = useAppStore(selectRaceResult);
  const [showAll, setShowAll] = useState(false);
  const reports = result?.reports ?? [];
  const shown = reports.slice(0, showAll ? MOST_SHOWN : FIRST_SHOWN);
  const kinds = new Map<string, number>();
  for (const r of reports) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  return (
    <section role="region" aria-label="Reports" className="min-w-0 rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-semibold">
        Reports{reports.length > 0 && ` (${reports.length})`}
      </h3>
      {!result ? (
        <p className="text-sm text-slate-500">…</p>
      ) : reports.length === 0 ? (
        <p className="text-sm text-emerald-800">No checker fired: no use-after-free, leak, warning, lockup or RCU stall in this run.</p>
      ) : (
        <div className="flex flex-col gap-3">
          {reports.length > FIRST_SHOWN && (
            <p className="text-xs text-slate-600">
              {[...kinds].map(([kind, n]) => `${n} × ${kind}`).join(' · ')}
            </p>
          )}
          {shown.map((r, i) => (
            <ReportCard key={`${r.kind}-${r.step}-${r.cpu}-${i}`} report={r} />
          ))}
          {reports.length > FIRST_SHOWN && (
            <button type="button" className="self-start text-xs font-medium text-sky-800 underline" onClick={() => setShowAll(!showAll)}>
              {showAll
                ? `Show the first ${FIRST_SHOWN}`
                : reports.length > MOST_SHOWN
                  ? `Show the first ${MOST_SHOWN} of ${reports.length} reports`
                  : `Show all ${reports.length} reports`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
