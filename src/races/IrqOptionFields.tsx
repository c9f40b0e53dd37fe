// The two kick-irq-work options (workers/model/README.md#how-the-kick-irq-work-runs-two-options), shared by the
// races and explore views: how the work runs (hard irq or, on PREEMPT_RT before 36c6f3c03d10, threaded) and
// when a queued one is delivered (self-interrupt or timer tick), each with what it stands for and its source.
import { useShallow } from 'zustand/react/shallow';
import {
  DEFAULT_IRQ_DELIVERY,
  DEFAULT_IRQ_WORK,
  IRQ_DELIVERIES,
  IRQ_DELIVERY_INFO,
  IRQ_WORK_INFO,
  IRQ_WORK_MODES,
} from '../../workers/model/constants.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import type { IrqDelivery, IrqWork } from './raceConfig.ts';

/** "kick irq work: hard irq · irq_work delivery: self-interrupt (x86, arm64)" (the model's own wording). */
export function irqOptionsLine(o: { irqWork: IrqWork; irqDelivery: IrqDelivery }): string {
  return `kick irq work: ${IRQ_WORK_INFO[o.irqWork].label} · irq_work delivery: ${IRQ_DELIVERY_INFO[o.irqDelivery].label}`;
}

const isDefault = (w: IrqWork, d: IrqDelivery) => w === DEFAULT_IRQ_WORK && d === DEFAULT_IRQ_DELIVERY;
const DEFAULTS_TEXT = 'Defaults: hard irq work and self-interrupt delivery, what a reader most likely runs (x86 or arm64, not PREEMPT_RT)';

export function IrqOptionFields({ compact = false }: { compact?: boolean }) {
  const { irqWork, irqDelivery } = useAppStore(
    useShallow((s) => ({ irqWork: s.raceParams.irqWork, irqDelivery: s.raceParams.irqDelivery })),
  );
  const setWork = useAppStore((s) => s.setRaceIrqWork);
  const setDelivery = useAppStore((s) => s.setRaceIrqDelivery);
  const work = IRQ_WORK_INFO[irqWork];
  const delivery = IRQ_DELIVERY_INFO[irqDelivery];
  const deliveryHelp =
    irqWork === 'threaded'
      ? `${delivery.what}. With threaded irq work the interrupt only wakes irq_work/N, so this changes nothing. Source: ${delivery.source}.`
      : `${delivery.what}. Source: ${delivery.source}.`;
  const deliveryHelpText = compact ? `${deliveryHelp} ${DEFAULTS_TEXT}.` : deliveryHelp;
  return (
    <>
      <LabeledSelect
        label="Kick irq work"
        selectClassName={compact ? 'max-w-44' : 'max-w-xs'}
        value={irqWork}
        help={`${work.what}. Source: ${work.source}.${compact ? ` ${DEFAULTS_TEXT}.` : ''}`}
        helpAsTooltip={compact}
        helpWidth="max-w-md"
        onChange={(v) => setWork(v as IrqWork)}
      >
        {IRQ_WORK_MODES.map((m) => (
          <option key={m} value={m}>
            {IRQ_WORK_INFO[m].label}
            {m === DEFAULT_IRQ_WORK ? ' (default)' : ''}
          </option>
        ))}
      </LabeledSelect>
      <IrqDeliverySelect
        value={irqDelivery}
        help={deliveryHelpText}
        selectClassName={compact ? 'max-w-64' : 'max-w-xs'}
        helpAsTooltip={compact}
        onChange={setDelivery}
      />
      {!compact && (
        <p className="w-full max-w-md text-xs text-slate-600">
          {isDefault(irqWork, irqDelivery) ? `${DEFAULTS_TEXT}.` : `Not the defaults. ${DEFAULTS_TEXT}.`}
        </p>
      )}
    </>
  );
}

/** The "irq_work delivery" select (also the compare view's, where one delivery applies to both kernels). */
export function IrqDeliverySelect(p: {
  value: IrqDelivery;
  help: string;
  onChange: (d: IrqDelivery) => void;
  selectClassName?: string;
  helpAsTooltip?: boolean;
}) {
  return (
    <LabeledSelect
      label="irq_work delivery"
      selectClassName={p.selectClassName}
      value={p.value}
      help={p.help}
      helpAsTooltip={p.helpAsTooltip}
      helpWidth="max-w-md"
      onChange={(v) => p.onChange(v as IrqDelivery)}
    >
      {IRQ_DELIVERIES.map((d) => (
        <option key={d} value={d}>
          {IRQ_DELIVERY_INFO[d].label}
          {d === DEFAULT_IRQ_DELIVERY ? ' (default)' : ''}
        </option>
      ))}
    </LabeledSelect>
  );
}
