// The two kick-irq-work options in words (how the work runs, and when a queued one is delivered), and the
// kernel-log context a report prints for the CPU running it: the interrupted task in hard irq, or the
// irq_work/N kthread when threaded (workers/model/README.md#how-the-kick-irq-work-runs-two-options).
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

/**
 * Who runs CPU c's kick irq work in a kernel log: in hard irq the task it interrupted (the model prints the
 * idle task, swapper/c, PID 0) between <IRQ> markers; threaded, the irq_work/c kthread (an illustrative PID)
 * with its kthread frames below the work.
 */
export function irqContext(irqWork: IrqWork, cpu: number): { comm: string; pid: number; task: string; frames: string[] } {
  if (irqWork === 'hard')
    return {
      comm: `swapper/${cpu}`,
      pid: 0,
      task: `swapper/${cpu}/0`,
      frames: [' <IRQ>', '  kick_cpus_irq_workfn', '  irq_work_single', '  irq_work_run_list', ' </IRQ>'],
    };
  const pid = 20 + 8 * cpu; // illustrative: the kernel's PID of irq_work/c is not knowable here
  return {
    comm: `irq_work/${cpu}`,
    pid,
    task: `irq_work/${cpu}/${pid}`,
    frames: [
      '  kick_cpus_irq_workfn',
      '  irq_work_single',
      '  irq_work_run_list',
      '  run_irq_workd',
      '  smpboot_thread_fn',
      '  kthread',
      '  ret_from_fork',
    ],
  };
}
