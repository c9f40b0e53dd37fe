import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  computeMemory,
  cpuToNode,
  cpusPerNode,
  memoryCurve,
  memoryThresholds,
  MAX_CPUS,
  MAX_NODES,
  type MemoryReport,
  type PageSize,
} from '../../workers/model/memory.ts';

const cpusArb = fc.integer({ min: 1, max: MAX_CPUS });
const pageSizeArb = fc.constantFrom<PageSize>(4096, 65536);
const nodesArb = fc.integer({ min: 1, max: MAX_NODES });
const paramsArb = fc.record({ cpus: cpusArb, pageSize: pageSizeArb, nodes: nodesArb });
// Bias towards the interesting boundaries as well as uniform values.
const boundaryCpusArb = fc.oneof(
  cpusArb,
  fc.constantFrom(1, 510, 511, 1022, 1023, 4096, 4097, 8190, 8191, 8192, 8193, 16382, 16383, 16384),
);

/** Consumed bytes per CPU, with "no vmalloc fallback" as 0 so costs compare as numbers. */
function costs(r: MemoryReport): number[] {
  const kv = r.kvzalloc;
  return [
    kv.requestBytes,
    kv.requestTotalBytes,
    kv.kmalloc.bytesPerCpu,
    kv.kmalloc.totalBytes,
    kv.vmalloc?.bytesPerCpu ?? 0,
    kv.vmalloc?.totalBytes ?? 0,
    r.percpu.bytesPerCpu,
    r.percpu.totalBytes,
  ];
}

describe('memory model properties', () => {
  it('totals are N × the per-CPU cost', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const r = computeMemory(p);
        const kv = r.kvzalloc;
        expect(kv.requestTotalBytes).toBe(p.cpus * kv.requestBytes);
        expect(kv.kmalloc.totalBytes).toBe(p.cpus * kv.kmalloc.bytesPerCpu);
        expect(kv.kmalloc.slackTotalBytes).toBe(p.cpus * kv.kmalloc.slackBytesPerCpu);
        if (kv.vmalloc) {
          expect(kv.vmalloc.totalBytes).toBe(p.cpus * kv.vmalloc.bytesPerCpu);
          expect(kv.vmalloc.slackTotalBytes).toBe(p.cpus * kv.vmalloc.slackBytesPerCpu);
        }
        expect(r.percpu.totalBytes).toBe(p.cpus * r.percpu.bytesPerCpu);
      }),
    );
  });

  it('consumes at least what it requests, and less than twice that', () => {
    fc.assert(
      fc.property(pageSizeArb, boundaryCpusArb, (pageSize, cpus) => {
        const kv = computeMemory({ cpus, pageSize, nodes: 1 }).kvzalloc;
        const s = kv.requestBytes;
        expect(s).toBe(16 + 8 * cpus);
        expect(kv.kmalloc.bytesPerCpu).toBeGreaterThanOrEqual(s);
        expect(kv.kmalloc.bytesPerCpu).toBeLessThan(2 * s);
        expect(kv.kmalloc.slackBytesPerCpu).toBe(kv.kmalloc.bytesPerCpu - s);
        expect(kv.vmalloc === null).toBe(s <= pageSize);
        if (kv.vmalloc) {
          expect(kv.vmalloc.bytesPerCpu).toBeGreaterThanOrEqual(s);
          expect(kv.vmalloc.bytesPerCpu).toBeLessThan(s + pageSize);
          expect(kv.vmalloc.bytesPerCpu).toBe(kv.vmalloc.pages * pageSize);
          // vmalloc never needs more physical memory than kmalloc's power-of-two rounding.
          expect(kv.vmalloc.bytesPerCpu).toBeLessThanOrEqual(kv.kmalloc.bytesPerCpu);
        }
      }),
    );
  });

  it('costs never decrease as N grows', () => {
    fc.assert(
      fc.property(pageSizeArb, boundaryCpusArb, boundaryCpusArb, (pageSize, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = costs(computeMemory({ cpus: lo, pageSize, nodes: 1 }));
        const high = costs(computeMemory({ cpus: hi, pageSize, nodes: 1 }));
        low.forEach((v, i) => expect(high[i]).toBeGreaterThanOrEqual(v));
      }),
    );
  });

  it('costs never decrease from N to N + 1 (neighbours)', () => {
    fc.assert(
      fc.property(pageSizeArb, fc.integer({ min: 1, max: MAX_CPUS - 1 }), (pageSize, n) => {
        const low = costs(computeMemory({ cpus: n, pageSize, nodes: 1 }));
        const high = costs(computeMemory({ cpus: n + 1, pageSize, nodes: 1 }));
        low.forEach((v, i) => expect(high[i]).toBeGreaterThanOrEqual(v));
      }),
    );
  });

  it('the old design fails exactly above PCPU_MIN_UNIT_SIZE, and only then has a message', () => {
    fc.assert(
      fc.property(pageSizeArb, boundaryCpusArb, (pageSize, cpus) => {
        const { percpu } = computeMemory({ cpus, pageSize, nodes: 1 });
        expect(percpu.ok).toBe(8 * cpus <= (pageSize === 4096 ? 32768 : 65536));
        expect(percpu.message === '').toBe(percpu.ok);
      }),
    );
  });

  it('per-node sums equal the totals and per-node CPU counts sum to N', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const kv = computeMemory(p).kvzalloc;
        expect(kv.perNode).toHaveLength(p.nodes);
        expect(kv.perNode.map((n) => n.node)).toEqual(Array.from({ length: p.nodes }, (_, i) => i));
        const sum = (f: (n: (typeof kv.perNode)[number]) => number) => kv.perNode.reduce((a, n) => a + f(n), 0);
        expect(sum((n) => n.cpus)).toBe(p.cpus);
        expect(sum((n) => n.kmallocBytes)).toBe(kv.kmalloc.totalBytes);
        expect(sum((n) => n.vmallocBytes)).toBe(kv.vmalloc?.totalBytes ?? 0);
      }),
    );
  });

  it('cpuToNode is monotone, contiguous and agrees with cpusPerNode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2048 }), nodesArb, (cpus, nodes) => {
        const counts = new Array<number>(nodes).fill(0);
        let prev = 0;
        for (let c = 0; c < cpus; c++) {
          const node = cpuToNode(c, cpus, nodes);
          expect(node).toBeGreaterThanOrEqual(0);
          expect(node).toBeLessThan(nodes);
          // Monotone, and steps by at most one: each node's CPUs form one contiguous block.
          expect(node - prev === 0 || node - prev === 1).toBe(true);
          prev = node;
          counts[node]++;
        }
        expect(cpuToNode(0, cpus, nodes)).toBe(0);
        expect(cpuToNode(cpus - 1, cpus, nodes)).toBe(Math.min(nodes, cpus) - 1);
        expect(counts).toEqual(cpusPerNode(cpus, nodes));
        // Even split: occupied nodes differ by at most one CPU.
        const used = counts.slice(0, Math.min(nodes, cpus));
        expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(1);
        expect(counts.slice(Math.min(nodes, cpus)).every((n) => n === 0)).toBe(true);
      }),
    );
  });

  it('memoryCurve rows equal computeMemory', () => {
    fc.assert(
      fc.property(pageSizeArb, nodesArb, fc.array(cpusArb, { maxLength: 20 }), (pageSize, nodes, list) => {
        const c = memoryCurve(pageSize, nodes, list);
        expect(c.count).toBe(list.length);
        list.forEach((cpus, i) => {
          const r = computeMemory({ cpus, pageSize, nodes });
          expect(c.cpus[i]).toBe(cpus);
          expect(c.oldTotalBytes[i]).toBe(r.percpu.totalBytes);
          expect(c.oldOk[i]).toBe(r.percpu.ok ? 1 : 0);
          expect(c.requestTotalBytes[i]).toBe(r.kvzalloc.requestTotalBytes);
          expect(c.kmallocTotalBytes[i]).toBe(r.kvzalloc.kmalloc.totalBytes);
          expect(c.vmallocTotalBytes[i]).toBe(r.kvzalloc.vmalloc?.totalBytes ?? NaN);
          expect(c.kmallocMaxNodeBytes[i]).toBe(Math.max(...r.kvzalloc.perNode.map((n) => n.kmallocBytes)));
        });
      }),
    );
  });

  it.each([4096, 65536] as const)('allocator thresholds separate the regimes they name at page size %i', (pageSize) => {
    const at = (cpus: number) => computeMemory({ cpus, pageSize, nodes: 1 });
    for (const t of memoryThresholds(pageSize)) {
      const inside = at(t.lastCpus);
      if (t.id === 'single-page') {
        expect(inside.kvzalloc.vmalloc).toBeNull();
        expect(at(t.lastCpus + 1).kvzalloc.vmalloc).not.toBeNull();
      } else if (t.id === 'slab-max') {
        expect(inside.kvzalloc.kmalloc.path).toBe('slab');
        expect(at(t.lastCpus + 1).kvzalloc.kmalloc.path).toBe('page');
      } else if (t.id === 'percpu-limit') {
        expect(inside.percpu.ok).toBe(true);
        expect(at(t.lastCpus + 1).percpu.ok).toBe(false);
      }
    }
  });
});
