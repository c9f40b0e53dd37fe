// Why a SCX_KICK_WAIT spin never ends, in words, for the stuck report: which rule is in force and which line of
// which commit would have ended it (workers/model/README.md#pnt_seq-where-it-is-bumped).
import type { RunConfig } from './types.ts';

/** The explanation of "CPU `cpu` spins for ever waiting on CPU `target`" under the run's pnt_seq rules. */
export function stuckExplanation(
  cfg: Pick<RunConfig, 'scenario' | 'skipHigherClass' | 'bumpOnPick' | 'irqWork'>,
  cpu: number,
  target: number,
): string {
  const waits = `CPU ${cpu} waits${cfg.irqWork === 'threaded' ? ` (in the irq_work/${cpu} kthread, IRQs on: a soft lockup, and no RCU stall)` : ', with IRQs off,'} for CPU ${target}'s pnt_seq to move past the snapshot kick_one_cpu() took`;
  if (!cfg.bumpOnPick) {
    const why =
      cfg.scenario === 'kick-wait-repick'
        ? `CPU ${target} is kept busy with SCX tasks: after the kick its BPF scheduler picked the preempted task again, or switched to the other SCX task, so no SCX task ever handed the CPU to another class` +
          (cfg.skipHigherClass ? '' : " (or the unload had already moved CPU 1's task to fair, and fair → fair never touches the counter)")
        : `CPU ${target} runs no SCX task any more (the disable path switched every task to fair without calling switch_class(), or it is idle)`;
    return (
      `${waits}. Under the 6.17 rule pnt_seq moves only in switch_class(), when an SCX task hands the CPU to a task of another class. ${why}, so the count never changes and the spin never ends. ` +
      'This is the real 6.17 bug that a379fa1e2cae (“Fix SCX_KICK_WAIT to work reliably”) fixed: its pnt_seq++ at the top of pick_task_scx() moves the counter even when the same task is picked again, and the one at the top of put_prev_task_scx() whenever an SCX task is put' +
      (cfg.skipHigherClass ? '.' : "; a9c1fbbd6dad (“Don't kick CPUs running higher classes”) stops the wait on a CPU not running SCX.")
    );
  }
  if (!cfg.skipHigherClass)
    return (
      `${waits}, but CPU ${target} ran a fair task when it was snapshotted (the unload had moved every task off ext). a379fa1e2cae's increments are in put_prev_task_scx() and pick_task_scx(), which a CPU running fair never reaches, so the count never moves. ` +
      "The line that prevents this wait is in a9c1fbbd6dad (“Don't kick CPUs running higher classes”): kick_one_cpu() takes the snapshot, and waits, only when the target runs an SCX task."
    );
  return `${waits}, and no remaining step can move it.`;
}
