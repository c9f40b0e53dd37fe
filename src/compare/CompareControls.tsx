// Inputs of the compare view: the scenario, CPUs (shared with the other views), the two kernels and the
// one schedule that drives both (the scenario's default, A's seeded random run, or a hand-chosen one:
// the races view's forked schedule or an explorer counterexample loaded there).
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioName } from '../../workers/api.ts';
import { IRQ_DELIVERY_INFO, SCENARIO_MIN_CPUS, SCENARIOS } from '../../workers/model/constants.ts';
import { IntegerField } from '../memory/IntegerField.tsx';
import { RaceCpusField } from '../races/RaceCpusField.tsx';
import { clampRaceCpus } from '../races/raceConfig.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import type { CompareScheduleKind } from './compareConfig.ts';
import { KernelSidePicker } from './KernelSidePicker.tsx';
import { IrqDeliverySelect } from '../races/IrqOptionFields.tsx';

const SCHEDULE_TEXT: Record<CompareScheduleKind, string> = {
  default: 'Each kernel runs the scenario’s own interleaving.',
  random: 'Kernel A runs a seeded random interleaving; kernel B follows A’s choices where it can.',
  hand: 'Both kernels follow the chosen steps, then the scenario’s interleaving.',
};

function ScheduleFields() {
  const kind = useAppStore((s) => s.compareParams.scheduleKind);
  const schedule = useAppStore((s) => s.compareParams.schedule);
  const seed = useAppStore((s) => s.compareParams.seed);
  const setKind = useAppStore((s) => s.setCompareScheduleKind);
  const setSeed = useAppStore((s) => s.setCompareSeed);
  const setSchedule = useAppStore((s) => s.setCompareSchedule);
  const irqDelivery = useAppStore((s) => s.compareParams.irqDelivery);
  const setIrqDelivery = useAppStore((s) => s.setCompareIrqDelivery);
  const raceSchedule = useAppStore(useShallow((s) => ({ scenario: s.raceParams.scenario, schedule: s.raceParams.schedule })));
  const scenario = useAppStore((s) => s.compareParams.scenario);
  const setScenario = useAppStore((s) => s.setCompareScenario);
  return (
    <>
      <LabeledSelect
        label="Schedule"
        value={kind}
        help={SCHEDULE_TEXT[kind]}
        helpAsTooltip
        onChange={(v) => setKind(v as CompareScheduleKind)}
      >
        <option value="default">scenario default</option>
        <option value="random">seeded random (A’s, B follows)</option>
        <option value="hand" disabled={schedule.length === 0}>
          hand-chosen ({schedule.length} steps)
        </option>
      </LabeledSelect>
      <IntegerField label="Seed" value={seed} range={{ min: 0, max: 0xffffffff, noun: 'seed value' }} onCommit={setSeed} />
      <IrqDeliverySelect
        value={irqDelivery}
        help={`Both kernels run on one machine. ${IRQ_DELIVERY_INFO[irqDelivery].label}: ${IRQ_DELIVERY_INFO[irqDelivery].what}`}
        helpAsTooltip
        onChange={setIrqDelivery}
      />
      <button
        type="button"
        className="mt-5 rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50"
        disabled={raceSchedule.schedule.length === 0}
        title="The races view’s forked schedule (or the explorer counterexample loaded there), with its scenario"
        onClick={() => {
          if (raceSchedule.scenario !== scenario) setScenario(raceSchedule.scenario);
          setSchedule(raceSchedule.schedule);
        }}
      >
        Use the races view’s schedule ({raceSchedule.schedule.length} steps)
      </button>
    </>
  );
}

export function CompareControls() {
  const scenario = useAppStore((s) => s.compareParams.scenario);
  const setScenario = useAppStore((s) => s.setCompareScenario);
  const shared = useAppStore((s) => s.cpus);
  const setCpus = useAppStore((s) => s.setCpus);
  const { cpus, note } = clampRaceCpus(shared, SCENARIO_MIN_CPUS[scenario], scenario);
  return (
    <section aria-label="Compare controls" className="flex flex-col gap-2 rounded border border-slate-200 bg-white px-4 py-2">
      <div className="flex flex-wrap items-start gap-x-5 gap-y-2">
        <LabeledSelect label="Scenario" value={scenario} onChange={(v) => setScenario(v as ScenarioName)}>
          {SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </LabeledSelect>
        <RaceCpusField cpus={cpus} min={SCENARIO_MIN_CPUS[scenario]} note={note} onCommit={setCpus} />
        <ScheduleFields />
      </div>
      <div className="grid gap-2 lg:grid-cols-2">
        <KernelSidePicker side="a" />
        <KernelSidePicker side="b" />
      </div>
    </section>
  );
}
