// Words for events and actors: the status line, the event list and the CLI's trace all come from here.
import { ACTOR_KINDS, EVENT_KINDS, KERNEL_FNS } from './types.ts';
import { actorId } from '../constants.ts';
import type { EventKind, KernelFn } from './types.ts';
import { CODE } from './code.ts';
import { ACTOR_CODE, STATE_NAMES, actorCode, actorKindOf, actorSubOf, KICK_IF_IDLE, KICK_PREEMPT, KICK_WAIT } from './machine/codes.ts';

const CLASS_NAMES = ['idle', 'SCX', 'fair'];

export function flagsText(flags: number): string {
  const f: string[] = [];
  if (flags & KICK_IF_IDLE) f.push('IDLE');
  if (flags & KICK_PREEMPT) f.push('PREEMPT');
  if (flags & KICK_WAIT) f.push('WAIT');
  return f.length ? f.join(' | ') : '0';
}

export const arrayName = (obj: number) => (obj < 0 ? 'NULL' : `array #${obj}`);

/** The kernel function that bumps pnt_seq, by the pseudo-code line of __schedule() the bump points at. */
const BUMP_BY: Record<string, string> = {
  'pick-bump': 'pick_task_scx(): ',
  'put-bump': 'put_prev_task_scx(): ',
  'switch-class': 'switch_class(): ',
};

function lineLabel(fn: KernelFn, line: number): string {
  return line >= 0 ? (CODE[fn][line]?.label ?? '') : '';
}

/** One event in words (our wording), from the fields stored in the trace. */
export function describeEvent(
  kind: EventKind,
  fn: KernelFn,
  obj: number,
  bytes: number,
  arg: number,
  loaderNames: readonly string[] = ['A', 'B'],
  line = -1,
): string {
  switch (kind) {
    case 'boot':
      return arg >= 0 ? `init_sched_ext_class(): ${arg} possible CPUs` : 'per-CPU scx_kick_pseqs pointers start NULL';
    case 'percpu-alloc':
      return `percpu unit for CPU ${arg}: ${bytes} bytes (${arrayName(obj)})`;
    case 'percpu-fail':
      return `__alloc_percpu(${bytes}): illegal size (${bytes}) or align (8) for percpu allocation`;
    case 'panic':
      return 'BUG_ON(!scx_kick_cpus_pnt_seqs): kernel BUG, the boot panics';
    case 'mutex-lock':
      return 'mutex_lock(&scx_enable_mutex)' + (arg >= 0 ? ` (scheduler ${loaderNames[arg] ?? arg})` : '');
    case 'mutex-unlock':
      return 'mutex_unlock(&scx_enable_mutex)';
    case 'warn':
      return `WARN_ON_ONCE(rcu_access_pointer(slot[${arg}])): slot already holds ${arrayName(obj)}`;
    case 'alloc':
      return `kvzalloc_node() for CPU ${arg}: ${arrayName(obj)}, ${bytes} bytes`;
    case 'alloc-fail':
      return `kvzalloc_node() for CPU ${arg} fails: -ENOMEM`;
    case 'assign':
      return `rcu_assign_pointer(slot[${arg}], ${arrayName(obj)})`;
    case 'state-check':
      return `scx_enable_state() is ${STATE_NAMES[arg]}` + (arg !== 0 ? ': -EBUSY' : '');
    case 'set-state':
      return `scx_set_enable_state(${STATE_NAMES[arg]})`;
    case 'switch-in':
      return 'all tasks move to ext_sched_class';
    case 'switch-out':
      return 'all tasks move off ext_sched_class (to fair)';
    case 'bypass':
      return arg ? 'scx_bypass(true): kicks are dropped while bypassing' : 'scx_bypass(false)';
    case 'sync-call':
      return `synchronize_rcu(): waits for grace period ${arg}`;
    case 'sync-return':
      return `synchronize_rcu() returns (grace period ${arg} is over)`;
    case 'replace':
      return `rcu_replace_pointer(slot[${arg}], NULL) → ${arrayName(obj)}`;
    case 'call-rcu':
      return `call_rcu(${arrayName(obj)}): freed after grace period ${arg}`;
    case 'free':
      return `kvfree(${arrayName(obj)}), ${bytes} bytes`;
    case 'kick':
      return `scx_bpf_kick_cpu(${arg}, ${flagsText(bytes)})`;
    case 'kick-bypassed':
      return `scx_bpf_kick_cpu(${arg}): bypassing, the kick is dropped`;
    case 'irq-queue':
      return `irq_work_queue(kick_cpus_irq_work on CPU ${arg})`;
    case 'irq-enter':
      return 'kick_cpus_irq_workfn() starts: IRQs off, an RCU reader';
    case 'slot-load':
      return `p = slot[${arg}] → ${arrayName(obj)}`;
    case 'null-return':
      return `p is NULL: pr_warn_once(), return; ${arg} kick target${arg === 1 ? '' : 's'} dropped`;
    case 'kick-one':
      return obj >= 0 ? `kick_one_cpu(${arg}): lock CPU ${arg}'s rq` : `resched_curr(CPU ${arg})`;
    case 'kick-skip':
      return `kick_one_cpu(${arg}): CPU ${arg} runs a higher class, not kicked`;
    case 'kick-idle':
      return bytes ? `kick_one_cpu_if_idle(${arg}): idle, resched_curr()` : `kick_one_cpu_if_idle(${arg}): not idle, skipped`;
    case 'snapshot':
      return `pseqs[${arg}] = CPU ${arg}'s pnt_seq (write into ${arrayName(obj)})`;
    case 'spin':
      return `SCX_KICK_WAIT: CPU ${arg}'s pnt_seq still equals pseqs[${arg}] (read of ${arrayName(obj)}): spin`;
    case 'spin-done':
      return arg >= 0 ? `CPU ${arg}'s pnt_seq moved: stop waiting for it` : 'nothing to wait for: return';
    case 'irq-leave':
      return 'kick_cpus_irq_workfn() returns: IRQs on, the reader ends';
    case 'uaf':
      return `use-after-free: pseqs[${arg}] in freed ${arrayName(obj)}`;
    case 'null-deref':
      return `NULL pointer dereference: pseqs[${arg}] through a NULL slot`;
    case 'leak':
      return `${arrayName(obj)} (CPU ${arg}, ${bytes} bytes) is referenced by nothing: leaked`;
    case 'double-free':
      return `double free of ${arrayName(obj)}`;
    case 'ctx-switch':
      if (obj === 1) return 'pick_task_scx() picks the same SCX task again: no context switch (a quiescent state)';
      return `context switch: ${CLASS_NAMES[bytes]} → ${CLASS_NAMES[arg]}${bytes === 1 && arg === 1 ? ' (another SCX task)' : ''} (a quiescent state)`;
    case 'pnt-bump':
      return `${BUMP_BY[lineLabel(fn, line)] ?? ''}pnt_seq → ${arg}`;
    case 'wake':
      return bytes === 1
        ? `try_to_wake_up(): another SCX task is queued on CPU ${arg} (wakeup_preempt_scx() does nothing: no resched)`
        : `try_to_wake_up(): CPU ${arg}'s task is runnable, resched_curr()`;
    case 'gp-start':
      return `grace period ${arg} starts: every CPU owes a quiescent state`;
    case 'qs':
      return `quiescent state for grace period ${arg}`;
    case 'gp-end':
      return `grace period ${arg} ends`;
    case 'cb-invoke':
      return `RCU callback: free_kick_pseqs_rcu(${arrayName(obj)})`;
    case 'enable-return':
      return `scx_enable() returns ${arg}` + (arg === -16 ? ' (-EBUSY)' : arg === -12 ? ' (-ENOMEM)' : '');
    case 'stuck':
      return `spins forever waiting for CPU ${arg}`;
    case 'rcu-stall':
      return `grace period ${arg} can never end`;
    case 'sched-alloc':
      return arg < 0 ? 'scx_alloc_and_add_sched() fails: -ENOMEM' : 'scx_alloc_and_add_sched(): the scheduler instance is created';
  }
}

export function eventKindName(i: number): EventKind {
  return EVENT_KINDS[i];
}
export function fnName(i: number): KernelFn {
  return KERNEL_FNS[i];
}

/** "irq:0", "enable:B", "gp" … */
export function actorName(code: number, loaderNames: readonly string[]): string {
  const kind = ACTOR_KINDS[actorKindOf(code)];
  const sub = actorSubOf(code);
  return actorId(kind, kind === 'enable' ? (loaderNames[sub] ?? sub) : sub);
}

/** Parse an actor id; null when it is not of the form the model uses. */
export function parseActor(id: string, loaderNames: readonly string[], cpus: number): number | null {
  const m = /^([a-z]+)(?::([A-Za-z0-9]+))?$/.exec(id.trim());
  if (!m) return null;
  const kind = ACTOR_KINDS.indexOf(m[1] as (typeof ACTOR_KINDS)[number]);
  if (kind < 0) return null;
  const arg = m[2];
  if (kind === ACTOR_CODE.boot || kind === ACTOR_CODE.disable || kind === ACTOR_CODE.gp)
    return arg === undefined ? actorCode(kind, 0) : null;
  if (arg === undefined) return null;
  if (kind === ACTOR_CODE.enable) {
    const i = loaderNames.indexOf(arg);
    return i < 0 ? null : actorCode(kind, i);
  }
  if (!/^[0-9]+$/.test(arg)) return null;
  const c = Number(arg);
  return c < cpus ? actorCode(kind, c) : null;
}
