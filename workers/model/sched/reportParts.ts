// The pieces the checker reports share, in the form the kernel prints them: the dump_stack() header, call
// traces with symbol+offset/size, tasks named as the kernel would name them for each context, and the
// values the model cannot know (addresses, pids, line numbers, offsets), which are illustrative but fixed.
// Formats and their sources: workers/model/README.md#how-the-reports-are-printed.
import { Machine } from './machine/core.ts';
import { buildScript } from './scenarios.ts';
import { CLS_IDLE, actorKindOf, actorSubOf, ACTOR_CODE } from './machine/codes.ts';
import type { RunConfig } from './types.ts';

/** The kernel the reports pretend to come from (illustrative, like every value below). */
export const UNAME = '6.17.0 #1 PREEMPT(voluntary)';
export const HARDWARE = 'Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014';
export const RULE = '=================================================================='; // 66 '=': KASAN's start/end_report()
export const CUT_HERE = '------------[ cut here ]------------';
export const END_TRACE = '---[ end trace 0000000000000000 ]---';

/** A task as printed: comm and pid. */
export interface Task {
  comm: string;
  pid: number;
}

/** The loaders of a scenario: each one a BPF scheduler binary calling bpf(BPF_LINK_CREATE) (illustrative names). */
const LOADER_TASKS: Task[] = [
  { comm: 'scx_simple', pid: 1234 },
  { comm: 'scx_lavd', pid: 1301 },
];
export const loaderTask = (i: number): Task => LOADER_TASKS[i] ?? { comm: 'scx_simple', pid: 1234 + i };
/** scx_disable_workfn() runs on the scheduler instance's kthread worker, created as "sched_ext_helper". */
export const HELPER_TASK: Task = { comm: 'sched_ext_helper', pid: 157 };
/** The idle task of CPU c: what hard-irq work interrupts on an idle CPU. */
export const idleTask = (c: number): Task => ({ comm: `swapper/${c}`, pid: 0 });
/** The workload task running on CPU c (SCX or fair): what hard-irq work interrupts on a busy CPU. */
export const workloadTask = (c: number): Task => ({ comm: 'stress-ng-cpu', pid: 2100 + c });

/** Lowercase hex of n, zero-padded to `width`. */
export const hex = (n: number, width = 16) => n.toString(16).padStart(width, '0');

/** Entry stubs whose offsets are the same in every build (the interrupt or syscall return point). */
const KNOWN: Record<string, string> = {
  asm_sysvec_irq_work: '0x1a/0x20',
  entry_SYSCALL_64_after_hwframe: '0x76/0x7e',
  ret_from_fork_asm: '0x1a/0x30',
  common_startup_64: '0x13e/0x141',
};

/** symbol+0xoff/0xsize: a fixed, plausible offset and size per symbol (the model has no object code). */
export function sym(name: string): string {
  if (KNOWN[name]) return `${name}+${KNOWN[name]}`;
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  const size = 0x40 + ((h >>> 4) % 0x400) * 4;
  const off = 0x10 + ((h >>> 16) % Math.max(1, size - 0x20));
  return `${name}+0x${off.toString(16)}/0x${size.toString(16)}`;
}

/** dump_stack_lvl() / show_regs_print_info(): the task line and the hardware line. */
export function cpuHeader(cpu: number, t: Task, tainted = 'Not tainted'): string[] {
  return [`CPU: ${cpu} UID: 0 PID: ${t.pid} Comm: ${t.comm} ${tainted} ${UNAME}`, HARDWARE];
}

/** A call trace, innermost first: " <IRQ>"-style section markers are passed as they are, frames get sym(). */
export function frames(names: string[]): string[] {
  return names.map((n) => (n.startsWith('<') ? ` ${n}` : ` ${sym(n)}`));
}

/** How kick_cpus_irq_workfn() is reached on x86: the irq-work self-IPI, taken over whatever task was running. */
export const IRQ_WORK_ENTRY = ['irq_work_single', 'irq_work_run_list', 'irq_work_run', '__sysvec_irq_work', 'sysvec_irq_work'];
/** How kick_cpus_irq_workfn() runs when threaded (PREEMPT_RT before 36c6f3c03d10): in the irq_work/N kthread. */
export const IRQ_WORK_THREAD_ENTRY = [
  'kick_cpus_irq_workfn',
  'irq_work_single',
  'irq_work_run_list',
  'run_irq_workd',
  'smpboot_thread_fn',
  'kthread',
  'ret_from_fork',
  'ret_from_fork_asm',
];
/** The per-CPU irq_work/N kthread (its PID is illustrative). */
export const threadTask = (c: number): Task => ({ comm: `irq_work/${c}`, pid: 20 + 8 * c });
/** The task-side frames below the interrupt: the idle loop, or a task in user space. */
export function interrupted(t: Task): string[] {
  return t.pid === 0
    ? [
        '<TASK>',
        'asm_sysvec_irq_work',
        'default_idle',
        'default_idle_call',
        'do_idle',
        'cpu_startup_entry',
        'start_secondary',
        'common_startup_64',
        '</TASK>',
      ]
    : ['<TASK>', 'asm_sysvec_irq_work', '</TASK>'];
}
/** The loader's path into scx_enable(): the bpf() syscall that creates the struct_ops link. */
export const ENABLE_ENTRY = [
  'scx_enable',
  'bpf_scx_reg',
  'bpf_struct_ops_link_create',
  '__sys_bpf',
  '__x64_sys_bpf',
  'do_syscall_64',
  'entry_SYSCALL_64_after_hwframe',
];
/** The disable kthread's path into scx_disable_workfn(). */
export const DISABLE_ENTRY = ['scx_disable_workfn', 'kthread_worker_fn', 'kthread', 'ret_from_fork', 'ret_from_fork_asm'];

/** The context of a step: which class ran on each CPU and who held scx_enable_mutex when it began. */
export interface StepContext {
  cls: number[];
  /** Index of the loader holding scx_enable_mutex, or -1 (nobody, or the disable work). */
  loader: number;
}

/**
 * Replays the run's schedule to learn the context of the given steps (the trace keeps only the notable events
 * when the full trace is off). O(max step). Returns a map from step to its context.
 */
export function contextsAt(cfg: RunConfig, actors: Int32Array, steps: number[]): Map<number, StepContext> {
  const out = new Map<number, StepContext>();
  if (!steps.length) return out;
  const want = new Set(steps);
  const last = Math.max(...steps);
  const m = new Machine(cfg, buildScript(cfg.scenario, cfg.cpus, cfg.stormKicks));
  for (let s = 0; s <= last && s <= actors.length; s++) {
    if (want.has(s)) {
      const owner = m.mutexOwner;
      const loader = owner >= 0 && actorKindOf(owner) === ACTOR_CODE.enable ? actorSubOf(owner) : -1;
      out.set(s, { cls: Array.from({ length: m.n }, (_, c) => m.cls(c)), loader });
    }
    if (s < actors.length) m.apply(actors[s]);
  }
  return out;
}

/** The task hard-irq work on CPU c interrupts in this context. */
export function irqTask(ctx: StepContext | undefined, c: number): Task {
  return !ctx || ctx.cls[c] === CLS_IDLE ? idleTask(c) : workloadTask(c);
}
