// Memory cost of the kick pseqs arrays: the old percpu design vs kvzalloc_node() (facts and sources: workers/model/README.md,
// from #old-design-percpu-arrays-at-boot to #numa-placement).
// CONTRACT (owned by the memory-model work): the shapes below are what the CLI prints and the UI reads.
// Fields may be added; existing ones are never renamed or removed.
import { kickPseqsRequestBytes, MAX_CPUS, MAX_NODES, MIN_CPUS, MIN_NODES, PAGE_SIZES, PSEQS_HEADER_BYTES, SEQ_BYTES } from './constants.ts';

export type PageSize = 4096 | 65536;

export interface MemoryParams {
  /** nr_cpu_ids, 1..16384 (MIN_CPUS..MAX_CPUS) */
  cpus: number;
  pageSize: PageSize;
  /** NUMA nodes, 1..16; CPUs split evenly into contiguous blocks (see cpuToNode) */
  nodes: number;
}

export interface PercpuCost {
  /** Size of the one percpu unit request, 8·N bytes. */
  bytesPerCpu: number;
  /** What the old design takes, had it not failed: N units of 8·N bytes (8·N² bytes). */
  totalBytes: number;
  ok: boolean;
  /** The kernel's message when it fails, else "" */
  message: string;
  /** PCPU_MIN_UNIT_SIZE in bytes: the largest request __alloc_percpu() accepts. */
  limitBytes: number;
}

export interface KmallocCost {
  /** 'slab' for kmalloc-<size> caches, 'page' for the page allocator (large kmalloc) */
  path: 'slab' | 'page';
  /** "kmalloc-96", "kmalloc-8k", "order-4", … */
  cache: string;
  /** Bytes one array really consumes (the slab object or PAGE_SIZE·2^order). */
  bytesPerCpu: number;
  /** bytesPerCpu · N */
  totalBytes: number;
  /** get_order(S) for the page path, null for slab caches. */
  order: number | null;
  /** bytesPerCpu − S: bytes allocated but never used, per array. */
  slackBytesPerCpu: number;
  /** slackBytesPerCpu · N */
  slackTotalBytes: number;
}

export interface VmallocCost {
  /** Physical bytes backing one array: pages · PAGE_SIZE. */
  bytesPerCpu: number;
  /** bytesPerCpu · N */
  totalBytes: number;
  /** ceil(S / PAGE_SIZE) */
  pages: number;
  /** bytesPerCpu − S, per array. */
  slackBytesPerCpu: number;
  /** slackBytesPerCpu · N */
  slackTotalBytes: number;
  /** Virtual address span of one array including its guard page (no memory backs the guard). */
  virtualBytesPerCpu: number;
}

export interface NodeCost {
  node: number;
  /** CPUs on this node (0 for nodes beyond the CPU count). */
  cpus: number;
  /** Bytes on this node if every array comes from kmalloc. */
  kmallocBytes: number;
  /** Bytes on this node if every array comes from vmalloc; 0 when there is no fallback. */
  vmallocBytes: number;
}

export interface MemoryReport {
  cpus: number;
  pageSize: PageSize;
  nodes: number;
  percpu: PercpuCost;
  kvzalloc: {
    /** S = 16 + 8·N bytes, one request per possible CPU. */
    requestBytes: number;
    /** S · N bytes */
    requestTotalBytes: number;
    kmalloc: KmallocCost;
    /** null when S ≤ PAGE_SIZE: kvmalloc never falls back to vmalloc then. */
    vmalloc: VmallocCost | null;
    perNode: NodeCost[];
  };
}

export { MIN_CPUS, MAX_CPUS, MIN_NODES, MAX_NODES, PAGE_SIZES, PSEQS_HEADER_BYTES, SEQ_BYTES };
/** x86_64 NR_CPUS_RANGE_END with CPUMASK_OFFSTACK (workers/model/README.md#nr_cpus-and-nr_cpu_ids). */
export const X86_64_MAX_NR_CPUS = 8192;
/**
 * The top of the modelled range, beyond every mainline configuration: no mainline architecture allows NR_CPUS
 * above 8192 (powerpc's MAXSMP patch for 16384 was dropped; workers/model/README.md#nr_cpus-and-nr_cpu_ids).
 */
export const BEYOND_MAINLINE_NR_CPUS = 16384;

/** SLUB size classes up to 256 bytes (kmalloc_info[], KMALLOC_SHIFT_LOW = 3); larger ones are powers of two. */
const SMALL_SLAB_CLASSES = [8, 16, 32, 64, 96, 128, 192, 256] as const;

export function isPageSize(value: number): value is PageSize {
  return value === 4096 || value === 65536;
}

/**
 * Throws a RangeError unless cpus is an integer in MIN_CPUS..MAX_CPUS, pageSize is 4096 or 65536
 * and nodes is an integer in MIN_NODES..MAX_NODES. The CLI validates earlier with friendlier text.
 */
export function assertMemoryParams(params: MemoryParams): void {
  const { cpus, pageSize, nodes } = params;
  if (!Number.isInteger(cpus) || cpus < MIN_CPUS || cpus > MAX_CPUS) {
    throw new RangeError(`cpus must be an integer from ${MIN_CPUS} to ${MAX_CPUS} (got ${cpus})`);
  }
  if (!isPageSize(pageSize)) {
    throw new RangeError(`pageSize must be 4096 or 65536 (got ${String(pageSize)})`);
  }
  if (!Number.isInteger(nodes) || nodes < MIN_NODES || nodes > MAX_NODES) {
    throw new RangeError(`nodes must be an integer from ${MIN_NODES} to ${MAX_NODES} (got ${nodes})`);
  }
}

/** PCPU_MIN_UNIT_SIZE = PFN_ALIGN(32 << 10) in bytes: the largest percpu allocation (workers/model/README.md#percpu-size-limit-and-the-boot-panic). */
export function percpuUnitLimit(pageSize: PageSize): number {
  return Math.ceil(32768 / pageSize) * pageSize;
}

/**
 * The old design: __alloc_percpu(8·N, 8) once at boot. pcpu_alloc() rejects size > PCPU_MIN_UNIT_SIZE
 * with a WARN and returns NULL; init_sched_ext_class() then hits BUG_ON (#percpu-size-limit-and-the-boot-panic). O(1).
 */
export function percpuCost(cpus: number, pageSize: PageSize): PercpuCost {
  const bytesPerCpu = SEQ_BYTES * cpus; // already a multiple of PCPU_MIN_ALLOC_SIZE (4)
  const limitBytes = percpuUnitLimit(pageSize);
  const ok = bytesPerCpu <= limitBytes;
  return {
    bytesPerCpu,
    totalBytes: bytesPerCpu * cpus,
    ok,
    message: ok ? '' : `illegal size (${bytesPerCpu}) or align (${SEQ_BYTES}) for percpu allocation`,
    limitBytes,
  };
}

/** S = struct_size(pseqs, seqs, nr_cpu_ids) = 16 + 8·N bytes (#request-size); defined in constants.ts. */
export const requestBytes = kickPseqsRequestBytes;

/** get_order(size): smallest order with PAGE_SIZE << order ≥ size (size in bytes, ≥ 1). O(log size). */
export function getOrder(size: number, pageSize: PageSize): number {
  let order = 0;
  while (pageSize * 2 ** order < size) order++;
  return order;
}

/** KMALLOC_MAX_CACHE_SIZE = 1 << (PAGE_SHIFT + 1) bytes: the largest SLUB kmalloc cache (#slub-size-classes-and-page-orders). */
export function kmallocMaxCacheSize(pageSize: PageSize): number {
  return 2 * pageSize;
}

/** The SLUB kmalloc cache object size for a request of `size` ≤ KMALLOC_MAX_CACHE_SIZE bytes. */
function slabClassBytes(size: number): number {
  for (const c of SMALL_SLAB_CLASSES) if (size <= c) return c;
  let bytes = 512;
  while (bytes < size) bytes *= 2;
  return bytes;
}

function sizeName(bytes: number): string {
  return bytes >= 1024 ? `${bytes / 1024}k` : `${bytes}`;
}

/**
 * kmalloc cost of one request of `size` bytes (#slub-size-classes-and-page-orders): the SLUB cache kmalloc-<class> up to
 * KMALLOC_MAX_CACHE_SIZE = 2·PAGE_SIZE, then the page allocator, PAGE_SIZE·2^get_order(size) bytes.
 */
export function kmallocCost(
  size: number,
  pageSize: PageSize,
): { path: 'slab' | 'page'; cache: string; bytes: number; order: number | null } {
  if (size <= kmallocMaxCacheSize(pageSize)) {
    const bytes = slabClassBytes(size);
    return { path: 'slab', cache: `kmalloc-${sizeName(bytes)}`, bytes, order: null };
  }
  const order = getOrder(size, pageSize);
  return { path: 'page', cache: `order-${order}`, bytes: pageSize * 2 ** order, order };
}

/**
 * vmalloc fallback cost (#vmalloc-fallback-cost): only when size > PAGE_SIZE; ceil(size / PAGE_SIZE) pages of
 * physical memory. The guard page is address space only and is not counted in `bytes`.
 */
export function vmallocCost(size: number, pageSize: PageSize): { bytes: number; pages: number } | null {
  if (size <= pageSize) return null;
  const pages = Math.ceil(size / pageSize);
  return { bytes: pages * pageSize, pages };
}

/**
 * Number of CPUs on each of `nodes` nodes (array of length `nodes`): ⌊N/K⌋ each, and the first N mod K
 * nodes get one more. With more nodes than CPUs the extra nodes get 0. Sums to `cpus`. O(nodes).
 */
export function cpusPerNode(cpus: number, nodes: number): number[] {
  const base = Math.floor(cpus / nodes);
  const extra = cpus % nodes;
  return Array.from({ length: nodes }, (_, node) => base + (node < extra ? 1 : 0));
}

/**
 * cpu_to_node() for CPUs split into contiguous blocks of the sizes cpusPerNode() gives:
 * monotone in `cpu`, steps by at most 1, and cpu 0 is on node 0. `cpu` is in 0..cpus−1. O(1).
 */
export function cpuToNode(cpu: number, cpus: number, nodes: number): number {
  const base = Math.floor(cpus / nodes);
  const extra = cpus % nodes;
  const bigBlockCpus = extra * (base + 1); // CPUs on the first `extra` nodes
  if (cpu < bigBlockCpus) return Math.floor(cpu / (base + 1));
  return extra + Math.floor((cpu - bigBlockCpus) / base);
}

/** The whole report for one configuration (what `sim memory --json` prints). Throws RangeError on bad params. O(nodes). */
export function computeMemory(params: MemoryParams): MemoryReport {
  assertMemoryParams(params);
  const { cpus, pageSize, nodes } = params;
  const s = requestBytes(cpus);
  const km = kmallocCost(s, pageSize);
  const vm = vmallocCost(s, pageSize);
  return {
    cpus,
    pageSize,
    nodes,
    percpu: percpuCost(cpus, pageSize),
    kvzalloc: {
      requestBytes: s,
      requestTotalBytes: s * cpus,
      kmalloc: {
        path: km.path,
        cache: km.cache,
        bytesPerCpu: km.bytes,
        totalBytes: km.bytes * cpus,
        order: km.order,
        slackBytesPerCpu: km.bytes - s,
        slackTotalBytes: (km.bytes - s) * cpus,
      },
      vmalloc: vm
        ? {
            bytesPerCpu: vm.bytes,
            totalBytes: vm.bytes * cpus,
            pages: vm.pages,
            slackBytesPerCpu: vm.bytes - s,
            slackTotalBytes: (vm.bytes - s) * cpus,
            virtualBytesPerCpu: vm.bytes + pageSize,
          }
        : null,
      perNode: cpusPerNode(cpus, nodes).map((n, node) => ({
        node,
        cpus: n,
        kmallocBytes: n * km.bytes,
        vmallocBytes: vm ? n * vm.bytes : 0,
      })),
    },
  };
}

/** Struct-of-arrays curve for the memory chart; row i describes cpus[i]. All byte columns are totals over N arrays. */
export interface MemoryCurve {
  count: number;
  pageSize: PageSize;
  nodes: number;
  /** nr_cpu_ids N of each row */
  cpus: Float64Array;
  /** Old percpu design, 8·N² bytes (what it would take; see oldOk). */
  oldTotalBytes: Float64Array;
  /** 1 where the old design boots, 0 where __alloc_percpu() fails. */
  oldOk: Uint8Array;
  /** S·N bytes requested by kvzalloc_node(). */
  requestTotalBytes: Float64Array;
  /** Consumed bytes if every array comes from kmalloc. */
  kmallocTotalBytes: Float64Array;
  /** Consumed bytes if every array comes from vmalloc; NaN where there is no fallback (S ≤ PAGE_SIZE). */
  vmallocTotalBytes: Float64Array;
  /** kmalloc bytes on the node holding the most CPUs (node 0). */
  kmallocMaxNodeBytes: Float64Array;
}

/**
 * Chart data for many CPU counts at once, same numbers as computeMemory() row by row.
 * `cpusList` values must be integers in MIN_CPUS..MAX_CPUS (any order). O(cpusList.length).
 */
export function memoryCurve(pageSize: PageSize, nodes: number, cpusList: ArrayLike<number>): MemoryCurve {
  const count = cpusList.length;
  const curve: MemoryCurve = {
    count,
    pageSize,
    nodes,
    cpus: new Float64Array(count),
    oldTotalBytes: new Float64Array(count),
    oldOk: new Uint8Array(count),
    requestTotalBytes: new Float64Array(count),
    kmallocTotalBytes: new Float64Array(count),
    vmallocTotalBytes: new Float64Array(count),
    kmallocMaxNodeBytes: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const cpus = cpusList[i];
    assertMemoryParams({ cpus, pageSize, nodes });
    const old = percpuCost(cpus, pageSize);
    const s = requestBytes(cpus);
    const km = kmallocCost(s, pageSize);
    const vm = vmallocCost(s, pageSize);
    curve.cpus[i] = cpus;
    curve.oldTotalBytes[i] = old.totalBytes;
    curve.oldOk[i] = old.ok ? 1 : 0;
    curve.requestTotalBytes[i] = s * cpus;
    curve.kmallocTotalBytes[i] = km.bytes * cpus;
    curve.vmallocTotalBytes[i] = vm ? vm.bytes * cpus : NaN;
    curve.kmallocMaxNodeBytes[i] = Math.ceil(cpus / nodes) * km.bytes;
  }
  return curve;
}

export type ThresholdId = 'single-page' | 'slab-max' | 'percpu-limit' | 'x86-64-max' | 'beyond-mainline';

/**
 * A boundary on the CPU axis. It lies between `lastCpus` (the last N on the "inside") and
 * `lastCpus + 1`. For NR_CPUS maxima, `lastCpus` is the largest configurable N.
 */
export interface MemoryThreshold {
  id: ThresholdId;
  /** 'allocator' boundaries depend on the page size; 'nr-cpus' ones are Kconfig limits. */
  kind: 'allocator' | 'nr-cpus';
  lastCpus: number;
  /** Short chart label, e.g. "S = PAGE_SIZE". */
  label: string;
  /** One sentence for tooltips, with the concrete N values. */
  description: string;
}

/** Largest N in MIN_CPUS..MAX_CPUS with pred(N) true, for a predicate that is true then false. O(log MAX_CPUS). */
function lastCpusWhere(pred: (cpus: number) => boolean): number {
  let lo = MIN_CPUS; // invariant: pred(lo) is true
  let hi = MAX_CPUS + 1; // invariant: hi is past the end or pred(hi) is false
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (pred(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The named thresholds of the chart for one page size, derived from the cost functions above:
 * at 4 KiB pages 510 (S fits one page), 1022 (largest slab cache), 4096 (percpu limit); at 64 KiB
 * 8190, 16382 and 8192. Plus the page-size-independent NR_CPUS maximum 8192 (x86_64, powerpc: the largest in mainline) and 16384,
 * the top of the range, beyond every mainline configuration.
 * Sorted by lastCpus.
 */
export function memoryThresholds(pageSize: PageSize): MemoryThreshold[] {
  const page = lastCpusWhere((n) => vmallocCost(requestBytes(n), pageSize) === null);
  const slab = lastCpusWhere((n) => kmallocCost(requestBytes(n), pageSize).path === 'slab');
  const percpu = lastCpusWhere((n) => percpuCost(n, pageSize).ok);
  const pageKiB = pageSize / 1024;
  const out: MemoryThreshold[] = [
    {
      id: 'single-page',
      kind: 'allocator',
      lastCpus: page,
      label: 'S = PAGE_SIZE',
      description:
        `N ≤ ${page}: S ≤ ${pageKiB} KiB, plain kmalloc with no vmalloc fallback; ` +
        `from ${page + 1} kvmalloc tries kmalloc without direct reclaim (v6.16+; before, __GFP_NORETRY: light reclaim only), then vmalloc.`,
    },
    {
      id: 'slab-max',
      kind: 'allocator',
      lastCpus: slab,
      label: 'KMALLOC_MAX_CACHE_SIZE',
      description:
        `N ≤ ${slab}: S fits kmalloc-${sizeName(kmallocMaxCacheSize(pageSize))}, the largest slab cache; ` +
        `from ${slab + 1} kmalloc goes to the page allocator.`,
    },
    {
      id: 'percpu-limit',
      kind: 'allocator',
      lastCpus: percpu,
      label: 'PCPU_MIN_UNIT_SIZE',
      description:
        `Old design: N ≤ ${percpu} fits the ${percpuUnitLimit(pageSize) / 1024} KiB percpu limit; ` +
        `N = ${percpu + 1} fails __alloc_percpu() and the kernel does not boot.`,
    },
    {
      id: 'x86-64-max',
      kind: 'nr-cpus',
      lastCpus: X86_64_MAX_NR_CPUS,
      label: 'x86_64 / powerpc NR_CPUS max',
      description: `x86_64 (MAXSMP, CPUMASK_OFFSTACK) and powerpc allow NR_CPUS up to ${X86_64_MAX_NR_CPUS}, the largest in mainline.`,
    },
    {
      id: 'beyond-mainline',
      kind: 'nr-cpus',
      lastCpus: BEYOND_MAINLINE_NR_CPUS,
      label: 'beyond every mainline NR_CPUS',
      description: `No mainline architecture allows NR_CPUS above ${X86_64_MAX_NR_CPUS} (powerpc's patch for 16384 was dropped); ${BEYOND_MAINLINE_NR_CPUS} shows the trend past it.`,
    },
  ];
  return out.sort((a, b) => a.lastCpus - b.lastCpus);
}
