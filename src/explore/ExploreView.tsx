// The explore view: every interleaving of the current scenario at 1–8 CPUs, searched in the worker, with
// live progress, a Stop that terminates the worker, and per checker whether some schedule reaches it. Each
// counterexample (a shortest schedule) loads into the race stepper at the step where it shows.
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioName, Toggles, VariantName } from '../../workers/api.ts';
import { SimErrorAlert } from '../sim/SimErrorAlert.tsx';
import { useSimQuery } from '../sim/useSimQuery.ts';
import { useAppStore } from '../state/store.ts';
import type { AppState } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import { ViewIntro } from '../ui/ViewIntro.tsx';
import { runExplore, stopExploring } from './exploreActions.ts';
import { CHECKER_TITLES, CHECKERS, EXPLORE_MAX_CPUS, pntRuleLabel, sleepSetsText } from '../../workers/model/constants.ts';
import { completenessText, coverageText, exploreCpusProblem } from './exploreConfig.ts';
import { ExploreProgress, progressNumbers } from './ExploreProgress.tsx';
import { CheckerVerdict } from './CheckerVerdict.tsx';
import { BudgetSelect } from './BudgetSelect.tsx';
import { PntRuleControls } from '../races/PntRuleControls.tsx';
import { irqOptionsLine, IrqOptionFields } from '../races/IrqOptionFields.tsx';
import { FailSchedAllocField } from '../races/EnableFailureFields.tsx';
import { ExploreExport } from '../export/ExploreExport.tsx';

const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-sky-600';
const primaryButtonClass =
  'rounded border border-sky-700 bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600';
const fmt = (n: number) => n.toLocaleString('en-US');

const selectMinCpus = (s: AppState) => s.raceCatalog?.scenarios.find((c) => c.name === s.raceParams.scenario)?.minCpus ?? 1;

/** The scenario catalog (shared with the races view), loaded once. */
function useCatalog(): void {
  const loaded = useAppStore((s) => s.raceCatalog !== null);
  const setCatalog = useAppStore((s) => s.setRaceCatalog);
  useSimQuery({
    key: 'explore/catalog',
    enabled: !loaded,
    run: (sim) => sim.catalog(),
    onStart: () => {},
    onResult: (_id, catalog) => setCatalog(catalog),
    onError: () => {},
  });
}

function Inputs() {
  const catalog = useAppStore((s) => s.raceCatalog);
  const { scenario, variant } = useAppStore(useShallow((s) => ({ scenario: s.raceParams.scenario, variant: s.raceParams.variant })));
  const cpus = useAppStore((s) => s.cpus);
  const failAllocAt = useAppStore((s) => s.raceParams.failAllocAt);
  const minCpus = useAppStore(selectMinCpus);
  const [symmetry, por] = useAppStore(useShallow((s) => [s.exploreSymmetry, s.explorePor] as const));
  const actions = useAppStore(
    useShallow((s) => ({
      setScenario: s.setRaceScenario,
      setVariant: s.setRaceVariant,
      setCpus: s.setCpus,
      setReductions: s.setExploreReductions,
    })),
  );
  const running = useAppStore((s) => s.exploreStatus === 'running');
  const problem = exploreCpusProblem(cpus, minCpus);
  return (
    <fieldset disabled={running} className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white px-4 py-3">
      <LabeledSelect label="Scenario" selectClassName="max-w-72" value={scenario} onChange={(v) => actions.setScenario(v as ScenarioName)}>
        {(catalog?.scenarios ?? [{ name: scenario, title: scenario }]).map((s) => (
          <option key={s.name} value={s.name}>
            {s.title} ({s.name})
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Variant" selectClassName="max-w-60" value={variant} onChange={(v) => actions.setVariant(v as VariantName)}>
        {(catalog?.variants ?? []).map((v) => (
          <option key={v.name} value={v.name}>
            {v.name} — {v.commit}
          </option>
        ))}
        {variant === 'custom' && (
          <option value="custom" disabled>
            custom — toggles changed by hand
          </option>
        )}
      </LabeledSelect>
      <LabeledSelect label="CPUs" value={cpus <= EXPLORE_MAX_CPUS ? String(cpus) : ''} onChange={(v) => actions.setCpus(Number(v))}>
        {cpus > EXPLORE_MAX_CPUS && (
          <option value="" disabled>
            {fmt(cpus)}: too many
          </option>
        )}
        {Array.from({ length: EXPLORE_MAX_CPUS }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n} disabled={n < minCpus}>
            {n}
          </option>
        ))}
      </LabeledSelect>
      <BudgetSelect />
      <div className="flex flex-col gap-1 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="accent-sky-700"
            checked={symmetry}
            onChange={(e) => actions.setReductions(e.currentTarget.checked, por)}
          />
          symmetry reduction
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="accent-sky-700"
            checked={por}
            onChange={(e) => actions.setReductions(symmetry, e.currentTarget.checked)}
          />
          partial-order reduction
        </label>
      </div>
      <FailSchedAllocField compact />
      <PntRuleControls compact />
      <IrqOptionFields compact />
      {problem && (
        <p role="note" className="w-full text-xs text-amber-800">
          {problem}
        </p>
      )}
      {failAllocAt >= 0 && (
        <p className="w-full text-xs text-slate-700">
          kvzalloc_node() call {failAllocAt} (0-based) fails with -ENOMEM in every schedule: set under Races › Advanced.
        </p>
      )}
    </fieldset>
  );
}

function Transport() {
  const status = useAppStore((s) => s.exploreStatus);
  const ready = useAppStore((s) => s.raceCatalog !== null && exploreCpusProblem(s.cpus, selectMinCpus(s)) === null);
  const progress = useAppStore((s) => s.exploreProgress);
  const result = useAppStore((s) => s.exploreResult);
  const running = status === 'running';
  let line: string;
  if (running) {
    line = progress ? `Exploring… ${progressNumbers(progress)}` : 'Exploring…';
  } else if (status === 'stopped') {
    line = progress ? `Stopped after ${fmt(progress.states)} states (depth ${progress.depth}); no verdict.` : 'Stopped; no verdict.';
  } else if (status === 'done' && result) {
    line = `Done: ${fmt(result.states)} states · ${fmt(result.transitions)} transitions · ${fmt(Math.round(result.states / Math.max(result.seconds, 1e-3)))} states/s · ${result.seconds.toFixed(2)} s · ${completenessText(result)}`;
  } else line = 'Not explored yet.';
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white px-4 py-2">
      <button type="button" className={primaryButtonClass} disabled={running || !ready} onClick={() => void runExplore()}>
        Explore all interleavings
      </button>
      <button type="button" className={buttonClass} disabled={!running} onClick={stopExploring}>
        Stop
      </button>
      <p role="status" aria-label="Explore progress" className="min-w-0 flex-1 font-mono text-sm text-slate-900">
        {line}
      </p>
      {progress && (running || status === 'stopped') && <ExploreProgress progress={progress} stopped={!running} />}
    </div>
  );
}

/** Custom toggles in words, e.g. "lazyAlloc on, rcuFree off, nullCheck on, allocAfterStateCheck off". */
function toggleText(t: Toggles): string {
  return (Object.keys(t) as (keyof Toggles)[]).map((k) => `${k} ${t[k] ? 'on' : 'off'}`).join(', ');
}

function Results() {
  const result = useAppStore((s) => s.exploreResult);
  const target = useAppStore((s) => s.exploreTarget);
  const showCounterexample = useAppStore((s) => s.showCounterexample);
  if (!result || !target) return null;
  return (
    <section role="region" aria-label="Explore results" className="rounded border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold">
        {result.scenario} · {result.variant} · {result.cpus} CPU{result.cpus === 1 ? '' : 's'} · pnt_seq rule {pntRuleLabel(result)}
      </h3>
      <p className="mt-0.5 text-xs text-slate-700" aria-label="Explored irq work options">
        {irqOptionsLine(result)}
      </p>
      <p className="mt-0.5 text-xs font-medium text-slate-700">{coverageText(result)}</p>
      {(result.variant === 'custom' || result.failAllocAt >= 0 || result.failSchedAlloc) && (
        <p className="mt-0.5 text-xs text-slate-700" aria-label="Explored configuration">
          {result.variant === 'custom' && `toggles: ${toggleText(result.toggles)}`}
          {result.variant === 'custom' && result.failAllocAt >= 0 && ' · '}
          {result.failAllocAt >= 0 && `kvzalloc_node() call ${result.failAllocAt} (0-based) fails with -ENOMEM in every schedule`}
          {result.failSchedAlloc &&
            `${result.variant === 'custom' || result.failAllocAt >= 0 ? ' · ' : ''}scx_alloc_and_add_sched() fails with -ENOMEM`}
        </p>
      )}
      <p className="mt-0.5 text-xs text-slate-600">
        {completenessText(result)} · {fmt(result.states)} states, {fmt(result.transitions)} transitions, depth {result.depth} · symmetry{' '}
        {result.symmetry
          ? result.symmetricCpus.length
            ? `on (CPUs ${result.symmetricCpus.join(', ')} interchangeable)`
            : 'on (no interchangeable CPUs at this size)'
          : 'off'}{' '}
        · partial-order reduction {result.por ? `on (${fmt(result.reducedStates)} states reduced)` : 'off'} ·{' '}
        {sleepSetsText(result, fmt, false)}
      </p>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="text-xs text-slate-600">
          <tr>
            <th className="py-1 pr-4 font-medium">Checker</th>
            <th className="py-1 pr-4 font-medium">Some schedule reaches it?</th>
            <th className="py-1 pr-4 font-medium">Shortest schedule</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Counterexample</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {CHECKERS.map((name) => {
            const cx = result.violations[name];
            return (
              <tr key={name} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-4 font-medium">
                  {CHECKER_TITLES[name]}
                </th>
                <CheckerVerdict result={result} found={!!cx} />
                <td className="py-1 pr-4">
                  {cx && (
                    <details>
                      <summary className="cursor-pointer text-xs text-slate-700">{cx.steps} steps</summary>
                      <p className="mt-1 max-w-3xl font-mono text-[11px] break-words text-slate-700">{cx.schedule.join(' ')}</p>
                    </details>
                  )}
                </td>
                <td className="py-1">
                  {cx && (
                    <button type="button" className={`${buttonClass} py-0.5 text-xs`} onClick={() => showCounterexample(name)}>
                      Show the {CHECKER_TITLES[name]} counterexample in the race stepper (step {cx.steps})
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function ExploreView() {
  useCatalog();
  const error = useAppStore((s) => (s.exploreStatus === 'error' ? s.exploreError : null));
  return (
    <div className="flex flex-col gap-3">
      <ViewIntro actions={<ExploreExport />} title="Explore: does any interleaving break it?">
        <p>
          Every schedule of the scenario, breadth-first over the model’s states (each state once), so the first schedule found for a checker
          is a shortest one. Symmetry treats CPUs with no role in the scenario as interchangeable; partial-order reduction takes a
          quiescent-state report of a CPU that can no longer read alone. Neither changes a verdict. Where neither applies (the kick storms),
          sleep sets skip the steps whose result another order of a quiescent-state report and the same step already reached: the same
          states, with fewer transitions.
        </p>
      </ViewIntro>
      {error && <SimErrorAlert message={error} what="the search" />}
      <Inputs />
      <Transport />
      <Results />
    </div>
  );
}
