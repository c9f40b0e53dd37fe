// Our own pseudo-code of each kernel function the model steps through (named after the kernel's functions;
// no kernel source is reproduced). Events point at a line by its label; the code view shows the listing.
import type { KernelFn, Toggles, KickRules } from './types.ts';

export interface CodeLine {
  label: string;
  text: string;
  /** Shown only when this holds (the listing of one variant and pnt_seq rule); absent = always shown. */
  when?: (t: Toggles, k: KickRules) => boolean;
  /** The line differs between variants (marked in the code view). */
  differs?: boolean;
}

const lazy = (t: Toggles) => t.lazyAlloc;
const eager = (t: Toggles) => !t.lazyAlloc;
/** 14c1da3895a1 alone: the arrays are allocated before the enable-state check. */
const early = (t: Toggles) => t.lazyAlloc && !t.allocAfterStateCheck;

export const CODE: Record<KernelFn, CodeLine[]> = {
  init_sched_ext_class: [
    { label: 'start', text: 'for each possible cpu: set up rq->scx masks, kick_cpus_irq_work' },
    { label: 'percpu', text: 'pnt_seqs = percpu_alloc(8 * nr_cpu_ids)   // one unit per CPU, at boot', when: eager, differs: true },
    { label: 'bug', text: 'BUG_ON(!pnt_seqs)                          // > unit limit: WARN, then panic', when: eager, differs: true },
    { label: 'lazy', text: '// per-CPU pointers start NULL; arrays come with scx_enable()', when: lazy, differs: true },
  ],
  scx_enable: [
    { label: 'lock', text: 'mutex_lock(&scx_enable_mutex)' },
    {
      label: 'alloc-early',
      text: 'ret = alloc_kick_pseqs(); if (ret) goto err_unlock      // 14c1da: before the state check',
      when: early,
      differs: true,
    },
    {
      label: 'check-free',
      text: 'if (enable_state() != DISABLED) { ret = -EBUSY; goto err_free_pseqs }',
      when: early,
      differs: true,
    },
    {
      label: 'check',
      text: 'if (enable_state() != DISABLED) { ret = -EBUSY; goto err_unlock }',
      when: (t) => !early(t),
      differs: true,
    },
    {
      label: 'alloc-late',
      text: 'ret = alloc_kick_pseqs(); if (ret) goto err_unlock      // 05e633: after the state check',
      when: (t) => t.lazyAlloc && t.allocAfterStateCheck,
      differs: true,
    },
    {
      label: 'sched-alloc',
      text: 'sch = scx_alloc_and_add_sched(ops); if (IS_ERR(sch)) goto err_free_pseqs',
      when: lazy,
      differs: true,
    },
    {
      label: 'sched-alloc-unlock',
      text: 'sch = scx_alloc_and_add_sched(ops); if (IS_ERR(sch)) goto err_unlock',
      when: eager,
      differs: true,
    },
    { label: 'enabling', text: 'WARN_ON_ONCE(set_enable_state(ENABLING) != DISABLED)' },
    { label: 'bypass', text: 'scx_bypass(true)                 // kicks are dropped while tasks switch' },
    { label: 'switch-in', text: 'move every task to ext_sched_class' },
    { label: 'unbypass', text: 'scx_bypass(false)' },
    { label: 'enabled', text: 'set_enable_state(ENABLED)' },
    { label: 'unlock', text: 'mutex_unlock(&scx_enable_mutex); return 0' },
    {
      label: 'err-free',
      text: 'err_free_pseqs: free_kick_pseqs()   // after -EBUSY (14c1da) or a failed scx_alloc_and_add_sched()',
      when: lazy,
      differs: true,
    },
    { label: 'err-unlock', text: 'err_unlock: mutex_unlock(&scx_enable_mutex); return ret' },
  ],
  alloc_kick_pseqs: [
    { label: 'loop', text: 'for each possible cpu c:' },
    { label: 'warn', text: '  WARN_ON_ONCE(slot[c] != NULL)' },
    { label: 'alloc', text: '  p = kvzalloc_node(16 + 8 * nr_cpu_ids, cpu_to_node(c))' },
    { label: 'enomem', text: '  if (!p) { free_kick_pseqs(); return -ENOMEM }' },
    { label: 'assign', text: '  rcu_assign_pointer(slot[c], p)    // overwrites whatever was there' },
  ],
  free_kick_pseqs: [
    { label: 'loop', text: 'for each possible cpu c:' },
    { label: 'replace', text: '  old = rcu_replace_pointer(slot[c], NULL)' },
    {
      label: 'call-rcu',
      text: '  if (old) call_rcu(old, kvfree)      // freed after a grace period',
      when: (t) => t.rcuFree,
      differs: true,
    },
    { label: 'kvfree', text: '  if (old) kvfree(old)                // no-rcu: freed at once', when: (t) => !t.rcuFree, differs: true },
  ],
  scx_disable_workfn: [
    { label: 'bypass', text: 'scx_bypass(true)                 // kicks are dropped from here on' },
    { label: 'disabling', text: 'if (set_enable_state(DISABLING) == DISABLED) { set DISABLED; goto done }' },
    { label: 'lock', text: 'lock(scx_enable_mutex)' },
    { label: 'switch-out', text: 'move every task off ext_sched_class' },
    { label: 'sync', text: 'synchronize_rcu()                // waits for a full grace period' },
    { label: 'free', text: 'free_kick_pseqs()', when: lazy, differs: true },
    { label: 'unlock', text: 'unlock(scx_enable_mutex)' },
    { label: 'disabled', text: 'WARN_ON_ONCE(set_enable_state(DISABLED) != DISABLING)' },
    { label: 'done', text: 'done: scx_bypass(false)' },
  ],
  scx_bpf_kick_cpu: [
    { label: 'bypass', text: 'local_irq_save(); if (bypassing(this_rq)) goto out   // kick dropped' },
    { label: 'idle', text: 'if (flags & IDLE) set(cpus_to_kick_if_idle, cpu) unless it can skip' },
    { label: 'bits', text: 'else set(cpus_to_kick, cpu); PREEMPT: set(cpus_to_preempt); WAIT: set(cpus_to_wait)' },
    { label: 'queue', text: 'irq_work_queue(&this_rq->kick_cpus_irq_work)' },
    { label: 'out', text: 'out: local_irq_restore()' },
  ],
  kick_cpus_irq_workfn: [
    { label: 'enter', text: '// hardirq, IRQs off: an RCU read-side critical section' },
    { label: 'load', text: 'p = this_cpu_read(slot)', when: lazy, differs: true },
    { label: 'load-percpu', text: 'pseqs = this_cpu_ptr(pnt_seqs)       // boot-time percpu unit', when: eager, differs: true },
    {
      label: 'null',
      text: 'if (!p) { pr_warn_once(...); return }  // every kick dropped',
      when: (t) => t.lazyAlloc && t.nullCheck,
      differs: true,
    },
    { label: 'deref', text: 'pseqs = rcu_dereference_bh(p)->seqs', when: lazy, differs: true },
    { label: 'kick-loop', text: 'for each cpu in cpus_to_kick: should_wait |= kick_one_cpu(cpu, pseqs)' },
    { label: 'idle-loop', text: 'for each cpu in cpus_to_kick_if_idle: kick_one_cpu_if_idle(cpu)' },
    { label: 'no-wait', text: 'if (!should_wait) return' },
    { label: 'wait-loop', text: 'for each cpu in cpus_to_wait (not this cpu):' },
    { label: 'spin', text: '  while (load_acquire(rq(cpu)->pnt_seq) == pseqs[cpu]) cpu_relax()' },
    { label: 'leave', text: 'return                                   // IRQs back on: reader ends' },
  ],
  kick_one_cpu: [
    { label: 'lock', text: 'lock(rq(cpu))' },
    {
      label: 'higher',
      text: 'if (rq->curr runs a class above ext) { clear preempt/wait; skip }   // a9c1fbbd6dad',
      when: (_t, k) => k.skipHigherClass,
      differs: true,
    },
    { label: 'preempt', text: 'if (test(cpus_to_preempt, cpu)) rq->curr->slice = 0 (if SCX); clear' },
    {
      label: 'snap',
      text: 'if (test(cpus_to_wait, cpu)) { pseqs[cpu] = rq->pnt_seq; should_wait = true }',
      when: (_t, k) => !k.skipHigherClass,
      differs: true,
    },
    {
      label: 'snap-scx',
      text: 'if (test(cpus_to_wait, cpu)) { if SCX: pseqs[cpu] = rq->pnt_seq, should_wait = true; else clear }',
      when: (_t, k) => k.skipHigherClass,
      differs: true,
    },
    { label: 'resched', text: 'resched_curr(rq)' },
    { label: 'unlock', text: 'unlock(rq(cpu)); return should_wait' },
  ],
  kick_one_cpu_if_idle: [{ label: 'check', text: 'if (rq->curr is the idle task) resched_curr(rq)' }],
  __schedule: [
    { label: 'qs', text: 'rcu_note_context_switch()                // a quiescent state' },
    { label: 'pick', text: 'next = pick_next_task(prev)             // class by class; ext: pick_task_scx()' },
    {
      label: 'pick-bump',
      text: '  pick_task_scx(): pnt_seq++             // a379fa1e2cae: even if it picks prev again',
      when: (_t, k) => k.bumpOnPick,
      differs: true,
    },
    { label: 'same', text: 'if (next == prev) skip put_prev/set_next   // the same task picked again' },
    { label: 'put', text: 'put_prev_task(prev, next)' },
    {
      label: 'put-bump',
      text: '  put_prev_task_scx(): pnt_seq++         // a379fa1e2cae: whenever an SCX task is put',
      when: (_t, k) => k.bumpOnPick,
      differs: true,
    },
    {
      label: 'switch-class',
      text: '  put_prev_task_scx(): if next not on ext: switch_class(): pnt_seq++',
      when: (_t, k) => !k.bumpOnPick,
      differs: true,
    },
    { label: 'switch', text: 'context_switch(prev, next)' },
  ],
  try_to_wake_up: [{ label: 'wake', text: 'enqueue the task on its cpu; resched_curr(rq)' }],
  rcu_gp_kthread: [
    { label: 'start', text: 'start grace period g: every cpu owes a quiescent state' },
    { label: 'end', text: 'all cpus reported: grace period g ends' },
  ],
  rcu_note_context_switch: [{ label: 'qs', text: 'report a quiescent state (not inside a reader)' }],
  rcu_do_batch: [{ label: 'invoke', text: 'invoke ready callbacks: kvfree(array)' }],
  synchronize_rcu: [
    { label: 'call', text: 'wait for a full grace period to start and end' },
    { label: 'return', text: 'grace period over: return' },
  ],
};

const labelIndex: Record<string, Record<string, number>> = {};
for (const [fn, lines] of Object.entries(CODE)) {
  labelIndex[fn] = Object.create(null) as Record<string, number>;
  lines.forEach((l, i) => (labelIndex[fn][l.label] = i));
}

/** Index of a labelled line of a function's pseudo-code (throws on a typo: caught by the unit tests). */
export function lineOf(fn: KernelFn, label: string): number {
  const i = labelIndex[fn]?.[label];
  if (i === undefined) throw new Error(`no line '${label}' in ${fn}`);
  return i;
}
