// Inputs of the races view, in one compact row: scenario, variant (and under "Advanced" its four toggles,
// the pnt_seq rule, the per-CPU kvzalloc_node() path, an injected -ENOMEM and a failing scx_alloc_and_add_sched()), CPUs (shared with the memory view,
// clamped here), seed and schedule policy (its help as a tooltip). The transport is RaceTransport.tsx.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioName, VariantName } from '../../workers/api.ts';
import { IntegerField } from '../memory/IntegerField.tsx';
import { RaceCpusField } from './RaceCpusField.tsx';
import { FailSchedAllocField, KvmallocPathField } from './EnableFailureFields.tsx';
import { MAX_NODES, MIN_NODES, TOGGLE_NAMES } from '../../workers/model/constants.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import { PntRuleControls } from './PntRuleControls.tsx';
import { FAIL_ALLOC_MAX, FAIL_ALLOC_NEVER, type RacePolicy, type ToggleName } from './raceConfig.ts';
import { IrqOptionFields } from './IrqOptionFields.tsx';
import {
  selectRaceCatalog,
  selectRaceCpus,
  selectRaceMinCpus,
  selectRaceParams,
  selectRaceScheduleNote,
  selectRaceToggles,
} from './raceSelectors.ts';
import type { RaceScheduleSource } from '../state/racesSlice.ts';
import { RaceKernelVersion } from './RaceKernelVersion.tsx';

const TOGGLE_HELP: Record<ToggleName, string> = {
  lazyAlloc: 'Arrays come from kvzalloc_node() in scx_enable() (on) or one percpu allocation at boot (off).',
  rcuFree: 'free_kick_pseqs() hands arrays to call_rcu() (on) or kvfree()s them at once (off).',
  nullCheck: 'kick_cpus_irq_workfn() checks the loaded pointer for NULL (on) or dereferences it (off).',
  allocAfterStateCheck: 'scx_enable() checks the enable state before alloc_kick_pseqs() (05e63305c85c) (on) or after (off).',
};

const PREFIX_TEXT: Record<RaceScheduleSource, string> = {
  explorer: 'explorer’s counterexample',
  hand: 'forked by hand',
  link: 'steps from the link',
};

const POLICY_TEXT: Record<RacePolicy, string> = {
  default: 'The scenario’s own (interesting) interleaving. The seed drives the random schedule and the kick storm.',
  random: 'Any enabled actor may move next, picked by a PRNG: the seed drives this random schedule and the kick storm.',
};

function ScenarioAndVariant() {
  const catalog = useAppStore(selectRaceCatalog);
  const params = useAppStore(selectRaceParams);
  const setScenario = useAppStore((s) => s.setRaceScenario);
  const setVariant = useAppStore((s) => s.setRaceVariant);
  return (
    <>
      <LabeledSelect
        label="Scenario"
        className="min-w-0"
        selectClassName="max-w-[17rem]"
        value={params.scenario}
        onChange={(v) => setScenario(v as ScenarioName)}
      >
        {(catalog?.scenarios ?? [{ name: params.scenario, title: params.scenario }]).map((s) => (
          <option key={s.name} value={s.name}>
            {s.title} ({s.name})
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect
        label="Variant"
        className="min-w-0"
        selectClassName="max-w-[16rem]"
        value={params.variant}
        onChange={(v) => setVariant(v as VariantName)}
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
      </LabeledSelect>
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
  const scheduleNote = useAppStore(selectRaceScheduleNote);
  const source = useAppStore((s) => s.raceScheduleSource);
  // With a schedule prefix the policy only picks the steps after it: say where the prefix came from.
  const prefix = scheduleNote ? `${PREFIX_TEXT[source]}, then ` : '';
  return (
    <>
      <RaceCpusField cpus={cpus} min={minCpus} note={note} onCommit={setCpus} />
      <IntegerField label="Seed" value={seed} range={{ min: 0, max: 0xffffffff, noun: 'seed value' }} onCommit={setSeed} />
      <LabeledSelect
        label="Schedule"
        value={policy}
        help={scheduleNote ? `${scheduleNote} ${POLICY_TEXT[policy]}` : POLICY_TEXT[policy]}
        helpAsTooltip
        onChange={(v) => setPolicy(v as RacePolicy)}
      >
        <option value="default">{prefix}default interleaving</option>
        <option value="random">{prefix}random (seeded)</option>
      </LabeledSelect>
    </>
  );
}

function AdvancedControls() {
  const toggles = useAppStore(selectRaceToggles);
  const setToggle = useAppStore((s) => s.setRaceToggle);
  const scenario = useAppStore((s) => s.raceParams.scenario);
  const stormKicks = useAppStore((s) => s.raceParams.stormKicks);
  const setStormKicks = useAppStore((s) => s.setRaceStormKicks);
  const nodes = useAppStore((s) => s.nodes);
  const setNodes = useAppStore((s) => s.setNodes);
  const failAllocAt = useAppStore((s) => s.raceParams.failAllocAt);
  const setFailAllocAt = useAppStore((s) => s.setRaceFailAllocAt);
  const idBase = useId();
  return (
    // Closed: a button-sized item at the end of the row (level with the inputs). Open: a full-width box under it.
    <details className="group mt-5 rounded border border-slate-200 bg-slate-50 px-3 py-1 open:mt-0 open:basis-full open:py-2">
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
          <RaceKernelVersion />
          <PntRuleControls />
          <IrqOptionFields />
          <KvmallocPathField />
          <IntegerField
            label="ENOMEM at kvzalloc_node() call"
            value={failAllocAt}
            range={{ min: 0, max: FAIL_ALLOC_MAX, noun: 'call' }}
            blank={{ value: FAIL_ALLOC_NEVER, label: 'never' }}
            help="0-based; empty = never. alloc_kick_pseqs() then frees what it published; scx_enable() returns -ENOMEM (-12)."
            onCommit={setFailAllocAt}
          />
          <FailSchedAllocField />
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

export function RacesControls() {
  return (
    <section
      aria-label="Race controls"
      className="flex flex-wrap items-start gap-x-5 gap-y-2 rounded border border-slate-200 bg-white px-4 py-2"
    >
      <ScenarioAndVariant />
      <MachineFields />
      <AdvancedControls />
    </section>
  );
}
