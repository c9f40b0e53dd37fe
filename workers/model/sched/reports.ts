// Checker reports, printed in the form the kernel's own code prints them (KASAN, kmemleak, the x86 page-fault
// oops, the RCU stall detector, the hard-lockup watchdog, WARN, BUG, pr_warn_once). The wording of each line
// follows its printing function (workers/model/README.md#how-the-reports-are-printed); values the model cannot
// know (addresses, pids, offsets, line numbers) are illustrative, and register and hex dumps are left out.
import { originOf } from './origin.ts';
import type { Report, RunResult, TraceColumns } from './types.ts';
import type { Machine } from './machine/core.ts';
import { ACTOR_CODE, EVENT_CODE, FN_CODE, actorKindOf, actorSubOf } from './machine/codes.ts';
import { kmallocCost } from '../memory.ts';
import { stuckExplanation } from './kickWaitText.ts';
import { irqOptionsText } from './irqOptions.ts';
import {
  CUT_HERE,
  DISABLE_ENTRY,
  ENABLE_ENTRY,
  END_TRACE,
  HELPER_TASK,
  IRQ_WORK_ENTRY,
  RULE,
  contextsAt,
  cpuHeader,
  frames,
  hex,
  idleTask,
  interrupted,
  irqTask,
  IRQ_WORK_THREAD_ENTRY,
  threadTask,
  loaderTask,
  sym,
  type StepContext,
  type Task,
} from './reportParts.ts';

const DIRECT_MAP = 0xffff888104a00000n;
const VMALLOC_BASE = 0xffffc90000a00000n;
/** Base address of array `id` (illustrative): direct-mapped for kmalloc, in the vmalloc range for vmalloc. */
export function arrayBase(id: number, path: number): bigint {
  return (path === 2 ? VMALLOC_BASE : DIRECT_MAP) + BigInt(id) * 0x40000n;
}
const px = (a: bigint) => a.toString(16).padStart(16, '0');
/** A synthetic but stable address for array `id` (slab or page path). */
export const addrOf = (id: number) => px(arrayBase(id, 0));

/** KASAN's bug type by the shadow byte of the freed memory (report_generic.c get_shadow_bug_type()). */
export function kasanBugType(path: number): string {
  return path === 2 ? 'vmalloc-out-of-bounds' : path === 1 ? 'use-after-free' : 'slab-use-after-free';
}

/** print_memory_metadata(): five rows of 16 shadow bytes around the address, the middle one marked. */
function memoryState(addr: bigint, base: bigint, size: number, path: number): string[] {
  const rowBytes = 128n; // META_BYTES_PER_ROW (16) granules of KASAN_GRANULE_SIZE (8)
  const row0 = addr - (addr % rowBytes);
  const out = ['Memory state around the buggy address:'];
  for (let i = -2; i <= 2; i++) {
    const row = row0 + BigInt(i) * rowBytes;
    const bytes: string[] = [];
    for (let g = 0n; g < 16n; g++) {
      const a = row + g * 8n;
      const inside = a >= base && a < base + BigInt(size);
      // freed slab object: fa (free meta) then fb; around it fc; freed pages ff; freed vmalloc space f8
      bytes.push(path === 2 ? 'f8' : path === 1 ? 'ff' : inside ? (a === base ? 'fa' : 'fb') : 'fc');
    }
    out.push(`${i === 0 ? '>' : ' '}${px(row)}: ${bytes.join(' ')}`);
    if (i === 0) out.push(`${' '.repeat(3 + 16 + Number((addr - row) / 8n) * 3)}^`);
  }
  return out;
}

/** The KASAN report of an access to a freed array (report.c print_report()). */
function kasanUaf(r: RunResult, m: Machine, t: TraceColumns, i: number, ctx: Map<number, StepContext>): string[] {
  const id = t.obj[i];
  const cpu = t.cpu[i];
  const isWrite = t.fn[i] === FN_CODE.kick_one_cpu; // kick_one_cpu() writes the snapshot; the spin reads
  const path = m.allocPath[id];
  const size = m.allocConsumed[id];
  const base = arrayBase(id, path);
  const addr = base + BigInt(16 + 8 * t.arg[i]);
  const threaded = r.config.irqWork === 'threaded';
  const task = threaded ? threadTask(cpu) : irqTask(ctx.get(t.step[i]), cpu);
  const where = isWrite ? 'kick_one_cpu' : 'kick_cpus_irq_workfn';
  const report = ['dump_stack_lvl', 'print_report', 'kasan_report', ...(isWrite ? ['kick_one_cpu'] : []), 'kick_cpus_irq_workfn'];
  const lines = [
    RULE,
    `BUG: KASAN: ${kasanBugType(path)} in ${sym(where)}`,
    `${isWrite ? 'Write' : 'Read'} of size 8 at addr ${px(addr)} by task ${task.comm}/${task.pid}`,
    '',
    ...cpuHeader(cpu, task),
    'Call Trace:',
    ...(threaded
      ? frames(['<TASK>', ...report, ...IRQ_WORK_THREAD_ENTRY.slice(1), '</TASK>'])
      : [...frames(['<IRQ>', ...report]), ...frames([...IRQ_WORK_ENTRY, '</IRQ>', ...interrupted(task)])]),
    '',
  ];
  if (path === 0) {
    // Only slab objects carry KASAN's alloc/free tracks and an object description.
    const allocCtx = ctx.get(m.allocAllocStep[id]);
    const allocBy = loaderTask(Math.max(0, allocCtx?.loader ?? 0));
    const freedStep = m.allocFreedStep[id];
    const rcu = r.config.toggles.rcuFree;
    const freer = freedBy(r, freedStep, ctx);
    const cache = kmallocCost(m.allocRequest[id], r.config.pageSize).cache;
    lines.push(
      `Allocated by task ${allocBy.pid}:`,
      ...frames([
        'kasan_save_stack',
        'kasan_save_track',
        '__kasan_kmalloc',
        '__kmalloc_node_noprof',
        '__kvmalloc_node_noprof',
        'alloc_kick_pseqs',
        ...ENABLE_ENTRY,
      ]),
      '',
      `Freed by task ${freer.pid}:`,
      ...frames(['kasan_save_stack', 'kasan_save_track', 'kasan_save_free_info', '__kasan_slab_free', 'kfree', 'kvfree']),
      ...frames(
        rcu
          ? ['free_kick_pseqs_rcu', 'rcu_do_batch', 'rcu_core', 'handle_softirqs', 'irq_exit_rcu']
          : ['free_kick_pseqs', ...DISABLE_ENTRY],
      ),
      '',
      ...(rcu
        ? [
            'Last potentially related work creation:',
            ...frames(['kasan_save_stack', 'kasan_record_aux_stack', '__call_rcu_common', 'free_kick_pseqs', ...DISABLE_ENTRY]),
            '',
          ]
        : []),
      `The buggy address belongs to the object at ${px(base)}`,
      ` which belongs to the cache ${cache} of size ${size}`,
      `The buggy address is located ${16 + 8 * t.arg[i]} bytes inside of`,
      ` freed ${size}-byte region [${px(base)}, ${px(base + BigInt(size))})`,
      '',
    );
  }
  if (path !== 2) {
    // A freed vmalloc area has no vm_struct and no page any more: nothing is printed for it.
    const pfn = Number((base - 0xffff888000000000n) / 4096n);
    lines.push(
      'The buggy address belongs to the physical page:',
      `page: refcount:${path === 0 ? 1 : 0} mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x${pfn.toString(16)}`,
      `flags: 0x200000000000000(node=${m.allocNode[id]}|zone=2)`,
      ...(path === 0 ? ['page_type: f5(slab)'] : []),
      'page dumped because: kasan: bad access detected',
      '',
    );
  }
  lines.push(...memoryState(addr, base, size, path), RULE);
  return lines;
}

/** Who ran the free: RCU's softirq, scx_enable()'s error path in the loader, or the disable kthread. */
function freedBy(r: RunResult, step: number, ctx: Map<number, StepContext>): Task {
  if (step < 0 || step >= r.actors.length) return HELPER_TASK;
  const code = r.actors[step];
  const kind = actorKindOf(code);
  if (kind === ACTOR_CODE.enable) return loaderTask(actorSubOf(code));
  if (kind === ACTOR_CODE.cb) return irqTask(ctx.get(step), actorSubOf(code));
  return HELPER_TASK;
}

/** The x86 page-fault oops of a NULL slot used without a check (fault.c show_fault_oops(), then die()). */
function nullOops(t: TraceColumns, i: number, ctx: Map<number, StepContext>, threaded: boolean): string[] {
  const cpu = t.cpu[i];
  const addr = 16 + 8 * t.arg[i];
  const isWrite = t.fn[i] === FN_CODE.kick_one_cpu; // the snapshot store; the wait loop loads
  const fn = isWrite ? 'kick_one_cpu' : 'kick_cpus_irq_workfn';
  const task = threaded ? threadTask(cpu) : irqTask(ctx.get(t.step[i]), cpu);
  const code = isWrite ? 0x0002 : 0x0000; // x86 error code: bit 1 = write; bit 0 clear = page not present
  return [
    `BUG: kernel NULL pointer dereference, address: ${hex(addr)}`,
    `#PF: supervisor ${isWrite ? 'write' : 'read'} access in kernel mode`,
    `#PF: error_code(0x${hex(code, 4)}) - not-present page`,
    'PGD 0 P4D 0',
    `Oops: ${hex(code, 4)} [#1] PREEMPT SMP NOPTI`,
    ...cpuHeader(cpu, task),
    `RIP: 0010:${sym(fn)}`,
    'Call Trace:',
    ...(threaded
      ? frames(['<TASK>', ...(isWrite ? ['kick_cpus_irq_workfn'] : []), ...IRQ_WORK_THREAD_ENTRY.slice(1), '</TASK>'])
      : frames(['<IRQ>', ...(isWrite ? ['kick_cpus_irq_workfn'] : []), ...IRQ_WORK_ENTRY, '</IRQ>', ...interrupted(task)])),
    'Modules linked in:',
    `CR2: ${hex(addr)}`,
    END_TRACE,
    // In hard irq the oops is fatal; the irq_work kthread just dies (a panic only with panic_on_oops).
    ...(threaded
      ? []
      : [
          `RIP: 0010:${sym(fn)}`,
          'Kernel panic - not syncing: Fatal exception in interrupt',
          '---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---',
        ]),
  ];
}

/** The WARN_ON_ONCE in alloc_kick_pseqs() (panic.c __warn() after the bug table's "cut here"). */
function warnSplat(cpu: number, task: Task): string[] {
  return [
    CUT_HERE,
    `WARNING: CPU: ${cpu} PID: ${task.pid} at kernel/sched/ext.c:4611 ${sym('alloc_kick_pseqs')}`,
    'Modules linked in:',
    ...cpuHeader(cpu, task),
    `RIP: 0010:${sym('alloc_kick_pseqs')}`,
    'Call Trace:',
    ...frames(['<TASK>', ...ENABLE_ENTRY, '</TASK>']),
    END_TRACE,
  ];
}

/** The boot-time percpu failure: pcpu_alloc()'s WARN, then BUG_ON() in init_sched_ext_class() kills the idle task. */
function bootPanic(bytes: number): string[] {
  const task = idleTask(0);
  const boot = ['sched_init', 'start_kernel', 'x86_64_start_reservations', 'x86_64_start_kernel', 'common_startup_64'];
  return [
    CUT_HERE,
    `illegal size (${bytes}) or align (8) for percpu allocation`,
    `WARNING: CPU: 0 PID: 0 at mm/percpu.c:1754 ${sym('pcpu_alloc_noprof')}`,
    'Modules linked in:',
    ...cpuHeader(0, task),
    `RIP: 0010:${sym('pcpu_alloc_noprof')}`,
    'Call Trace:',
    ...frames(['<TASK>', 'init_sched_ext_class', ...boot, '</TASK>']),
    END_TRACE,
    CUT_HERE,
    'kernel BUG at kernel/sched/ext.c:5623!',
    'Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI',
    ...cpuHeader(0, task, 'Tainted: G        W         '),
    `RIP: 0010:${sym('init_sched_ext_class')}`,
    'Call Trace:',
    ...frames(['<TASK>', ...boot, '</TASK>']),
    END_TRACE,
    'Kernel panic - not syncing: Attempted to kill the idle task!',
    '---[ end Kernel panic - not syncing: Attempted to kill the idle task! ]---',
  ];
}

/** The hard-lockup watchdog on the spinning CPU (watchdog.c watchdog_hardlockup_check(), from the perf NMI). */
function hardLockup(cpu: number, task: Task): string[] {
  return [
    `watchdog: Watchdog detected hard LOCKUP on cpu ${cpu}`,
    'Modules linked in:',
    ...cpuHeader(cpu, task),
    `RIP: 0010:${sym('kick_cpus_irq_workfn')}`,
    'Call Trace:',
    ...frames(['<IRQ>', ...IRQ_WORK_ENTRY, '</IRQ>', ...interrupted(task)]),
  ];
}

/** The RCU CPU stall warning (tree_stall.h print_other_cpu_stall(), print_cpu_stall_info()). */
function rcuStall(m: Machine, gp: number, blockers: number[], tasks: Task[]): string[] {
  const detector = [...Array(m.n).keys()].find((c) => !blockers.includes(c)) ?? (blockers[0] + 1) % m.n;
  const lines = ['rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:'];
  for (const c of blockers.slice(0, 8))
    lines.push(
      `rcu: \t${c}-...0: (20999 ticks this GP) idle=${hex(0x5a4 + 8 * c, 4)}/1/0x4000000000000000 softirq=${512 + c}/${512 + c} fqs=5249`,
    );
  lines.push(`rcu: \t(detected by ${detector}, t=21002 jiffies, g=${4 * gp + 1}, q=${m.cbPending} ncpus=${m.n})`);
  lines.push(`Sending NMI from CPU ${detector} to CPUs ${blockers.join(',')}:`);
  blockers.slice(0, 2).forEach((c, k) => {
    lines.push(`NMI backtrace for cpu ${c}`, ...cpuHeader(c, tasks[k]), `RIP: 0010:${sym('kick_cpus_irq_workfn')}`, 'Call Trace:');
    lines.push(...frames(['<IRQ>', ...IRQ_WORK_ENTRY, '</IRQ>', ...interrupted(tasks[k])]));
  });
  return lines;
}

/** kmemleak's report of one unreferenced array (kmemleak.c print_unreferenced()). */
function kmemleakObject(m: Machine, id: number, task: Task): string[] {
  const vm = m.allocPath[id] === 2;
  const w = m.writes[id];
  const word = (k: number) => (k < 2 ? 0 : (w?.get(k - 2) ?? 0)); // 16-byte rcu_head, then seqs[0], seqs[1]
  const bytesOf = (k: number) => {
    const v = BigInt(word(k));
    return Array.from({ length: 8 }, (_, b) => hex(Number((v >> BigInt(8 * b)) & 0xffn), 2)).join(' ');
  };
  const row = (k: number) => `    ${bytesOf(k)} ${bytesOf(k + 1)}  ................`;
  return [
    `unreferenced object 0x${px(arrayBase(id, m.allocPath[id]))} (size ${m.allocRequest[id]}):`,
    `  comm "${task.comm}", pid ${task.pid}, jiffies ${4294667296 + 4 * m.allocAllocStep[id]}`,
    '  hex dump (first 32 bytes):',
    row(0),
    row(2),
    `  backtrace (crc ${hex((id * 0x9e3779b1) >>> 0, 8)}):`,
    ...frames([
      vm ? '__vmalloc_node_range_noprof' : '__kmalloc_node_noprof',
      '__kvmalloc_node_noprof',
      'alloc_kick_pseqs',
      ...ENABLE_ENTRY,
    ]).map((l) => `   ${l}`),
  ];
}

/** Reports from the notable events of a run (`t`: uaf, leak, warn, … in trace order) and its final machine. */
export function buildReports(r: RunResult, t: TraceColumns, m: Machine): Report[] {
  const out: Omit<Report, 'origin' | 'originWhy' | 'options'>[] = [];
  const threaded = r.config.irqWork === 'threaded';
  const seenUaf = new Set<string>();
  const leaks: number[] = [];
  let firstNull = -1;
  // The context (who was running, who held the mutex) of every step a report needs, by one replay.
  const need: number[] = [];
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    if (k === EVENT_CODE.uaf || k === EVENT_CODE['null-deref'] || k === EVENT_CODE.warn || k === EVENT_CODE.stuck) need.push(t.step[i]);
    if (k === EVENT_CODE.uaf || k === EVENT_CODE.leak) need.push(m.allocAllocStep[t.obj[i]], m.allocFreedStep[t.obj[i]]);
  }
  const ctx = contextsAt(
    r.config,
    r.actors,
    need.filter((s) => s >= 0),
  );
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i];
    const step = t.step[i];
    const cpu = t.cpu[i];
    if (kind === EVENT_CODE.uaf) {
      const key = `${t.obj[i]}/${cpu}`;
      if (seenUaf.has(key)) continue;
      seenUaf.add(key);
      const isWrite = t.fn[i] === FN_CODE.kick_one_cpu;
      const bugType = kasanBugType(m.allocPath[t.obj[i]]);
      out.push({
        kind: 'uaf',
        step,
        cpu,
        title: `KASAN: ${bugType} in ${isWrite ? 'kick_one_cpu' : 'kick_cpus_irq_workfn'}`,
        lines: kasanUaf(r, m, t, i, ctx),
        explanation:
          `CPU ${cpu}'s irq work loaded its pointer before array #${t.obj[i]} (the pseqs of CPU ${m.allocCpu[t.obj[i]]}) was unpublished, and ${isWrite ? 'writes' : 'reads'} pseqs[${t.arg[i]}] ` +
          `after kvfree() (step ${m.allocFreedStep[t.obj[i]] + 1}). ${r.config.toggles.rcuFree ? '' : 'Without call_rcu() nothing waits for readers that still hold the pointer: '}` +
          (threaded
            ? 'The irq work runs in the preemptible irq_work kthread (PREEMPT_RT before 36c6f3c03d10): it is no RCU reader, so the grace period could end while it still held the pointer.'
            : 'the irq-off region is an RCU reader only if the free waits for a grace period.'),
      });
    } else if (kind === EVENT_CODE['null-deref']) {
      const addr = 16 + 8 * t.arg[i];
      out.push({
        kind: 'null-deref',
        step,
        cpu,
        title: 'Oops: NULL pointer dereference',
        lines: nullOops(t, i, ctx, threaded),
        explanation: `CPU ${cpu}'s irq work loaded a NULL slot and, with no NULL check, used pseqs[${t.arg[i]}] at address 0x${addr.toString(16)} (16-byte header + 8·${t.arg[i]}). ${threaded ? 'In the irq_work kthread the oops kills that thread (a panic only with panic_on_oops).' : 'An oops in hardirq context panics the machine.'}`,
      });
    } else if (kind === EVENT_CODE.leak) {
      leaks.push(i);
    } else if (kind === EVENT_CODE['double-free']) {
      const task = HELPER_TASK;
      out.push({
        kind: 'double-free',
        step,
        cpu,
        title: 'KASAN: double-free',
        lines: [
          RULE,
          `BUG: KASAN: double-free in ${sym('kvfree')}`,
          '',
          ...cpuHeader(cpu, task),
          'Call Trace:',
          ...frames(['<TASK>', 'kvfree', 'free_kick_pseqs', ...DISABLE_ENTRY, '</TASK>']),
          RULE,
        ],
        explanation: `array #${t.obj[i]} was freed twice.`,
      });
    } else if (kind === EVENT_CODE.warn && !out.some((o) => o.kind === 'warn')) {
      const loader = ctx.get(step)?.loader ?? 0;
      out.push({
        kind: 'warn',
        step,
        cpu,
        title: 'WARNING in alloc_kick_pseqs',
        lines: warnSplat(cpu, loaderTask(Math.max(0, loader))),
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
        lines: bootPanic(t.bytes[i]),
        explanation: `8·nr_cpu_ids = ${t.bytes[i]} bytes per CPU exceeds PCPU_MIN_UNIT_SIZE (${r.config.pageSize === 4096 ? 32768 : 65536}), the largest percpu allocation. __alloc_percpu() warns and returns NULL, and BUG_ON() in init_sched_ext_class() kills the boot (the final panic line is not pinned).`,
      });
    } else if (kind === EVENT_CODE.stuck) {
      out.push({
        kind: 'stuck',
        step,
        cpu,
        title: `CPU ${cpu} spins forever in kick_cpus_irq_workfn()`,
        lines: threaded
          ? [
              `watchdog: BUG: soft lockup - CPU#${cpu} stuck for 22s! [irq_work/${cpu}:${threadTask(cpu).pid}]`,
              `RIP: 0010:${sym('kick_cpus_irq_workfn')}`,
              'Call Trace:',
              ...frames(['<TASK>', ...IRQ_WORK_THREAD_ENTRY, '</TASK>']),
            ]
          : hardLockup(cpu, irqTask(ctx.get(step), cpu)),
        explanation: stuckExplanation(r.config, cpu, t.arg[i]),
      });
    } else if (kind === EVENT_CODE['rcu-stall']) {
      const blockers: number[] = [];
      for (let c = 0; c < m.n; c++) if (m.qsOwed[c]) blockers.push(c);
      // At the end of the run: the stuck CPUs are in their irq work, over whatever they were running.
      const tasks = blockers.slice(0, 2).map((c) => (m.cls(c) === 0 ? idleTask(c) : irqTask(undefined, c)));
      out.push({
        kind: 'rcu-stall',
        step,
        cpu,
        title: `RCU stall: grace period ${t.arg[i]} can never end`,
        lines: rcuStall(m, t.arg[i], blockers, tasks),
        explanation: `CPU ${blockers.join(', ')} never leaves its irq-off region, so it never passes a quiescent state; grace period ${t.arg[i]} cannot end and its callbacks (the kvfree() of the arrays) never run.`,
      });
    }
  }
  if (leaks.length) {
    const first = leaks[0];
    const lines = [`kmemleak: ${leaks.length} new suspected memory leak${leaks.length === 1 ? '' : 's'} (see /sys/kernel/debug/kmemleak)`];
    for (const i of leaks.slice(0, 3)) {
      const id = t.obj[i];
      const loader = ctx.get(m.allocAllocStep[id])?.loader ?? 0;
      lines.push(...kmemleakObject(m, id, loaderTask(Math.max(0, loader))));
    }
    out.push({
      kind: 'leak',
      step: t.step[first],
      cpu: t.cpu[first],
      title: `kmemleak: ${leaks.length} unreferenced array${leaks.length === 1 ? '' : 's'} (${r.verdict.leakedBytes} bytes)`,
      lines,
      explanation:
        'Deterministic: any second load while a scheduler runs leaks, on every schedule (no kick or timing is needed). ' +
        "rcu_assign_pointer() in alloc_kick_pseqs() overwrote the running scheduler's arrays without freeing them: no slot and no RCU callback refers to them any more. " +
        `05e63305c85c moves alloc_kick_pseqs() after the enable-state check, so a load that will fail with -EBUSY allocates nothing.${leaks.length > 3 ? ` (The first 3 of ${leaks.length} objects are shown.)` : ''}`,
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
