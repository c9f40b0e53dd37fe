// Memory cost of the kick pseqs arrays: the old percpu design vs kvzalloc_node() (kernel-facts.md §3, §4, §6).
// CONTRACT (owned by the memory-model work): the shapes below are what the CLI prints and the UI reads.

export type PageSize = 4096 | 65536;

export interface MemoryParams {
  /** nr_cpu_ids, 1..16384 */
  cpus: number;
  pageSize: PageSize;
  /** NUMA nodes, 1..16; CPUs split evenly into contiguous blocks */
  nodes: number;
}

export interface PercpuCost {
  bytesPerCpu: number;
  /** What the old design takes, had it not failed: N units of 8·N bytes. */
  totalBytes: number;
  ok: boolean;
  /** The kernel's message when it fails, else "" */
  message: string;
}

export interface KmallocCost {
  /** 'slab' for kmalloc-<size> caches, 'page' for the page allocator (large kmalloc) */
  path: 'slab' | 'page';
  /** "kmalloc-96", "kmalloc-8k", "order-4", … */
  cache: string;
  bytesPerCpu: number;
  totalBytes: number;
}

export interface VmallocCost {
  bytesPerCpu: number;
  totalBytes: number;
  pages: number;
}

export interface NodeCost {
  node: number;
  cpus: number;
  kmallocBytes: number;
  vmallocBytes: number;
}

export interface MemoryReport {
  cpus: number;
  pageSize: PageSize;
  nodes: number;
  percpu: PercpuCost;
  kvzalloc: {
    requestBytes: number;
    kmalloc: KmallocCost;
    vmalloc: VmallocCost | null;
    perNode: NodeCost[];
  };
}

export const MIN_CPUS = 1;
export const MAX_CPUS = 16384;
export const MAX_NODES = 16;
/** sizeof(struct scx_kick_pseqs) = sizeof(struct rcu_head): two pointers (kernel-facts.md §4.7). */
export const PSEQS_HEADER_BYTES = 16;

/** PCPU_MIN_UNIT_SIZE = PFN_ALIGN(32 << 10): the largest percpu allocation (§3). */
export function percpuUnitLimit(pageSize: PageSize): number {
  return Math.ceil(32768 / pageSize) * pageSize;
}

/** S = struct_size(pseqs, seqs, nr_cpu_ids) = 16 + 8·N (§4.7). */
export function requestBytes(cpus: number): number {
  return PSEQS_HEADER_BYTES + 8 * cpus;
}

/** get_order(size): smallest order with PAGE_SIZE << order >= size. */
export function getOrder(size: number, pageSize: PageSize): number {
  let order = 0;
  while (pageSize * 2 ** order < size) order++;
  return order;
}

function sizeName(bytes: number): string {
  return bytes >= 1024 ? `${bytes / 1024}k` : `${bytes}`;
}

/** kmalloc cost of one request (§4.4, §4.5): SLUB caches up to KMALLOC_MAX_CACHE_SIZE, then pages. */
export function kmallocCost(size: number, pageSize: PageSize): { path: 'slab' | 'page'; cache: string; bytes: number } {
  const maxCache = 2 * pageSize; // KMALLOC_SHIFT_HIGH = PAGE_SHIFT + 1
  if (size <= maxCache) {
    let bytes: number;
    if (size <= 8) bytes = 8;
    else if (size > 64 && size <= 96) bytes = 96;
    else if (size > 128 && size <= 192) bytes = 192;
    else bytes = 2 ** Math.ceil(Math.log2(size));
    return { path: 'slab', cache: `kmalloc-${sizeName(bytes)}`, bytes };
  }
  const order = getOrder(size, pageSize);
  return { path: 'page', cache: `order-${order}`, bytes: pageSize * 2 ** order };
}

/** vmalloc fallback cost (§4.2, §4.6): only when S > PAGE_SIZE; pages backing S (the guard page is VA only). */
export function vmallocCost(size: number, pageSize: PageSize): { bytes: number; pages: number } | null {
  if (size <= pageSize) return null;
  const pages = Math.ceil(size / pageSize);
  return { bytes: pages * pageSize, pages };
}

/** cpu_to_node() for CPUs split evenly into contiguous blocks. */
export function cpuToNode(cpu: number, cpus: number, nodes: number): number {
  const n = Math.min(nodes, cpus);
  return Math.floor((cpu * n) / cpus);
}

/** Number of CPUs on each node under cpuToNode(). */
export function cpusPerNode(cpus: number, nodes: number): number[] {
  const n = Math.min(nodes, cpus);
  const out = new Array<number>(nodes).fill(0);
  for (let node = 0; node < n; node++) {
    // CPUs c with floor(c·n/cpus) == node: c in [ceil(node·cpus/n), ceil((node+1)·cpus/n))
    out[node] = Math.ceil(((node + 1) * cpus) / n) - Math.ceil((node * cpus) / n);
  }
  return out;
}

/** The whole report for one configuration (what `sim memory --json` prints). */
export function computeMemory(params: MemoryParams): MemoryReport {
  const { cpus, pageSize, nodes } = params;
  const perCpuOld = 8 * cpus;
  const limit = percpuUnitLimit(pageSize);
  const ok = perCpuOld <= limit;
  const s = requestBytes(cpus);
  const km = kmallocCost(s, pageSize);
  const vm = vmallocCost(s, pageSize);
  return {
    cpus,
    pageSize,
    nodes,
    percpu: {
      bytesPerCpu: perCpuOld,
      totalBytes: perCpuOld * cpus,
      ok,
      message: ok ? '' : `illegal size (${perCpuOld}) or align (8) for percpu allocation`,
    },
    kvzalloc: {
      requestBytes: s,
      kmalloc: { path: km.path, cache: km.cache, bytesPerCpu: km.bytes, totalBytes: km.bytes * cpus },
      vmalloc: vm ? { bytesPerCpu: vm.bytes, totalBytes: vm.bytes * cpus, pages: vm.pages } : null,
      perNode: cpusPerNode(cpus, nodes).map((n, node) => ({
        node,
        cpus: n,
        kmallocBytes: n * km.bytes,
        vmallocBytes: vm ? n * vm.bytes : 0,
      })),
    },
  };
}
