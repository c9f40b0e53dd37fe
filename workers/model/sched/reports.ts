// Checker reports, printed the way the kernel's own tools print them (KASAN, kmemleak, WARN, oops, RCU
// stall, lockup). The wording is ours; addresses are synthetic, derived from the model's array ids.
import { originOf } from './origin.ts';
import type { Report, RunResult, TraceColumns } from './types.ts';
import type { Machine } from './machine/core.ts';
import { EVENT_CODE, FN_CODE } from './machine/codes.ts';
import { kmallocCost } from '../memory.ts';
import { irqContext, irqOptionsText } from './irqOptions.ts';

const hex = (n: number) => n.toString(16).padStart(16, '0');
/** A synthetic but stable address for array `id`. */
export const addrOf = (id: number) => 'ffff8881' + (0x00a00000 + id * 0x10000).toString(16).padStart(8, '0');

/**
 * KASAN's bug type and the line that places the address, by where the array came from (kvzalloc_node()'s
 * path, per array): a freed slab object is "slab-use-after-free" in the cache it belonged to; freed
 * page-allocator memory is a plain "use-after-free" of a page; freed vmalloc space (KASAN_VMALLOC) is
 * "vmalloc-out-of-bounds" in a mapping (workers/model/README.md#checkers-and-how-the-kernel-reports-them).
 */
function kasanPlace(path: number, cache: string, consumed: number, addr: string): { bugType: string; where: string[] } {
  if (path === 1)
    return {
      bugType: 'use-after-free',
      where: [`The buggy address belongs to the physical page at ${addr}`, ` (a free order-n page, ${consumed} bytes)`],
    };
  if (path === 2)
    return {
      bugType: 'vmalloc-out-of-bounds',
      where: [`The buggy address belongs to the virtual mapping at [${addr}, +${consumed}) created by:`, ' __vmalloc_node_range'],
    };
  return {
    bugType: 'slab-use-after-free',
    where: [`The buggy address belongs to the object at ${addr}`, ` which belongs to the cache ${cache} of size ${consumed}`],
  };
}

/** Reports from the notable events of a run (`t`: uaf, leak, warn, … in trace order) and its final machine. */
export function buildReports(r: RunResult, t: TraceColumns, m: Machine): Report[] {
  const out: Omit<Report, 'origin' | 'originWhy' | 'options'>[] = [];
  const threaded = r.config.irqWork === 'threaded';
  const cache = kmallocCost(16 + 8 * r.config.cpus, r.config.pageSize).cache;
  const seenUaf = new Set<string>();
  const leaks: number[] = [];
  let firstNull = -1;
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i];
    const step = t.step[i];
    const cpu = t.cpu[i];
    if (kind === EVENT_CODE.uaf) {
      const key = `${t.obj[i]}/${cpu}`;
      if (seenUaf.has(key)) continue;
      seenUaf.add(key);
      const id = t.obj[i];
      const isWrite = t.fn[i] === FN_CODE.kick_one_cpu; // kick_one_cpu writes the snapshot; the spin reads
      const freedStep = m.allocFreedStep[id];
      const place = kasanPlace(m.allocPath[id], cache, m.allocConsumed[id], addrOf(id));
      const ctx = irqContext(r.config.irqWork, cpu);
      out.push({
        kind: 'uaf',
        step,
        cpu,
        title: `KASAN: ${place.bugType} in ${isWrite ? 'kick_one_cpu' : 'kick_cpus_irq_workfn'}`,
        lines: [
          '==================================================================',
          `BUG: KASAN: ${place.bugType} in ${isWrite ? 'kick_one_cpu' : 'kick_cpus_irq_workfn'}`,
          `${isWrite ? 'Write' : 'Read'} of size 8 at addr ${addrOf(id).slice(0, 12)}${(0x10 + 8 * t.arg[i]).toString(16).padStart(4, '0')} by task ${ctx.task}`,
          '',
          `CPU: ${cpu} PID: ${ctx.pid} Comm: ${ctx.comm}`,
          'Call Trace:',
          ...(threaded ? [] : [ctx.frames[0]]),
          isWrite ? '  kick_one_cpu' : '',
          ...ctx.frames.filter((f) => f.startsWith('  ')),
          ...(threaded ? [] : [ctx.frames[ctx.frames.length - 1]]),
          '',
          `Allocated by scx_enable() → alloc_kick_pseqs() → kvzalloc_node() (step ${m.allocAllocStep[id] + 1})`,
          `Freed by ${r.config.toggles.rcuFree ? 'rcu_do_batch() → free_kick_pseqs_rcu() → kvfree()' : 'scx_disable_workfn() → free_kick_pseqs() → kvfree()'} (step ${freedStep + 1})`,
          '',
          ...place.where,
          `(array #${id}: the pseqs of CPU ${m.allocCpu[id]})`,
          '==================================================================',
        ].filter((l) => l !== ''),
        explanation:
          `CPU ${cpu}'s irq work loaded its pointer before the array was unpublished, and ${isWrite ? 'writes' : 'reads'} pseqs[${t.arg[i]}] ` +
          'after kvfree(). ' +
          (threaded
            ? 'The irq work runs in the preemptible irq_work kthread (PREEMPT_RT before 36c6f3c03d10): it is no RCU reader, so the grace period could end while it still held the pointer.'
            : `${r.config.toggles.rcuFree ? '' : 'Without call_rcu() nothing waits for readers that still hold the pointer: '}` +
              'the irq-off region is an RCU reader only if the free waits for a grace period.'),
      });
    } else if (kind === EVENT_CODE['null-deref']) {
      const addr = 16 + 8 * t.arg[i];
      const isWrite = t.fn[i] === FN_CODE.kick_one_cpu; // the snapshot write; the wait loop reads
      const ctx = irqContext(r.config.irqWork, cpu);
      out.push({
        kind: 'null-deref',
        step,
        cpu,
        title: 'Oops: NULL pointer dereference',
        lines: [
          `BUG: kernel NULL pointer dereference, address: ${hex(addr)}`,
          `#PF: supervisor ${isWrite ? 'write' : 'read'} access in kernel mode`,
          // x86's page-fault error code: bit 1 is set for a write; 0 for a read of a page not present.
          `Oops: ${isWrite ? '0002' : '0000'} [#1] SMP`,
          `CPU: ${cpu} PID: ${ctx.pid} Comm: ${ctx.comm}`,
          `RIP: ${t.fn[i] === FN_CODE.kick_one_cpu ? 'kick_one_cpu' : 'kick_cpus_irq_workfn'}`,
          'Call Trace:',
          ...ctx.frames,
          threaded ? '' : 'Kernel panic - not syncing: Fatal exception in interrupt',
        ].filter((l) => l !== ''),
        explanation: `CPU ${cpu}'s irq work loaded a NULL slot and, with no NULL check, used pseqs[${t.arg[i]}] at address 0x${addr.toString(16)} (16-byte header + 8·${t.arg[i]}). ${threaded ? 'In the irq_work kthread the oops kills that thread (a panic only with panic_on_oops).' : 'An oops in hardirq context panics the machine.'}`,
      });
    } else if (kind === EVENT_CODE.leak) {
      leaks.push(i);
    } else if (kind === EVENT_CODE['double-free']) {
      out.push({
        kind: 'double-free',
        step,
        cpu,
        title: 'KASAN: double-free',
        lines: [
          '==================================================================',
          `BUG: KASAN: double-free in kvfree`,
          `Free of addr ${addrOf(t.obj[i])} by task on CPU ${cpu}`,
          '==================================================================',
        ],
        explanation: `array #${t.obj[i]} was freed twice.`,
      });
    } else if (kind === EVENT_CODE.warn && !out.some((o) => o.kind === 'warn')) {
      out.push({
        kind: 'warn',
        step,
        cpu,
        title: 'WARNING in alloc_kick_pseqs',
        lines: [
          '------------[ cut here ]------------',
          `WARNING: CPU: ${cpu} PID: 1 at kernel/sched/ext.c alloc_kick_pseqs`,
          'Call Trace:',
          '  alloc_kick_pseqs',
          '  scx_enable',
          '  bpf_scx_reg',
          '  bpf_struct_ops_link_create',
          '---[ end trace ]---',
        ],
        explanation: `scx_enable() of a second scheduler called alloc_kick_pseqs() while the running scheduler's arrays were still in the slots (WARN_ON_ONCE(rcu_access_pointer(*pseqs)) on slot ${t.arg[i]}). It warns once, then overwrites every slot anyway.`,
      });
    } else if (kind === EVENT_CODE['null-return'] && firstNull < 0) {
      firstNull = i;
    } else if (kind === EVENT_CODE['percpu-fail']) {
      out.push({
        kind: 'boot-panic',
        step,
        cpu,
        title: 'Boot panic: percpu allocation too large',
        lines: [
          `percpu: illegal size (${t.bytes[i]}) or align (8) for percpu allocation`,
          'WARNING: CPU: 0 PID: 0 at mm/percpu.c pcpu_alloc',
          'kernel BUG at kernel/sched/ext.c: init_sched_ext_class',
          'Oops: invalid opcode [#1] SMP',
          'Kernel panic - not syncing: Attempted to kill the idle task!  (exact text unverified)',
        ],
        explanation: `8·nr_cpu_ids = ${t.bytes[i]} bytes per CPU exceeds PCPU_MIN_UNIT_SIZE (${r.config.pageSize === 4096 ? 32768 : 65536}), the largest percpu allocation. __alloc_percpu() warns and returns NULL, and BUG_ON() in init_sched_ext_class() kills the boot.`,
      });
    } else if (kind === EVENT_CODE.stuck) {
      out.push({
        kind: 'stuck',
        step,
        cpu,
        title: `CPU ${cpu} spins forever in kick_cpus_irq_workfn()`,
        lines: threaded
          ? [
              `watchdog: BUG: soft lockup - CPU#${cpu} stuck for 22s! [irq_work/${cpu}:${irqContext('threaded', cpu).pid}]`,
              `RIP: kick_cpus_irq_workfn  (SCX_KICK_WAIT loop on CPU ${t.arg[i]})`,
              ...irqContext('threaded', cpu).frames,
            ]
          : [
              `watchdog: Watchdog detected hard LOCKUP on cpu ${cpu}`,
              `RIP: kick_cpus_irq_workfn  (SCX_KICK_WAIT loop on CPU ${t.arg[i]})`,
              ' <IRQ>',
              '  kick_cpus_irq_workfn',
              '  irq_work_run_list',
              ' </IRQ>',
            ],
        explanation:
          r.pntRule === '6.17'
            ? `CPU ${cpu} waits for CPU ${t.arg[i]}'s pnt_seq to move, but under the 6.17 rule pnt_seq moves only when an SCX task switches to a non-SCX one (switch_class()). ` +
              `CPU ${t.arg[i]} runs no SCX task any more (the disable path switched every task to fair, or it is idle), so the count never changes and the spin never ends${threaded ? ' (in the irq_work kthread, IRQs on: a soft lockup, no RCU stall)' : ', with IRQs off'}. ` +
              'This is the real 6.17 bug that a379fa1e2cae fixed (bump in put_prev_task_scx()/pick_task_scx(); do not wait on CPUs not running SCX). Switch the pnt_seq rule to see the fixed behaviour.'
            : `CPU ${cpu} waits for CPU ${t.arg[i]}'s pnt_seq to move, and no remaining step can move it.`,
      });
    } else if (kind === EVENT_CODE['rcu-stall']) {
      const blockers: number[] = [];
      for (let c = 0; c < m.n; c++) if (m.qsOwed[c]) blockers.push(c);
      out.push({
        kind: 'rcu-stall',
        step,
        cpu,
        title: `RCU stall: grace period ${t.arg[i]} can never end`,
        lines: [
          'rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:',
          ...blockers.slice(0, 8).map((c) => `rcu:     ${c}-...!: (in hardirq, IRQs off: kick_cpus_irq_workfn)`),
          `rcu:     (detected by ${m.n - 1}, g=${t.arg[i]})`,
        ],
        explanation: `CPU ${blockers.join(', ')} never leaves its irq-off region, so it never passes a quiescent state; grace period ${t.arg[i]} cannot end and its callbacks (the kvfree() of the arrays) never run.`,
      });
    }
  }
  if (leaks.length) {
    const first = leaks[0];
    const lines: string[] = [];
    for (const i of leaks.slice(0, 3)) {
      const id = t.obj[i];
      lines.push(
        `unreferenced object 0x${addrOf(id)} (size ${m.allocRequest[id]}):`,
        '  comm "scx_loader", pid 1',
        `  backtrace (array #${id}, pseqs of CPU ${m.allocCpu[id]}):`,
        '    kvzalloc_node',
        '    alloc_kick_pseqs',
        '    scx_enable',
        '    bpf_scx_reg',
      );
    }
    if (leaks.length > 3) lines.push(`kmemleak: ${leaks.length} new suspected memory leaks (${leaks.length - 3} more not shown)`);
    else lines.push(`kmemleak: ${leaks.length} new suspected memory leak${leaks.length === 1 ? '' : 's'}`);
    out.push({
      kind: 'leak',
      step: t.step[first],
      cpu: t.cpu[first],
      title: `kmemleak: ${leaks.length} unreferenced array${leaks.length === 1 ? '' : 's'} (${r.verdict.leakedBytes} bytes)`,
      lines,
      explanation:
        'Deterministic: any second load while a scheduler runs leaks, on every schedule (no kick or timing is needed). ' +
        "rcu_assign_pointer() in alloc_kick_pseqs() overwrote the running scheduler's arrays without freeing them: no slot and no RCU callback refers to them any more. " +
        '05e63305c85c moves alloc_kick_pseqs() after the enable-state check, so a load that will fail with -EBUSY allocates nothing.',
    });
  }
  if (firstNull >= 0) {
    out.push({
      kind: 'dropped-kicks',
      step: t.step[firstNull],
      cpu: t.cpu[firstNull],
      title: `${r.verdict.droppedKicks} kick${r.verdict.droppedKicks === 1 ? '' : 's'} dropped on a NULL slot`,
      lines: ['kick_cpus_irq_workfn() called with NULL scx_kick_pseqs'],
      explanation:
        'The irq work found its slot NULL and returned before handling any mask: no resched_curr(), no preempt, no wait, and the bits stay set. ' +
        'In a disable race this is the intended, harmless path; after a failed second load (14c1da3895a1 alone) every slot is NULL while the scheduler runs, so all its kicks are lost.',
    });
  }
  out.sort((a, b) => a.step - b.step);
  const options = irqOptionsText(r.config);
  return out.map((rep) => {
    const o = originOf(rep.kind, r.config.variant, r.pntRule);
    return { ...rep, origin: o.origin, originWhy: o.why, options };
  });
}
