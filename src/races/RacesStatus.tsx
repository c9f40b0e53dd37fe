// The status line ("Step k of n · …", a live region), the step in words, the verdict so far and at the end
// of the run (each split into introduced by this kernel and pre-existing) and the trace hash (two runs with
// the same hash made the same trace).
import { Glossed } from '../ui/Term.tsx';
import { memo } from 'react';
import type { Report, Verdict } from '../../workers/api.ts';
import { formatBytes } from '../memory/formatBytes.ts';
import { useAppStore } from '../state/store.ts';
import { selectRaceBusy, selectRaceResult, selectRaceStatusText, selectRaceView } from './raceSelectors.ts';
import { isViolation, stepMeaning } from './stepMeaning.ts';
import { groupText, reportsUpTo, splitVerdict } from './verdictParts.ts';

/** The verdict as short phrases, worst first; empty when nothing went wrong. */
export function verdictPhrases(v: Verdict): string[] {
  const out: string[] = [];
  if (v.bootPanic) out.push('boot panic');
  if (v.useAfterFree) out.push('use-after-free');
  if (v.nullDeref) out.push('NULL dereference');
  if (v.doubleFree) out.push('double free');
  if (v.stuck) out.push('a CPU spins forever');
  if (v.rcuStall) out.push('RCU stall');
  if (v.leakedArrays) out.push(`${v.leakedArrays} array${v.leakedArrays === 1 ? '' : 's'} leaked (${formatBytes(v.leakedBytes)})`);
  if (v.warnings.length) out.push(`${v.warnings.length} warning${v.warnings.length === 1 ? '' : 's'}`);
  if (v.droppedKicks) out.push(`${v.droppedKicks} kick${v.droppedKicks === 1 ? '' : 's'} dropped`);
  return out;
}

/**
 * The live status line: the only part that changes with every step. A fixed number of lines whatever
 * the text (three in a narrow player, two in a wide one), so a step whose status wraps does not move
 * the page below it.
 */
function StatusLine() {
  const text = useAppStore(selectRaceStatusText);
  return (
    <p
      role="status"
      className="line-clamp-3 h-[54px] min-w-72 flex-1 font-mono text-[13px] leading-[18px] text-slate-900 @3xl:line-clamp-2 @3xl:h-10"
      title={text ?? undefined}
    >
      {text ?? 'Running the scenario…'}
    </p>
  );
}

/** The current step in one sentence: what happened and why it matters. */
function StepSentence() {
  const view = useAppStore(selectRaceView);
  if (!view) return null;
  const bad = isViolation(view.events);
  return (
    <p
      aria-label="This step in words"
      className={`line-clamp-2 h-10 w-full text-sm leading-5 ${bad ? 'font-medium text-red-800' : 'text-slate-800'}`}
    >
      <Glossed text={stepMeaning(view.step, view.events)} />
    </p>
  );
}

/** One labelled part of the verdict: clean, or what was found split by origin. */
function VerdictPart({ label, reports, done }: { label: string; reports: readonly Report[] | null; done: boolean }) {
  const split = reports ? splitVerdict(reports) : null;
  const clean = split && !split.introduced.length && !split.preExisting.length;
  return (
    <span aria-label={label}>
      <span className="font-medium text-slate-600">{label}: </span>
      {!split ? (
        '…'
      ) : clean ? (
        <span className="font-semibold text-emerald-700">{done ? 'clean: no use-after-free, leak, warning or stall' : 'clean so far'}</span>
      ) : (
        <>
          {split.introduced.length > 0 && (
            <span className="font-semibold text-red-700" title={split.introduced.map((g) => g.why).join('; ')}>
              introduced by this kernel: {split.introduced.flatMap((g) => g.phrases).join(', ')}
            </span>
          )}
          {split.introduced.length > 0 && split.preExisting.length > 0 && ' · '}
          {split.preExisting.length > 0 && <span className="text-amber-800">pre-existing: {groupText(split.preExisting)}</span>}
        </>
      )}
    </span>
  );
}

/** The verdict up to the step shown: re-rendered per step, but only as a list of reports. */
function SoFar() {
  const result = useAppStore(selectRaceResult);
  const step = useAppStore((s) => s.raceView?.step ?? 0);
  return <VerdictPart label="So far" reports={result ? reportsUpTo(result.reports, step) : null} done={false} />;
}

/** The end-of-run verdict: once per run. */
const AtTheEnd = memo(function AtTheEnd() {
  const result = useAppStore(selectRaceResult);
  return (
    <>
      <VerdictPart label="At the end of this run" reports={result?.reports ?? null} done />
      {result?.truncated && <span className="text-amber-700"> (stopped at the step limit)</span>}
    </>
  );
});

/** The trace hash and size: once per run. */
const RunSummary = memo(function RunSummary() {
  const result = useAppStore(selectRaceResult);
  const busy = useAppStore(selectRaceBusy);
  return (
    <div className="min-w-0">
      <p className="text-[11px] text-slate-600">
        {busy && <span className="mr-2 text-sky-700">computing…</span>}
        trace{' '}
        <span className="font-mono" aria-label="Trace hash">
          {result?.traceHash ?? '–'}
        </span>
        {result && ` · ${result.trace.count.toLocaleString('en-US')} events · ${result.steps.toLocaleString('en-US')} steps`}
      </p>
    </div>
  );
});

export function RacesStatus() {
  return (
    <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 [contain:content]">
      <StatusLine />
      <StepSentence />
      <p className="w-full text-xs leading-4">
        <SoFar />
        <span aria-hidden="true"> · </span>
        <AtTheEnd />
      </p>
      <RunSummary />
    </div>
  );
}
