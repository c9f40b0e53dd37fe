// What the checkers found (KASAN, kmemleak, WARN, oops, lockup, RCU stall), printed the kernel's way,
// with an explanation in words and a button that moves the cursor to the step where it shows.
// Reports of one kind are grouped: the first in full, the others (thousands of stuck CPUs in an
// 8192-CPU storm) as a compact list.
import { Glossed } from '../ui/Term.tsx';
import { useState } from 'react';
import type { Report } from '../../workers/api.ts';
import { useAppStore } from '../state/store.ts';
import { selectRaceResult } from './raceSelectors.ts';
import { eventStepToViewStep } from './raceTimeline.ts';

const COMPACT_SHOWN = 8;
const COMPACT_MOST = 400;

function useGoToStep(): (step: number) => void {
  const setRaceStep = useAppStore((s) => s.setRaceStep);
  const setRacePlaying = useAppStore((s) => s.setRacePlaying);
  return (step) => {
    setRacePlaying(false);
    setRaceStep(step);
  };
}

/** Explanations longer than this (a stall naming a thousand CPUs) start folded. */
const LONG_EXPLANATION = 600;
/** Kernel logs longer than this many lines start folded to their first lines (the header and the trace's top). */
const LOG_LINES_SHOWN = 6;

function ReportCard({ report }: { report: Report }) {
  const goTo = useGoToStep();
  const long = report.explanation.length > LONG_EXPLANATION;
  const [unfolded, setUnfolded] = useState(false);
  const [wholeLog, setWholeLog] = useState(false);
  const longLog = report.lines.length > LOG_LINES_SHOWN;
  const logLines = longLog && !wholeLog ? [...report.lines.slice(0, LOG_LINES_SHOWN), '…'] : report.lines;
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
            onClick={() => goTo(step)}
          >
            Go to step
          </button>
        </div>
      </div>
      <pre
        tabIndex={0}
        aria-label={`${report.title}: the kernel log`}
        className="mt-2 max-h-56 overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] leading-snug text-slate-100"
      >
        {logLines.join('\n')}
      </pre>
      {longLog && (
        <button type="button" className="mt-1 text-xs font-medium text-sky-800 underline" onClick={() => setWholeLog(!wholeLog)}>
          {wholeLog ? 'Fold the log' : `Show the whole log (${report.lines.length} lines)`}
        </button>
      )}
      <p className={`mt-2 text-sm break-words text-slate-800 ${long && !unfolded ? 'line-clamp-3' : ''}`}>
        <Glossed text={report.explanation} />
      </p>
      <p className="mt-1 text-xs text-slate-600">Model options: {report.options}.</p>
      {long && (
        <button type="button" className="mt-1 text-xs font-medium text-sky-800 underline" onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? 'Fold the explanation' : 'Show the whole explanation'}
        </button>
      )}
    </article>
  );
}

function MoreOfKind({ reports }: { reports: Report[] }) {
  const goTo = useGoToStep();
  const [open, setOpen] = useState(false);
  const shown = reports.slice(0, open ? COMPACT_MOST : COMPACT_SHOWN);
  return (
    <div className="ml-4 text-xs text-slate-700">
      <p className="mb-1">
        {reports.length} more like it{reports.length > shown.length ? `; the first ${shown.length}:` : ':'}
      </p>
      <ul className="flex flex-wrap gap-1">
        {shown.map((r, i) => {
          const step = eventStepToViewStep(r.step);
          return (
            <li key={`${r.step}-${r.cpu}-${i}`}>
              <button
                type="button"
                title={r.title}
                aria-label={`${r.title}: go to step ${step}`}
                className="rounded border border-slate-200 bg-white px-1.5 py-0.5 font-mono hover:bg-slate-100"
                onClick={() => goTo(step)}
              >
                CPU {r.cpu} · step {step}
              </button>
            </li>
          );
        })}
      </ul>
      {reports.length > COMPACT_SHOWN && (
        <button type="button" className="mt-1 font-medium text-sky-800 underline" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show ${Math.min(reports.length, COMPACT_MOST)}`}
        </button>
      )}
    </div>
  );
}

export function ReportsPanel() {
  const result = useAppStore(selectRaceResult);
  const reports = result?.reports ?? [];
  const groups = new Map<Report['kind'], Report[]>();
  for (const r of reports) {
    const group = groups.get(r.kind);
    if (group) group.push(r);
    else groups.set(r.kind, [r]);
  }
  return (
    <section role="region" aria-label="Reports" className="min-w-0 rounded border border-slate-200 bg-white p-3 [contain:content]">
      <h3 className="mb-2 text-sm font-semibold">
        Reports{reports.length > 0 && ` (${reports.length})`}{' '}
        <span className="text-xs font-normal text-slate-600">
          · the kernel&apos;s form, line by line; addresses, pids, offsets and line numbers are illustrative, register dumps left out
        </span>
      </h3>
      {!result ? (
        <p className="text-sm text-slate-500">…</p>
      ) : reports.length === 0 ? (
        <p className="text-sm text-emerald-800">No checker fired: no use-after-free, leak, warning, lockup or RCU stall in this run.</p>
      ) : (
        <div className="flex flex-col gap-3">
          {[...groups.values()].map((group) => (
            <div key={group[0].kind} className="flex flex-col gap-2">
              <ReportCard report={group[0]} />
              {group.length > 1 && <MoreOfKind reports={group.slice(1)} />}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
