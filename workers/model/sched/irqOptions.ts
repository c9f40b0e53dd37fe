// The two kick-irq-work options in words (how the work runs, and when a queued one is delivered), and the
// options in force as reports and the CLI print them (workers/model/README.md#how-the-kick-irq-work-runs-two-options);
// the report context of each mode is in reportParts.ts (irqTask, threadTask).
import type { IrqDelivery, IrqWork, RunConfig } from './types.ts';
import { IRQ_DELIVERY_INFO, IRQ_WORK_INFO } from '../constants.ts';

export type IrqOptions = Pick<RunConfig, 'irqWork' | 'irqDelivery'>;

/** "kick irq work: hard irq · irq_work delivery: self-interrupt (x86, arm64)": the options in force. */
export function irqOptionsText(o: IrqOptions): string {
  return `kick irq work: ${IRQ_WORK_INFO[o.irqWork].label} · irq_work delivery: ${IRQ_DELIVERY_INFO[o.irqDelivery].label}`;
}

/** Short form for one-line summaries: "hard irq, self-interrupt". */
export function irqOptionsShort(o: IrqOptions): string {
  return `${o.irqWork === 'hard' ? 'hard irq' : 'threaded irq work'}, ${o.irqDelivery === 'tick' ? 'timer tick' : 'self-interrupt'}`;
}

/** Whether the delivery option can change anything: in threaded mode the interrupt only wakes irq_work/N. */
export function deliveryMatters(irqWork: IrqWork): boolean {
  return irqWork === 'hard';
}

export const irqDeliveryLabel = (d: IrqDelivery) => IRQ_DELIVERY_INFO[d].label;
