// Per-CPU kvzalloc_node() paths (workers/model/README.md#kvzalloc_node-kmalloc-first-then-vmalloc): the pattern
// picks each CPU's path; the run's arrays, its memory series, the memory snapshot and KASAN's bug type follow
// each array's own path.
import { describe, it, expect } from 'vitest';
import { arrayCost, everyK, fallsBackToVmalloc, mixedKvzallocCost } from '../../workers/model/kvPath.ts';
import { kmallocCost, requestBytes, vmallocCost } from '../../workers/model/memory.ts';
import { isKvmallocPath } from '../../workers/model/constants.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig, validateRunConfig } from '../../workers/model/sched/variants.ts';
import { simApi } from '../../workers/simApi.ts';
import type { KvmallocPath } from '../../workers/model/sched/types.ts';

const N = 1023; // S = 8200 > PAGE_SIZE: kmalloc takes an order-2 page, the vmalloc fallback 3 pages
const S = requestBytes(N);
const KM = kmallocCost(S, 4096).bytes;
const VM = vmallocCost(S, 4096)!.bytes;

describe('the pattern', () => {
  it('names the accepted forms and nothing else', () => {
    for (const ok of ['kmalloc', 'vmalloc', 'seeded', 'every-2', 'every-1024']) expect(isKvmallocPath(ok)).toBe(true);
    for (const bad of ['every-1', 'every-1025', 'every-', 'every-x', 'slub', '', 'Every-3', 3]) expect(isKvmallocPath(bad)).toBe(false);
    expect(everyK('every-7')).toBe(7);
    expect(validateRunConfig(makeRunConfig({ kvmallocPath: 'every-1' }))[0]).toMatch(/kvmalloc path must be/);
  });

  it('every-K: CPUs K−1, 2K−1, … fall back; all-kmalloc and all-vmalloc are uniform', () => {
    const fallers = (p: KvmallocPath) => [...Array(10).keys()].filter((c) => fallsBackToVmalloc(p, c, 1));
    expect(fallers('every-3')).toEqual([2, 5, 8]);
    expect(fallers('every-2')).toEqual([1, 3, 5, 7, 9]);
    expect(fallers('kmalloc')).toEqual([]);
    expect(fallers('vmalloc')).toHaveLength(10);
  });

  it('seeded: a function of the seed and the CPU, mixing both paths, different for another seed', () => {
    const pick = (seed: number) => [...Array(64).keys()].map((c) => fallsBackToVmalloc('seeded', c, seed));
    expect(pick(5)).toEqual(pick(5));
    expect(pick(5)).not.toEqual(pick(6));
    const n = pick(5).filter(Boolean).length;
    expect(n).toBeGreaterThan(8);
    expect(n).toBeLessThan(56);
  });

  it('has no effect when S ≤ PAGE_SIZE: there is no fallback', () => {
    expect(arrayCost(8, 4096, 'vmalloc', 0, 1)).toEqual({ path: 0, bytes: 96 });
  });
});

describe('memory follows each array’s own path', () => {
  it('the run allocates each CPU’s array by its path, and its live bytes are their sum', () => {
    const rec = run(makeRunConfig({ scenario: 'enable-disable', variant: 'fixed', cpus: N, kvmallocPath: 'every-4' }), { trace: false });
    const m = rec.result;
    const peak = Math.max(...m.memory.live);
    const vm = Math.floor(N / 4); // CPUs 3, 7, …
    expect(peak).toBe(vm * VM + (N - vm) * KM);
    expect(mixedKvzallocCost(N, 4096, 1, 'every-4', 1)).toMatchObject({ kmallocArrays: N - vm, vmallocArrays: vm, totalBytes: peak });
  });

  it('the memory snapshot gives each CPU its own bytes and path, and per-node totals', () => {
    const snap = simApi.memorySnapshot({ cpus: N, pageSize: 4096, nodes: 2, kvmallocPath: 'every-2', seed: 1 });
    expect(snap.cpuPath[0]).toBe(1);
    expect(snap.cpuPath[1]).toBe(2);
    expect(snap.cpuBytes[0]).toBe(KM);
    expect(snap.cpuBytes[1]).toBe(VM);
    let sum = 0;
    for (const b of snap.cpuBytes) sum += b;
    expect(snap.mixed.totalBytes).toBe(sum);
    expect(snap.mixed.perNode.reduce((a, n) => a + n.bytes, 0)).toBe(sum);
    expect(snap.mixed.perNode.reduce((a, n) => a + n.vmallocArrays, 0)).toBe(snap.mixed.vmallocArrays);
    // Without a pattern: every array via kmalloc, as before.
    const plain = simApi.memorySnapshot({ cpus: N, pageSize: 4096, nodes: 1 });
    expect(plain.mixed.vmallocArrays).toBe(0);
    expect(plain.cpuBytes.every((b) => b === KM)).toBe(true);
  });
});

describe('KASAN’s bug type follows the array that was freed', () => {
  const uafTitle = (kvmallocPath: KvmallocPath) =>
    // Timer-tick delivery: the default interleaving frees under a pending irq work (no use-after-free under a self-interrupt).
    run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: N, kvmallocPath, irqDelivery: 'tick' }), {
      trace: false,
    }).result.reports.find((r) => r.kind === 'uaf')?.title;
  it('CPU 0’s array: from the page allocator under every-2 (CPU 0 keeps kmalloc), vmalloc space when all fall back', () => {
    expect(uafTitle('every-2')).toMatch(/^KASAN: use-after-free in /);
    expect(uafTitle('kmalloc')).toMatch(/^KASAN: use-after-free in /);
    expect(uafTitle('vmalloc')).toMatch(/^KASAN: vmalloc-out-of-bounds in /);
  });
});
