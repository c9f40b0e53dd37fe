// Every report the tool prints, checked line by line against a small spec of the kernel's own format, written
// from the code that prints it (not from our output): mm/kasan/report.c print_report() and report_generic.c,
// mm/kmemleak.c print_unreferenced(), arch/x86/mm/fault.c show_fault_oops() with die(), kernel/rcu/tree_stall.h
// print_other_cpu_stall(), kernel/watchdog.c watchdog_hardlockup_check(), kernel/panic.c __warn(), the BUG
// path and the pr_warn_once() of kick_cpus_irq_workfn() (workers/model/README.md#how-the-reports-are-printed).
// Plus what each report must say about this run: the bug type by the array's path, read or write, the address,
// and the task the kernel would name for the context.
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import type { KvmallocPath, Report, RunConfig } from '../../workers/model/sched/types.ts';

type Item = RegExp | { many: RegExp } | { opt: RegExp };
/** Lines must match the spec in order: a RegExp is one line, `many` zero or more, `opt` zero or one. */
function matchForm(lines: string[], spec: Item[]): string | null {
  let i = 0;
  for (const item of spec) {
    if (item instanceof RegExp) {
      if (i >= lines.length || !item.test(lines[i])) return `line ${i}: ${JSON.stringify(lines[i])} does not match ${String(item)}`;
      i++;
    } else if ('many' in item) {
      while (i < lines.length && item.many.test(lines[i])) i++;
    } else if (i < lines.length && item.opt.test(lines[i])) i++;
  }
  return i === lines.length ? null : `extra line ${i}: ${JSON.stringify(lines[i])}`;
}

const HEX16 = '[0-9a-f]{16}';
const FRAME = /^ [A-Za-z0-9_.]+\+0x[0-9a-f]+\/0x[0-9a-f]+$/;
const RULE = /^={66}$/;
const BLANK = /^$/;
/** dump_stack_lvl() / show_regs_print_info(). */
const CPU_HEADER: Item[] = [/^CPU: \d+ UID: 0 PID: \d+ Comm: \S+ (Not tainted|Tainted: [A-Z ]+) \S+ #\d+ .+$/, /^Hardware name: .+$/];
/** A call trace through the irq-work interrupt, over a task (show_trace_log_lvl()'s section markers). */
const IRQ_TRACE: Item[] = [/^Call Trace:$/, /^ <IRQ>$/, { many: FRAME }, /^ <\/IRQ>$/, /^ <TASK>$/, { many: FRAME }, /^ <\/TASK>$/];
const TASK_TRACE: Item[] = [/^Call Trace:$/, /^ <TASK>$/, { many: FRAME }, /^ <\/TASK>$/];
const END_TRACE = new RegExp(`^---\\[ end trace ${HEX16} \\]---$`);
const SHADOW_ROW = new RegExp(`^ ${HEX16}:( [0-9a-f]{2}){16}$`);
const MEMORY_STATE: Item[] = [
  /^Memory state around the buggy address:$/,
  SHADOW_ROW,
  SHADOW_ROW,
  new RegExp(`^>${HEX16}:( [0-9a-f]{2}){16}$`),
  /^ +\^$/,
  SHADOW_ROW,
  SHADOW_ROW,
];

/** print_error_description(), dump_stack, [object description], [page], memory state. */
function kasanSpec(bugType: string, path: 'slab' | 'page' | 'vmalloc'): Item[] {
  return [
    RULE,
    new RegExp(`^BUG: KASAN: ${bugType} in (kick_one_cpu|kick_cpus_irq_workfn)\\+0x[0-9a-f]+/0x[0-9a-f]+$`),
    new RegExp(`^(Write|Read) of size 8 at addr ${HEX16} by task \\S+/\\d+$`),
    BLANK,
    ...CPU_HEADER,
    ...IRQ_TRACE,
    BLANK,
    ...(path === 'slab'
      ? [
          /^Allocated by task \d+:$/,
          { many: FRAME },
          BLANK,
          /^Freed by task \d+:$/,
          { many: FRAME },
          BLANK,
          { opt: /^Last potentially related work creation:$/ },
          { many: FRAME },
          { opt: BLANK },
          new RegExp(`^The buggy address belongs to the object at ${HEX16}$`),
          /^ which belongs to the cache kmalloc-\d+k? of size \d+$/,
          /^The buggy address is located \d+ bytes inside of$/,
          new RegExp(`^ freed \\d+-byte region \\[${HEX16}, ${HEX16}\\)$`),
          BLANK,
        ]
      : []),
    ...(path === 'vmalloc'
      ? []
      : [
          /^The buggy address belongs to the physical page:$/,
          new RegExp(`^page: refcount:\\d+ mapcount:\\d+ mapping:${HEX16} index:0x[0-9a-f]+ pfn:0x[0-9a-f]+$`),
          /^flags: 0x[0-9a-f]+\(node=\d+\|zone=\d+\)$/,
          { opt: /^page_type: [0-9a-f]+\(slab\)$/ },
          /^page dumped because: kasan: bad access detected$/,
          BLANK,
        ]),
    ...MEMORY_STATE,
    RULE,
  ];
}

const OOPS_SPEC: Item[] = [
  new RegExp(`^BUG: kernel NULL pointer dereference, address: ${HEX16}$`),
  /^#PF: supervisor (read|write) access in kernel mode$/,
  /^#PF: error_code\(0x000[02]\) - not-present page$/,
  /^PGD 0 P4D 0$/,
  /^Oops: 000[02] \[#1\] PREEMPT SMP NOPTI$/,
  ...CPU_HEADER,
  /^RIP: 0010:(kick_one_cpu|kick_cpus_irq_workfn)\+0x[0-9a-f]+\/0x[0-9a-f]+$/,
  ...IRQ_TRACE,
  /^Modules linked in:/,
  new RegExp(`^CR2: ${HEX16}$`),
  END_TRACE,
  /^RIP: 0010:/,
  /^Kernel panic - not syncing: Fatal exception in interrupt$/,
  /^---\[ end Kernel panic - not syncing: Fatal exception in interrupt \]---$/,
];

const WARN_SPEC: Item[] = [
  /^------------\[ cut here \]------------$/,
  /^WARNING: CPU: \d+ PID: \d+ at kernel\/sched\/ext\.c:\d+ alloc_kick_pseqs\+0x[0-9a-f]+\/0x[0-9a-f]+$/,
  /^Modules linked in:/,
  ...CPU_HEADER,
  /^RIP: 0010:alloc_kick_pseqs\+/,
  ...TASK_TRACE,
  END_TRACE,
];

const KMEMLEAK_OBJECT: Item[] = [
  new RegExp(`^unreferenced object 0x${HEX16} \\(size \\d+\\):$`),
  /^ {2}comm "[^"]+", pid \d+, jiffies \d+$/,
  /^ {2}hex dump \(first 32 bytes\):$/,
  /^ {4}([0-9a-f]{2} ){16} [ -~]{16}$/,
  /^ {4}([0-9a-f]{2} ){16} [ -~]{16}$/,
  /^ {2}backtrace \(crc [0-9a-f]+\):$/,
  { many: /^ {4}[A-Za-z0-9_.]+\+0x[0-9a-f]+\/0x[0-9a-f]+$/ },
];

const LOCKUP_SPEC: Item[] = [
  /^watchdog: Watchdog detected hard LOCKUP on cpu \d+$/,
  /^Modules linked in:/,
  ...CPU_HEADER,
  /^RIP: 0010:kick_cpus_irq_workfn\+/,
  ...IRQ_TRACE,
];

const RCU_STALL_SPEC: Item[] = [
  /^rcu: INFO: rcu_preempt detected stalls on CPUs\/tasks:$/,
  { many: /^rcu: \t\d+-[O.][o.][N.][0-9!.]: \(\d+ ticks this GP\) idle=[0-9a-f]+\/\d+\/0x[0-9a-f]+ softirq=\d+\/\d+ fqs=\d+$/ },
  /^rcu: \t\(detected by \d+, t=\d+ jiffies, g=\d+, q=\d+ ncpus=\d+\)$/,
  /^Sending NMI from CPU \d+ to CPUs [\d,]+:$/,
  /^NMI backtrace for cpu \d+$/,
  ...CPU_HEADER,
  /^RIP: 0010:/,
  ...IRQ_TRACE,
  { many: /^(NMI backtrace for cpu \d+|CPU: .*|Hardware name: .*|RIP: .*|Call Trace:| <\/?(IRQ|TASK)>| \S+\+0x.*)$/ },
];

const BOOT_SPEC: Item[] = [
  /^------------\[ cut here \]------------$/,
  /^illegal size \(\d+\) or align \(8\) for percpu allocation$/,
  /^WARNING: CPU: 0 PID: 0 at mm\/percpu\.c:\d+ pcpu_alloc_noprof\+/,
  /^Modules linked in:/,
  ...CPU_HEADER,
  /^RIP: 0010:pcpu_alloc_noprof\+/,
  ...TASK_TRACE,
  END_TRACE,
  /^------------\[ cut here \]------------$/,
  /^kernel BUG at kernel\/sched\/ext\.c:\d+!$/,
  /^Oops: invalid opcode: 0000 \[#1\] PREEMPT SMP NOPTI$/,
  ...CPU_HEADER,
  /^RIP: 0010:init_sched_ext_class\+/,
  ...TASK_TRACE,
  END_TRACE,
  /^Kernel panic - not syncing: Attempted to kill the idle task!$/,
  /^---\[ end Kernel panic - not syncing: Attempted to kill the idle task! \]---$/,
];

const reportsOf = (p: Partial<RunConfig>) => run(makeRunConfig(p), { trace: false }).result.reports;
function one(p: Partial<RunConfig>, kind: Report['kind']): Report {
  const r = reportsOf(p).find((x) => x.kind === kind);
  if (!r) throw new Error(`no ${kind} report`);
  return r;
}
const expectForm = (r: Report, spec: Item[]) => expect(matchForm(r.lines, spec), r.lines.join('\n')).toBeNull();
const line = (r: Report, re: RegExp) => r.lines.find((l) => re.test(l)) ?? '';

describe('KASAN use-after-free (report.c print_report(); the bug type by the array’s own path)', () => {
  const uaf = (cpus: number, kvmallocPath: KvmallocPath = 'kmalloc') =>
    // Timer-tick delivery: the default interleaving's irq work runs after synchronize_rcu(), so no-rcu frees under it.
    one({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus, kvmallocPath, irqDelivery: 'tick' }, 'uaf');

  it('a kmalloc slab object: slab-use-after-free, alloc/free tracks and the cache it belonged to', () => {
    const r = uaf(4);
    expectForm(r, kasanSpec('slab-use-after-free', 'slab'));
    expect(line(r, /belongs to the cache/)).toBe(' which belongs to the cache kmalloc-64 of size 64');
    // The spin reads pseqs[1]: offset 16 + 8·1 inside the freed object.
    expect(r.lines).toContain('The buggy address is located 24 bytes inside of');
    expect(line(r, /of size 8 at addr/)).toMatch(/^Read of size 8 at addr/);
    // The irq work interrupts CPU 0's running task; the loader allocated; the disable kthread freed (no RCU).
    expect(line(r, /by task/)).toMatch(/by task stress-ng-cpu\/2100$/);
    expect(r.lines).toContain('Allocated by task 1234:');
    expect(r.lines).toContain('Freed by task 157:');
  });

  it('the shadow marker points at the accessed granule', () => {
    const r = uaf(4);
    const row = r.lines.findIndex((l) => l.startsWith('>'));
    const addr = BigInt(`0x${/at addr ([0-9a-f]{16})/.exec(line(r, /at addr/))![1]}`);
    const rowAddr = BigInt(`0x${r.lines[row].slice(1, 17)}`);
    expect(r.lines[row + 1].length - 1).toBe(3 + 16 + Number((addr - rowAddr) / 8n) * 3);
  });

  it('pages from the page allocator (S > 8 KiB at 4 KiB pages): use-after-free, no object or cache lines', () => {
    const r = uaf(1023);
    expectForm(r, kasanSpec('use-after-free', 'page'));
    expect(r.lines.join('\n')).not.toMatch(/cache|Allocated by/);
  });

  it('freed vmalloc space: vmalloc-out-of-bounds; the area and its pages are gone, so neither is described', () => {
    const r = uaf(600, 'vmalloc');
    expectForm(r, kasanSpec('vmalloc-out-of-bounds', 'vmalloc'));
    expect(r.lines.join('\n')).not.toMatch(/virtual mapping|physical page|cache/);
  });
});

describe('x86 NULL-pointer oops (fault.c show_fault_oops(), then die() in interrupt context)', () => {
  it('the snapshot store through NULL: a supervisor write, error code 0x0002, address 16 + 8·target', () => {
    const r = one({ scenario: 'load-while-enabled', variant: 'no-rcu', cpus: 2 }, 'null-deref');
    expectForm(r, OOPS_SPEC);
    expect(r.lines[0]).toBe('BUG: kernel NULL pointer dereference, address: 0000000000000018');
    expect(r.lines[1]).toBe('#PF: supervisor write access in kernel mode');
    expect(r.lines[2]).toBe('#PF: error_code(0x0002) - not-present page');
    expect(line(r, /^CR2:/)).toBe('CR2: 0000000000000018');
    expect(line(r, /^RIP:/)).toMatch(/^RIP: 0010:kick_one_cpu\+/);
  });
});

describe('WARN_ON_ONCE in alloc_kick_pseqs() (panic.c __warn())', () => {
  it('names the second loader, a BPF scheduler binary in the bpf() syscall', () => {
    const r = one({ scenario: 'load-while-enabled', variant: 'merged', cpus: 2 }, 'warn');
    expectForm(r, WARN_SPEC);
    expect(line(r, /^CPU:/)).toMatch(/PID: 1301 Comm: scx_lavd /);
    expect(r.lines).toContain(' </TASK>');
  });
});

describe('kmemleak (kmemleak.c print_unreferenced())', () => {
  it('the summary line, then one block per unreferenced array, allocated by the first loader', () => {
    const r = one({ scenario: 'load-while-enabled', variant: 'merged', cpus: 2 }, 'leak');
    expectForm(r, [
      /^kmemleak: 2 new suspected memory leaks \(see \/sys\/kernel\/debug\/kmemleak\)$/,
      ...KMEMLEAK_OBJECT,
      ...KMEMLEAK_OBJECT,
    ]);
    expect(line(r, /comm "/)).toMatch(/comm "scx_simple", pid 1234,/);
    expect(line(r, /unreferenced object/)).toMatch(/\(size 32\):$/); // S = 16 + 8·2, the size asked for
  });
});

describe('the stuck SCX_KICK_WAIT spin: hard lockup (watchdog.c) and RCU stall (tree_stall.h)', () => {
  const reports = reportsOf({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 2, pntRule: '6.17' });
  it('the hard-lockup watchdog on the spinning CPU', () => {
    const r = reports.find((x) => x.kind === 'stuck')!;
    expectForm(r, LOCKUP_SPEC);
    expect(r.lines[0]).toBe('watchdog: Watchdog detected hard LOCKUP on cpu 0');
  });
  it('the RCU stall names the CPU that owes the quiescent state, detected by another one', () => {
    const r = reports.find((x) => x.kind === 'rcu-stall')!;
    expectForm(r, RCU_STALL_SPEC);
    expect(r.lines[1]).toMatch(/^rcu: \t0-/);
    expect(line(r, /detected by/)).toMatch(/detected by 1, .* ncpus=2\)$/);
  });
});

describe('the boot-time percpu failure (pcpu_alloc() WARN, BUG_ON, the idle task killed)', () => {
  it('warns, hits the BUG in init_sched_ext_class() and panics, all as swapper/0 (PID 0)', () => {
    const r = one({ scenario: 'boot', variant: 'before', cpus: 4097 }, 'boot-panic');
    expectForm(r, BOOT_SPEC);
    expect(r.lines[1]).toBe('illegal size (32776) or align (8) for percpu allocation');
    expect(line(r, /^CPU:/)).toMatch(/PID: 0 Comm: swapper\/0 /);
  });
});

describe('dropped kicks (the pr_warn_once() of kick_cpus_irq_workfn())', () => {
  it('is the one line the kernel prints, nothing else', () => {
    const r = one({ scenario: 'load-while-enabled', variant: 'merged', cpus: 2 }, 'dropped-kicks');
    expect(r.lines).toEqual(['kick_cpus_irq_workfn() called with NULL scx_kick_pseqs']);
  });
});

describe('the form matcher itself', () => {
  it('rejects a report with a line missing, swapped or added', () => {
    const r = one({ scenario: 'load-while-enabled', variant: 'no-rcu', cpus: 2 }, 'null-deref');
    expect(matchForm(r.lines, OOPS_SPEC)).toBeNull();
    expect(
      matchForm(
        r.lines.filter((l) => !l.startsWith('PGD')),
        OOPS_SPEC,
      ),
    ).not.toBeNull();
    expect(matchForm([r.lines[1], r.lines[0], ...r.lines.slice(2)], OOPS_SPEC)).not.toBeNull();
    expect(matchForm([...r.lines, 'extra'], OOPS_SPEC)).not.toBeNull();
    const uafLines = one({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4, irqDelivery: 'tick' }, 'uaf').lines;
    expect(matchForm(uafLines, kasanSpec('use-after-free', 'page'))).not.toBeNull();
  });
});
