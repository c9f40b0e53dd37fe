// Inputs of the races view: scenario, variant (and under "Advanced" its four toggles, the pnt_seq
// rule, the kvzalloc_node() path and an injected -ENOMEM), CPUs (shared with the memory view, clamped
// here), seed and schedule policy; then the transport: step back, play/pause, step forward, reset,
// speed, and the step scrubber over the whole trace.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PntRule, ScenarioName, VariantName } from '../../workers/api.ts';
import { IntegerField } from '../memory/IntegerField.tsx';
import { MAX_NODES, MAX_SCHED_CPUS, MIN_NODES, TOGGLE_NAMES } from '../../workers/model/constants.ts';
import { RACE_SPEEDS } from '../state/racesSlice.ts';
import { useAppStore } from '../state/store.ts';
import {
  FAIL_ALLOC_MAX,
  FAIL_ALLOC_NEVER,
  kickPseqsRequestBytes,
  kvmallocMinCpus,
  type KvmallocPath,
  type RacePolicy,
  type ToggleName,
} from './raceConfig.ts';
import {
  selectRaceAtEnd,
  selectRaceAtStart,
  selectRaceCatalog,
  selectRaceCpus,
  selectRaceLoaded,
  selectRaceMinCpus,
  selectRaceParams,
  selectRacePlaying,
  selectRaceSpeed,
  selectRaceStep,
  selectRaceSteps,
  selectRaceToggles,
} from './raceSelectors.ts';

const TOGGLE_HELP: Record<ToggleName, string> = {
  lazyAlloc: 'Arrays come from kvzalloc_node() in scx_enable() (on) or one percpu allocation at boot (off).',
  rcuFree: 'free_kick_pseqs() hands arrays to call_rcu() (on) or kvfree()s them at once (off).',
  nullCheck: 'kick_cpus_irq_workfn() checks the loaded pointer for NULL (on) or dereferences it (off).',
  allocAfterStateCheck: 'scx_enable() checks the enable state before alloc_kick_pseqs() (05e63305c85c) (on) or after (off).',
};

const RULE_TEXT: Record<PntRule, string> = {
  '6.17': '6.17 (default): pnt_seq moves only when an SCX task switches to a non-SCX one (switch_class()).',
  a379fa1e2cae: 'a379fa1e2cae: pnt_seq moves on every put_prev_task_scx() and pick_task_scx(); CPUs running a higher class are never waited on.',
};

const POLICY_TEXT: Record<RacePolicy, string> = {
  default: 'The scenario’s own (interesting) interleaving. The seed drives the random schedule and the kick storm.',
  random: 'Any enabled actor may move next, picked by a PRNG: the seed drives this random schedule and the kick storm.',
};

const selectClass = 'mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm';
const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-sky-600';

function ScenarioAndVariant() {
  const catalog = useAppStore(selectRaceCatalog);
  const params = useAppStore(selectRaceParams);
  const setScenario = useAppStore((s) => s.setRaceScenario);
  const setVariant = useAppStore((s) => s.setRaceVariant);
  const scenarioId = useId();
  const variantId = useId();
  return (
    <>
      <div className="flex flex-col">
        <label htmlFor={scenarioId} className="text-xs font-medium text-slate-600">
          Scenario
        </label>
        <select
          id={scenarioId}
          className={selectClass}
          value={params.scenario}
          onChange={(e) => setScenario(e.currentTarget.value as ScenarioName)}
        >
          {(catalog?.scenarios ?? [{ name: params.scenario, title: params.scenario }]).map((s) => (
            <option key={s.name} value={s.name}>
              {s.title} ({s.name})
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-col">
        <label htmlFor={variantId} className="text-xs font-medium text-slate-600">
          Variant
        </label>
        <select
          id={variantId}
          className={`${selectClass} max-w-[26rem]`}
          value={params.variant}
          onChange={(e) => setVariant(e.currentTarget.value as VariantName)}
        >
          {(catalog?.variants ?? []).map((v) => (
            <option key={v.name} value={v.name}>
              {v.name} — {v.commit}: {v.description}
            </option>
          ))}
          {params.variant === 'custom' && (
            <option value="custom" disabled>
              custom — toggles changed by hand
            </option>
          )}
        </select>
      </div>
    </>
  );
}

function MachineFields() {
  const { cpus, note } = useAppStore(useShallow(selectRaceCpus));
  const minCpus = useAppStore(selectRaceMinCpus);
  const setCpus = useAppStore((s) => s.setCpus);
  const seed = useAppStore((s) => s.raceParams.seed);
  const setSeed = useAppStore((s) => s.setRaceSeed);
  const policy = useAppStore((s) => s.raceParams.policy);
  const setPolicy = useAppStore((s) => s.setRacePolicy);
  const policyId = useId();
  return (
    <>
      <div>
        <IntegerField
          label="CPUs"
          value={cpus}
          range={{ min: minCpus, max: MAX_SCHED_CPUS, noun: 'CPU', maxReason: 'the races model' }}
          onCommit={setCpus}
        />
        {note && (
          <p className="mt-1 max-w-64 text-xs text-amber-800" role="note">
            {note}
          </p>
        )}
      </div>
      <IntegerField label="Seed" value={seed} range={{ min: 0, max: 0xffffffff, noun: 'seed value' }} onCommit={setSeed} />
      <div className="flex flex-col">
        <label htmlFor={policyId} className="text-xs font-medium text-slate-600">
          Schedule
        </label>
        <select
          id={policyId}
          className={selectClass}
          value={policy}
          aria-describedby={`${policyId}-help`}
          onChange={(e) => setPolicy(e.currentTarget.value as RacePolicy)}
        >
          <option value="default">default interleaving</option>
          <option value="random">random (seeded)</option>
        </select>
        <p id={`${policyId}-help`} className="mt-1 max-w-64 text-xs text-slate-600">
          {POLICY_TEXT[policy]}
        </p>
      </div>
    </>
  );
}

/** Which allocator kvzalloc_node() ends up using, and whether it matters at this CPU count and page size. */
function KvmallocPathField() {
  const path = useAppStore((s) => s.raceParams.kvmallocPath);
  const setPath = useAppStore((s) => s.setRaceKvmallocPath);
  const { cpus } = useAppStore(useShallow(selectRaceCpus));
  const pageSize = useAppStore((s) => s.pageSize);
  const id = useId();
  const minCpus = kvmallocMinCpus(pageSize);
  const bytes = kickPseqsRequestBytes(cpus);
  const page = pageSize === 4096 ? '4 KiB' : '64 KiB';
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        kvzalloc_node path
      </label>
      <select
        id={id}
        className={`${selectClass} max-w-md`}
        value={path}
        aria-describedby={`${id}-help`}
        onChange={(e) => setPath(e.currentTarget.value as KvmallocPath)}
      >
        <option value="kmalloc">kmalloc (first try succeeds)</option>
        <option value="vmalloc">vmalloc fallback (kmalloc failed without reclaim)</option>
      </select>
      <p id={`${id}-help`} className="mt-1 max-w-md text-xs text-slate-600">
        Fragmentation-dependent; only matters when S = 16 + 8·N &gt; PAGE_SIZE (N ≥ {minCpus} at {page} pages).{' '}
        {cpus >= minCpus ? `At ${cpus} CPUs S = ${bytes} B: it applies.` : `At ${cpus} CPUs S = ${bytes} B: no effect.`}
      </p>
    </div>
  );
}

function AdvancedControls() {
  const toggles = useAppStore(selectRaceToggles);
  const setToggle = useAppStore((s) => s.setRaceToggle);
  const rule = useAppStore((s) => s.raceParams.pntRule);
  const setRule = useAppStore((s) => s.setRacePntRule);
  const scenario = useAppStore((s) => s.raceParams.scenario);
  const stormKicks = useAppStore((s) => s.raceParams.stormKicks);
  const setStormKicks = useAppStore((s) => s.setRaceStormKicks);
  const nodes = useAppStore((s) => s.nodes);
  const setNodes = useAppStore((s) => s.setNodes);
  const failAllocAt = useAppStore((s) => s.raceParams.failAllocAt);
  const setFailAllocAt = useAppStore((s) => s.setRaceFailAllocAt);
  const ruleId = useId();
  const idBase = useId();
  return (
    <details className="group w-full rounded border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced</summary>
      <div className="mt-2 grid gap-x-6 gap-y-3 lg:grid-cols-2">
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-slate-600">Toggles (changing one makes the variant “custom”)</legend>
          {TOGGLE_NAMES.map((name) => (
            <div key={name} className="flex items-start gap-2 text-sm">
              <input
                id={`${idBase}-${name}`}
                type="checkbox"
                className="mt-1 accent-sky-700"
                checked={toggles?.[name] ?? false}
                disabled={!toggles}
                aria-describedby={`${idBase}-${name}-help`}
                onChange={(e) => setToggle(name, e.currentTarget.checked)}
              />
              <div>
                <label htmlFor={`${idBase}-${name}`} className="font-mono text-xs font-semibold">
                  {name}
                </label>
                <p id={`${idBase}-${name}-help`} className="text-xs text-slate-600">
                  {TOGGLE_HELP[name]}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="flex flex-col gap-3">
          <div className="flex flex-col">
            <label htmlFor={ruleId} className="text-xs font-medium text-slate-600">
              pnt_seq rule
            </label>
            <select
              id={ruleId}
              className={`${selectClass} max-w-xs`}
              value={rule}
              aria-describedby={`${ruleId}-help`}
              onChange={(e) => setRule(e.currentTarget.value as PntRule)}
            >
              <option value="6.17">6.17 (default)</option>
              <option value="a379fa1e2cae">a379fa1e2cae (6.19, 6.18.10)</option>
            </select>
            <p id={`${ruleId}-help`} className="mt-1 max-w-md text-xs text-slate-600">
              {RULE_TEXT[rule]}
            </p>
          </div>
          <KvmallocPathField />
          <IntegerField
            label="ENOMEM at kvzalloc_node() call"
            value={failAllocAt}
            range={{ min: 0, max: FAIL_ALLOC_MAX, noun: 'call' }}
            blank={{ value: FAIL_ALLOC_NEVER, label: 'never' }}
            help="0-based; empty = never. alloc_kick_pseqs() then frees what it published; scx_enable() returns -ENOMEM (-12)."
            onCommit={setFailAllocAt}
          />
          <div className="flex flex-wrap gap-4">
            <IntegerField label="NUMA nodes" value={nodes} range={{ min: MIN_NODES, max: MAX_NODES, noun: 'node' }} onCommit={setNodes} />
            {scenario === 'kick-storm' && (
              <IntegerField
                label="Storm kicks"
                value={stormKicks}
                range={{ min: 1, max: 10_000_000, noun: 'kick' }}
                onCommit={setStormKicks}
              />
            )}
          </div>
        </div>
      </div>
    </details>
  );
}

/** Step back, play/pause, step forward, reset, speed: re-rendered only when one of them changes, not per step. */
function TransportButtons() {
  const atStart = useAppStore(selectRaceAtStart);
  const atEnd = useAppStore(selectRaceAtEnd);
  const playing = useAppStore(selectRacePlaying);
  const speed = useAppStore(selectRaceSpeed);
  const loaded = useAppStore(selectRaceLoaded);
  const stepRaceBy = useAppStore((s) => s.stepRaceBy);
  const toggleRacePlaying = useAppStore((s) => s.toggleRacePlaying);
  const setRacePlaying = useAppStore((s) => s.setRacePlaying);
  const resetRace = useAppStore((s) => s.resetRace);
  const setRaceSpeed = useAppStore((s) => s.setRaceSpeed);
  const speedId = useId();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <button
        type="button"
        className={buttonClass}
        disabled={!loaded || atStart}
        onClick={() => {
          setRacePlaying(false);
          stepRaceBy(-1);
        }}
      >
        Step back
      </button>
      <button type="button" className={`${buttonClass} w-20`} disabled={!loaded} onClick={toggleRacePlaying}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={!loaded || atEnd}
        onClick={() => {
          setRacePlaying(false);
          stepRaceBy(1);
        }}
      >
        Step forward
      </button>
      <button type="button" className={buttonClass} onClick={resetRace}>
        Reset
      </button>
      <div className="ml-2 flex flex-col">
        <label htmlFor={speedId} className="text-xs font-medium text-slate-600">
          Speed
        </label>
        <select id={speedId} className={selectClass} value={speed} onChange={(e) => setRaceSpeed(Number(e.currentTarget.value))}>
          {RACE_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v} step{v === 1 ? '' : 's'}/s
            </option>
          ))}
        </select>
      </div>
      <p className="ml-auto self-center text-xs text-slate-500">
        Keys: ← → step · Space play/pause · Home/End
      </p>
    </div>
  );
}

/** The step scrubber and "k / n": the only part of the controls that re-renders per step. */
function Scrubber() {
  const step = useAppStore(selectRaceStep);
  const steps = useAppStore(selectRaceSteps);
  const loaded = useAppStore(selectRaceLoaded);
  const setRaceStep = useAppStore((s) => s.setRaceStep);
  const scrubId = useId();
  return (
    <div className="flex items-center gap-3">
      <label htmlFor={scrubId} className="text-xs font-medium text-slate-600">
        Step
      </label>
      <input
        id={scrubId}
        type="range"
        min={0}
        max={steps}
        step={1}
        value={step}
        disabled={!loaded}
        aria-valuetext={`step ${step} of ${steps}`}
        onChange={(e) => setRaceStep(Number(e.currentTarget.value))}
        className="w-full accent-sky-700"
      />
      {/* Painted background: the text's paint bounds stay the box's, whatever its width (a change of bounds re-layerizes the page). */}
      <span className="w-28 bg-white text-right font-mono text-xs tabular-nums text-slate-600">
        {step} / {steps}
      </span>
    </div>
  );
}

/** Its own paint layer: a step repaints the transport, not the inputs above it. */
function Transport() {
  return (
    <div className="relative isolate flex w-full flex-col gap-2">
      <TransportButtons />
      <Scrubber />
    </div>
  );
}

export function RacesControls() {
  return (
    <section aria-label="Race controls" className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <ScenarioAndVariant />
        <MachineFields />
      </div>
      <AdvancedControls />
      <Transport />
    </section>
  );
}
