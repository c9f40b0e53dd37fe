// The races view's "Kernel version" picker: shows the version the current variant and rule stand for,
// and choosing one sets them (and the kick irq work: threaded on PREEMPT_RT before 36c6f3c03d10) (the compare view has the same picker per kernel).
import { kernelVersion, kernelVersionOf } from '../../workers/model/constants.ts';
import { KernelVersionSelect } from '../compare/KernelVersionSelect.tsx';
import { useAppStore } from '../state/store.ts';

export function RaceKernelVersion() {
  const variant = useAppStore((s) => s.raceParams.variant);
  const rule = useAppStore((s) => s.raceParams.pntRule);
  const setVariant = useAppStore((s) => s.setRaceVariant);
  const setRule = useAppStore((s) => s.setRacePntRule);
  const irqWork = useAppStore((s) => s.raceParams.irqWork);
  const setIrqWork = useAppStore((s) => s.setRaceIrqWork);
  const current = kernelVersionOf(variant, rule, irqWork)?.id ?? null;
  return (
    <KernelVersionSelect
      className="min-w-0"
      value={current}
      noneText="none of these (custom toggles)"
      onChange={(id) => {
        const k = id ? kernelVersion(id) : undefined;
        if (!k) return;
        setVariant(k.variant);
        setRule(k.pntRule);
        setIrqWork(k.irqWork);
      }}
    />
  );
}
