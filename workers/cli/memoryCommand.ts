// `sim memory`: what the kick pseqs arrays cost at one CPU count, old percpu design vs kvzalloc_node().
// Parses, calls workers/model/memory.ts and prints; all numbers come from the model.
import { EXIT_OK, formatOptionsHelp, parseOptions, type CliIo, type Command } from './args.ts';
import { formatBinary, formatBytes, formatTable, groupDigits } from './format.ts';
import { computeMemory, MAX_CPUS, MAX_NODES, MIN_CPUS, MIN_NODES, type MemoryReport, type PageSize } from '../model/memory.ts';

const MEMORY_OPTIONS = {
  cpus: { kind: 'int', min: MIN_CPUS, max: MAX_CPUS, help: 'nr_cpu_ids N' },
  'page-size': { kind: 'enum', values: ['4096', '65536'], default: '4096', help: 'PAGE_SIZE in bytes' },
  nodes: { kind: 'int', min: MIN_NODES, max: MAX_NODES, default: 1, help: 'NUMA nodes, CPUs split evenly' },
  json: { kind: 'flag', help: 'print the report as one JSON object' },
} as const;

const USAGE =
  'usage: sim memory --cpus N [--page-size 4096|65536] [--nodes K] [--json]\n\n' +
  'Memory taken by the sched_ext kick pseqs arrays for nr_cpu_ids = N: the old percpu design\n' +
  '(8·N bytes per CPU, fails above PCPU_MIN_UNIT_SIZE) and kvzalloc_node() of S = 16 + 8·N bytes\n' +
  'per CPU (kmalloc, with the vmalloc fallback when S > PAGE_SIZE). The rules behind each row are in\n' +
  "workers/model/README.md, 'kvzalloc_node: kmalloc first, then vmalloc' and 'Percpu size limit and the\n" +
  "boot panic'.\n\n" +
  'options:\n' +
  formatOptionsHelp(MEMORY_OPTIONS);

/** The human-readable report: one table plus the old design's verdict. Ends with a newline. */
export function formatMemoryReport(r: MemoryReport): string {
  const { kvzalloc: kv, percpu } = r;
  const n = r.cpus;
  const perCpuTotal = (perCpu: number, total: number) => [formatBytes(perCpu), formatBytes(total)];
  const rows: string[][] = [
    ['', 'path', 'per CPU', `total (${groupDigits(n)} arrays)`],
    ['requested', 'S = 16 + 8·N', ...perCpuTotal(kv.requestBytes, kv.requestTotalBytes)],
    [
      'kmalloc',
      kv.kmalloc.path === 'slab' ? `${kv.kmalloc.cache} (slab cache)` : `${kv.kmalloc.cache} (page allocator)`,
      ...perCpuTotal(kv.kmalloc.bytesPerCpu, kv.kmalloc.totalBytes),
    ],
    ['  slack', 'consumed − requested', ...perCpuTotal(kv.kmalloc.slackBytesPerCpu, kv.kmalloc.slackTotalBytes)],
  ];
  if (kv.vmalloc) {
    const vm = kv.vmalloc;
    rows.push(
      ['vmalloc', `${vm.pages} pages (+1 guard page, address space only)`, ...perCpuTotal(vm.bytesPerCpu, vm.totalBytes)],
      ['  slack', 'consumed − requested', ...perCpuTotal(vm.slackBytesPerCpu, vm.slackTotalBytes)],
    );
  } else {
    rows.push(['vmalloc', 'none: S ≤ PAGE_SIZE, no fallback', '–', '–']);
  }
  rows.push(['old percpu', `8·N, limit ${formatBinary(percpu.limitBytes)}`, ...perCpuTotal(percpu.bytesPerCpu, percpu.totalBytes)]);

  const nodes = `${r.nodes} NUMA node${r.nodes === 1 ? '' : 's'}`;
  let out = `nr_cpu_ids ${n}, page size ${formatBinary(r.pageSize)}, ${nodes}\n\n` + formatTable(rows) + '\n';
  out += kv.vmalloc
    ? 'kvzalloc_node(): S > PAGE_SIZE, so kmalloc is tried without direct reclaim (v6.16+; before,\n' +
      '__GFP_NORETRY: light reclaim only) and each CPU\n' +
      'falls back to vmalloc on failure; real use lies between the kmalloc and vmalloc rows.\n'
    : 'kvzalloc_node(): S ≤ PAGE_SIZE, a plain kmalloc; there is no vmalloc fallback.\n';
  out += percpu.ok
    ? `old percpu design: ok (${groupDigits(percpu.bytesPerCpu)} ≤ ${groupDigits(percpu.limitBytes)} bytes), allocated at boot\n`
    : `old percpu design: FAIL: ${percpu.message}\n` + 'boot panic (BUG_ON in init_sched_ext_class)\n';

  if (r.nodes > 1) {
    const nodeRows = [['node', 'CPUs', 'kmalloc', 'vmalloc']];
    for (const nc of kv.perNode) {
      nodeRows.push([String(nc.node), String(nc.cpus), formatBytes(nc.kmallocBytes), kv.vmalloc ? formatBytes(nc.vmallocBytes) : '–']);
    }
    out += "\nper NUMA node (each array on its CPU's node):\n" + formatTable(nodeRows);
  }
  return out;
}

export const memoryCommand: Command = {
  name: 'memory',
  summary: 'memory cost of the kick pseqs arrays at one CPU count (old percpu vs kvzalloc)',
  usage: USAGE,
  run(argv: readonly string[], io: CliIo): number {
    const opts = parseOptions('sim memory', argv, MEMORY_OPTIONS);
    const report = computeMemory({
      cpus: opts.cpus,
      pageSize: Number(opts['page-size']) as PageSize,
      nodes: opts.nodes,
    });
    io.stdout(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatMemoryReport(report));
    return EXIT_OK;
  },
};
