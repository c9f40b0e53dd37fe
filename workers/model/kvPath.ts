// kvzalloc_node() chooses kmalloc or the vmalloc fallback per call, so each CPU's array can come from either
// (workers/model/README.md#kvzalloc_node-kmalloc-first-then-vmalloc). This file turns the run's path pattern
// into each CPU's path, and sums what a mix of paths costs. Pure and O(N).
import type { KvmallocPath } from './sched/types.ts';
import type { PageSize } from './memory.ts';
import { cpuToNode, kmallocCost, requestBytes, vmallocCost } from './memory.ts';
import { hash32 } from './rng.ts';

/** Salt of the seeded choice, so it does not repeat the kick storm's hash of the same seed and CPU. */
const SEEDED_SALT = 0x6b76;

/** K of an "every-K" pattern, or 0 for the other patterns. */
export function everyK(path: KvmallocPath): number {
  return path.startsWith('every-') ? Number(path.slice(6)) : 0;
}

/**
 * Whether CPU `cpu`'s kvzalloc_node() call falls back to vmalloc under `path`, if a fallback exists at all
 * (S > PAGE_SIZE; for smaller S kmalloc is the only path). every-K: CPUs K−1, 2K−1, … fall back.
 * seeded: a stateless hash of (seed, cpu), about half fall back.
 */
export function fallsBackToVmalloc(path: KvmallocPath, cpu: number, seed: number): boolean {
  if (path === 'kmalloc') return false;
  if (path === 'vmalloc') return true;
  if (path === 'seeded') return (hash32(seed, cpu, SEEDED_SALT) & 1) === 1;
  const k = everyK(path);
  return k > 0 && (cpu + 1) % k === 0;
}

/** Where one array comes from and what it costs: path code 0 slab, 1 page allocator, 2 vmalloc (as allocPath). */
export function arrayCost(
  cpus: number,
  pageSize: PageSize,
  path: KvmallocPath,
  cpu: number,
  seed: number,
): { path: number; bytes: number } {
  const s = requestBytes(cpus);
  const vm = vmallocCost(s, pageSize);
  if (vm && fallsBackToVmalloc(path, cpu, seed)) return { path: 2, bytes: vm.bytes };
  const km = kmallocCost(s, pageSize);
  return { path: km.path === 'slab' ? 0 : 1, bytes: km.bytes };
}

export interface MixedNodeCost {
  node: number;
  kmallocArrays: number;
  vmallocArrays: number;
  bytes: number;
}

export interface MixedCost {
  pattern: KvmallocPath;
  /** Arrays that stay on kmalloc (a slab cache or the page allocator). */
  kmallocArrays: number;
  /** Arrays that fall back to vmalloc (0 when S ≤ PAGE_SIZE: there is no fallback). */
  vmallocArrays: number;
  /** Physical bytes of all N arrays, each by its own path. */
  totalBytes: number;
  perNode: MixedNodeCost[];
}

/** What the N arrays cost when each follows its own path under `pattern`. O(N + nodes). */
export function mixedKvzallocCost(cpus: number, pageSize: PageSize, nodes: number, pattern: KvmallocPath, seed: number): MixedCost {
  const perNode: MixedNodeCost[] = Array.from({ length: nodes }, (_, node) => ({ node, kmallocArrays: 0, vmallocArrays: 0, bytes: 0 }));
  let kmallocArrays = 0;
  let vmallocArrays = 0;
  let totalBytes = 0;
  for (let c = 0; c < cpus; c++) {
    const a = arrayCost(cpus, pageSize, pattern, c, seed);
    const n = perNode[cpuToNode(c, cpus, nodes)];
    if (a.path === 2) {
      vmallocArrays++;
      n.vmallocArrays++;
    } else {
      kmallocArrays++;
      n.kmallocArrays++;
    }
    n.bytes += a.bytes;
    totalBytes += a.bytes;
  }
  return { pattern, kmallocArrays, vmallocArrays, totalBytes, perNode };
}
