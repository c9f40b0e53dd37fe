import { describe, it, expect } from 'vitest';
import {
  computeMemory,
  cpuToNode,
  cpusPerNode,
  getOrder,
  kmallocCost,
  memoryCurve,
  memoryThresholds,
  percpuUnitLimit,
  vmallocCost,
  type MemoryParams,
  type PageSize,
} from '../../workers/model/memory.ts';
import { PAGE_SIZES, THRESHOLD_LAST_CPUS } from '../../workers/model/constants.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

function makeParams(over: Partial<MemoryParams> = {}): MemoryParams {
  return { cpus: 64, pageSize: 4096, nodes: 1, ...over };
}

interface CostRow {
  cpus: number;
  requestBytes: number;
  cache: string;
  kmallocPerCpu: number;
  kmallocTotal: number;
  /** null: "none (S ≤ PAGE_SIZE)" */
  vmalloc: { perCpu: number; pages: number; total: number } | null;
  /** null where the table says FAIL without a number */
  oldTotal: number | null;
  oldOk: boolean;
}

// The cost table of workers/model/README.md#cost-table-at-4-kib-pages, transcribed by hand (64-bit, 4 KiB pages, SLUB). Do not recompute these.
const COST_TABLE: CostRow[] = [
  { cpus: 1, requestBytes: 24, cache: 'kmalloc-32', kmallocPerCpu: 32, kmallocTotal: 32, vmalloc: null, oldTotal: 8, oldOk: true },
  { cpus: 2, requestBytes: 32, cache: 'kmalloc-32', kmallocPerCpu: 32, kmallocTotal: 64, vmalloc: null, oldTotal: 32, oldOk: true },
  { cpus: 4, requestBytes: 48, cache: 'kmalloc-64', kmallocPerCpu: 64, kmallocTotal: 256, vmalloc: null, oldTotal: 128, oldOk: true },
  { cpus: 8, requestBytes: 80, cache: 'kmalloc-96', kmallocPerCpu: 96, kmallocTotal: 768, vmalloc: null, oldTotal: 512, oldOk: true },
  {
    cpus: 64,
    requestBytes: 528,
    cache: 'kmalloc-1k',
    kmallocPerCpu: 1024,
    kmallocTotal: 64 * KiB,
    vmalloc: null,
    oldTotal: 32 * KiB,
    oldOk: true,
  },
  {
    cpus: 256,
    requestBytes: 2064,
    cache: 'kmalloc-4k',
    kmallocPerCpu: 4096,
    kmallocTotal: 1 * MiB,
    vmalloc: null,
    oldTotal: 512 * KiB,
    oldOk: true,
  },
  {
    cpus: 510,
    requestBytes: 4096,
    cache: 'kmalloc-4k',
    kmallocPerCpu: 4096,
    kmallocTotal: 2_088_960,
    vmalloc: null,
    oldTotal: 2_080_800,
    oldOk: true,
  },
  {
    cpus: 511,
    requestBytes: 4104,
    cache: 'kmalloc-8k',
    kmallocPerCpu: 8192,
    kmallocTotal: 4_186_112,
    vmalloc: { perCpu: 8192, pages: 2, total: 4_186_112 },
    oldTotal: 2_088_968,
    oldOk: true,
  },
  {
    cpus: 512,
    requestBytes: 4112,
    cache: 'kmalloc-8k',
    kmallocPerCpu: 8192,
    kmallocTotal: 4 * MiB,
    vmalloc: { perCpu: 8192, pages: 2, total: 4 * MiB },
    oldTotal: 2 * MiB,
    oldOk: true,
  },
  {
    cpus: 1022,
    requestBytes: 8192,
    cache: 'kmalloc-8k',
    kmallocPerCpu: 8192,
    kmallocTotal: 8_372_224,
    vmalloc: { perCpu: 8192, pages: 2, total: 8_372_224 },
    oldTotal: 8_355_872,
    oldOk: true,
  },
  {
    cpus: 1023,
    requestBytes: 8200,
    cache: 'order-2',
    kmallocPerCpu: 16384,
    kmallocTotal: 16_760_832,
    vmalloc: { perCpu: 12288, pages: 3, total: 12_570_624 },
    oldTotal: 8_372_232,
    oldOk: true,
  },
  {
    cpus: 1024,
    requestBytes: 8208,
    cache: 'order-2',
    kmallocPerCpu: 16384,
    kmallocTotal: 16 * MiB,
    vmalloc: { perCpu: 12288, pages: 3, total: 12 * MiB },
    oldTotal: 8 * MiB,
    oldOk: true,
  },
  {
    cpus: 2048,
    requestBytes: 16400,
    cache: 'order-3',
    kmallocPerCpu: 32768,
    kmallocTotal: 64 * MiB,
    vmalloc: { perCpu: 20480, pages: 5, total: 40 * MiB },
    oldTotal: 32 * MiB,
    oldOk: true,
  },
  {
    cpus: 4096,
    requestBytes: 32784,
    cache: 'order-4',
    kmallocPerCpu: 65536,
    kmallocTotal: 256 * MiB,
    vmalloc: { perCpu: 36864, pages: 9, total: 144 * MiB },
    oldTotal: 128 * MiB,
    oldOk: true,
  },
  {
    cpus: 4097,
    requestBytes: 32792,
    cache: 'order-4',
    kmallocPerCpu: 65536,
    kmallocTotal: 268_500_992,
    vmalloc: { perCpu: 36864, pages: 9, total: 151_031_808 },
    oldTotal: null,
    oldOk: false,
  },
  {
    cpus: 8192,
    requestBytes: 65552,
    cache: 'order-5',
    kmallocPerCpu: 131072,
    kmallocTotal: 1 * GiB,
    vmalloc: { perCpu: 69632, pages: 17, total: 544 * MiB },
    oldTotal: null,
    oldOk: false,
  },
];

describe("the model README's cost table (4 KiB pages)", () => {
  it.each(COST_TABLE)('matches the row for N = $cpus', (row) => {
    const r = computeMemory(makeParams({ cpus: row.cpus }));
    const kv = r.kvzalloc;
    expect(kv.requestBytes).toBe(row.requestBytes);
    expect(kv.kmalloc.cache).toBe(row.cache);
    expect(kv.kmalloc.path).toBe(row.cache.startsWith('order-') ? 'page' : 'slab');
    expect(kv.kmalloc.bytesPerCpu).toBe(row.kmallocPerCpu);
    expect(kv.kmalloc.totalBytes).toBe(row.kmallocTotal);
    if (row.vmalloc === null) {
      expect(kv.vmalloc).toBeNull();
    } else {
      expect(kv.vmalloc).toMatchObject({
        bytesPerCpu: row.vmalloc.perCpu,
        pages: row.vmalloc.pages,
        totalBytes: row.vmalloc.total,
      });
    }
    expect(r.percpu.ok).toBe(row.oldOk);
    if (row.oldTotal !== null) expect(r.percpu.totalBytes).toBe(row.oldTotal);
  });

  it('names the page order of large kmalloc and none for slab caches', () => {
    expect(computeMemory(makeParams({ cpus: 4096 })).kvzalloc.kmalloc.order).toBe(4);
    expect(computeMemory(makeParams({ cpus: 1022 })).kvzalloc.kmalloc.order).toBeNull();
  });

  it('reports slack as consumed minus requested', () => {
    const r = computeMemory(makeParams({ cpus: 4096 }));
    expect(r.kvzalloc.kmalloc.slackBytesPerCpu).toBe(65536 - 32784);
    expect(r.kvzalloc.vmalloc?.slackBytesPerCpu).toBe(36864 - 32784);
    expect(r.kvzalloc.vmalloc?.slackTotalBytes).toBe((36864 - 32784) * 4096);
    expect(r.kvzalloc.vmalloc?.virtualBytesPerCpu).toBe(36864 + 4096);
  });
});

describe('the old percpu design limit', () => {
  it('accepts 4096 CPUs and rejects 4097 with the percpu message at 4 KiB pages', () => {
    const ok = computeMemory(makeParams({ cpus: 4096 }));
    expect(ok.percpu).toMatchObject({ ok: true, message: '', bytesPerCpu: 32768, limitBytes: 32768 });
    const r = computeMemory(makeParams({ cpus: 4097 }));
    expect(r.percpu.ok).toBe(false);
    expect(r.percpu.bytesPerCpu).toBe(32776);
    expect(r.percpu.message).toBe('illegal size (32776) or align (8) for percpu allocation');
  });

  it('accepts 8192 CPUs and rejects 8193 at 64 KiB pages', () => {
    const ok = computeMemory(makeParams({ cpus: 8192, pageSize: 65536 }));
    expect(ok.percpu).toMatchObject({ ok: true, message: '', bytesPerCpu: 65536, limitBytes: 65536 });
    const r = computeMemory(makeParams({ cpus: 8193, pageSize: 65536 }));
    expect(r.percpu.ok).toBe(false);
    expect(r.percpu.message).toBe('illegal size (65544) or align (8) for percpu allocation');
  });

  it('has PCPU_MIN_UNIT_SIZE = PFN_ALIGN(32 KiB)', () => {
    expect(percpuUnitLimit(4096)).toBe(32768);
    expect(percpuUnitLimit(65536)).toBe(65536);
  });
});

describe('64 KiB pages (hand-checked)', () => {
  const at = (cpus: number) => computeMemory(makeParams({ cpus, pageSize: 65536 }));

  it('keeps S = 64 KiB (N = 8190) in kmalloc-64k with no vmalloc fallback', () => {
    const r = at(8190);
    expect(r.kvzalloc.requestBytes).toBe(65536);
    expect(r.kvzalloc.kmalloc).toMatchObject({ path: 'slab', cache: 'kmalloc-64k', bytesPerCpu: 65536 });
    expect(r.kvzalloc.vmalloc).toBeNull();
  });

  it('allows the vmalloc fallback from S = 64 KiB + 8 (N = 8191): 2 pages', () => {
    const r = at(8191);
    expect(r.kvzalloc.kmalloc).toMatchObject({ path: 'slab', cache: 'kmalloc-128k', bytesPerCpu: 131072 });
    expect(r.kvzalloc.vmalloc).toMatchObject({ pages: 2, bytesPerCpu: 131072 });
  });

  it('uses slab caches up to 128 KiB (N = 16382) and order-2 pages beyond (N = 16383)', () => {
    expect(at(16382).kvzalloc.kmalloc).toMatchObject({ cache: 'kmalloc-128k', bytesPerCpu: 131072 });
    expect(at(16383).kvzalloc.kmalloc).toMatchObject({ path: 'page', cache: 'order-2', bytesPerCpu: 262144 });
    expect(at(16383).kvzalloc.vmalloc).toMatchObject({ pages: 3, bytesPerCpu: 196608 });
  });

  it('puts 4096 CPUs (S = 32,784) in kmalloc-64k, inside one page', () => {
    const r = at(4096);
    expect(r.kvzalloc.kmalloc.cache).toBe('kmalloc-64k');
    expect(r.kvzalloc.vmalloc).toBeNull();
  });

  it('costs 4 GiB via kmalloc at 16384 CPUs', () => {
    expect(at(16384).kvzalloc.kmalloc.totalBytes).toBe(4 * GiB);
  });
});

describe('kmallocCost, vmallocCost, getOrder', () => {
  it('uses the 96 and 192 byte caches', () => {
    expect(kmallocCost(65, 4096).cache).toBe('kmalloc-96');
    expect(kmallocCost(97, 4096).cache).toBe('kmalloc-128');
    expect(kmallocCost(129, 4096).cache).toBe('kmalloc-192');
    expect(kmallocCost(193, 4096).cache).toBe('kmalloc-256');
    expect(kmallocCost(257, 4096).cache).toBe('kmalloc-512');
  });

  it('stops slab caches at KMALLOC_MAX_CACHE_SIZE = 2·PAGE_SIZE', () => {
    expect(kmallocCost(8192, 4096)).toMatchObject({ path: 'slab', bytes: 8192 });
    expect(kmallocCost(8193, 4096)).toMatchObject({ path: 'page', cache: 'order-2', bytes: 16384 });
  });

  it('has get_order(PAGE_SIZE) = 0 and get_order(PAGE_SIZE + 1) = 1', () => {
    expect(getOrder(4096, 4096)).toBe(0);
    expect(getOrder(4097, 4096)).toBe(1);
    expect(getOrder(131088, 4096)).toBe(6);
  });

  it('has no vmalloc fallback up to exactly PAGE_SIZE', () => {
    expect(vmallocCost(4096, 4096)).toBeNull();
    expect(vmallocCost(4097, 4096)).toEqual({ bytes: 8192, pages: 2 });
  });
});

describe('NUMA nodes', () => {
  it('splits 10 CPUs over 3 nodes as 4, 3, 3 in contiguous blocks', () => {
    expect(cpusPerNode(10, 3)).toEqual([4, 3, 3]);
    expect(Array.from({ length: 10 }, (_, c) => cpuToNode(c, 10, 3))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('gives extra nodes 0 CPUs when there are more nodes than CPUs', () => {
    expect(cpusPerNode(3, 5)).toEqual([1, 1, 1, 0, 0]);
    const r = computeMemory(makeParams({ cpus: 3, nodes: 5 }));
    expect(r.kvzalloc.perNode.map((n) => n.kmallocBytes)).toEqual([64, 64, 64, 0, 0]); // S = 40 → kmalloc-64
  });

  it('reports per-node bytes for 1023 CPUs on 2 nodes', () => {
    const r = computeMemory(makeParams({ cpus: 1023, nodes: 2 }));
    expect(r.kvzalloc.perNode).toEqual([
      { node: 0, cpus: 512, kmallocBytes: 512 * 16384, vmallocBytes: 512 * 12288 },
      { node: 1, cpus: 511, kmallocBytes: 511 * 16384, vmallocBytes: 511 * 12288 },
    ]);
  });
});

describe('parameter checks', () => {
  it.each([
    makeParams({ cpus: 0 }),
    makeParams({ cpus: 16385 }),
    makeParams({ cpus: 1.5 }),
    makeParams({ nodes: 0 }),
    makeParams({ nodes: 17 }),
    makeParams({ pageSize: 8192 as PageSize }),
  ])('rejects %o with a RangeError', (p) => {
    expect(() => computeMemory(p)).toThrow(RangeError);
  });

  it('accepts both ends of the CPU range', () => {
    expect(computeMemory(makeParams({ cpus: 1 })).cpus).toBe(1);
    expect(computeMemory(makeParams({ cpus: 16384, nodes: 16 })).kvzalloc.perNode).toHaveLength(16);
  });
});

describe('memoryThresholds', () => {
  const byId = (pageSize: PageSize) => Object.fromEntries(memoryThresholds(pageSize).map((t) => [t.id, t.lastCpus]));

  it('finds 510, 1022 and 4096 at 4 KiB pages, plus the 8192 and 16384 NR_CPUS maxima', () => {
    expect(byId(4096)).toEqual({
      'single-page': 510,
      'slab-max': 1022,
      'percpu-limit': 4096,
      'x86-64-max': 8192,
      'beyond-mainline': 16384,
    });
  });

  it('finds 8190, 16382 and 8192 at 64 KiB pages', () => {
    expect(byId(65536)).toMatchObject({ 'single-page': 8190, 'slab-max': 16382, 'percpu-limit': 8192 });
  });

  it('derives exactly THRESHOLD_LAST_CPUS over both page sizes (the CPU counts the slider stops at)', () => {
    const derived = new Set(PAGE_SIZES.flatMap((pageSize) => memoryThresholds(pageSize).map((t) => t.lastCpus)));
    expect([...derived].sort((a, b) => a - b)).toEqual(THRESHOLD_LAST_CPUS);
  });

  it('is sorted by CPU count and labels every entry', () => {
    for (const pageSize of [4096, 65536] as const) {
      const list = memoryThresholds(pageSize);
      expect(list.map((t) => t.lastCpus)).toEqual([...list.map((t) => t.lastCpus)].sort((a, b) => a - b));
      for (const t of list) {
        expect(t.label).not.toBe('');
        expect(t.description).toContain(String(t.lastCpus));
      }
    }
  });
});

describe('memoryCurve', () => {
  it('returns struct-of-arrays columns matching computeMemory, with NaN where vmalloc does not apply', () => {
    const cpus = [1, 510, 511, 4097];
    const c = memoryCurve(4096, 2, cpus);
    expect(c.count).toBe(4);
    expect(c.cpus).toBeInstanceOf(Float64Array);
    expect(Array.from(c.cpus)).toEqual(cpus);
    expect(Array.from(c.kmallocTotalBytes)).toEqual([32, 2_088_960, 4_186_112, 268_500_992]);
    expect(Number.isNaN(c.vmallocTotalBytes[1])).toBe(true);
    expect(c.vmallocTotalBytes[3]).toBe(151_031_808);
    expect(Array.from(c.oldTotalBytes.slice(0, 3))).toEqual([8, 2_080_800, 2_088_968]);
    expect(Array.from(c.oldOk)).toEqual([1, 1, 1, 0]);
    expect(c.requestTotalBytes[1]).toBe(510 * 4096);
    expect(c.kmallocMaxNodeBytes[2]).toBe(256 * 8192);
  });

  it('is empty for an empty list', () => {
    expect(memoryCurve(65536, 1, []).count).toBe(0);
  });

  it('rejects CPU counts outside 1..16384', () => {
    expect(() => memoryCurve(4096, 1, [0])).toThrow(RangeError);
  });
});
