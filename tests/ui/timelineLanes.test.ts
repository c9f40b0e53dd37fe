// Lane aggregation of the timeline: a lane per CPU when they fit, NUMA-aware blocks when they do not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLaneLayout, nodeRanges, nodeSizes, type ExtraLane, type LaneLayoutInput } from '../../src/charts/timeline/timelineLanes.ts';

function makeInput(over: Partial<LaneLayoutInput> & { cpuCount: number }): LaneLayoutInput {
  const extraLanes: ExtraLane[] = [
    { label: 'disable', row: over.cpuCount, top: true },
    { label: 'RCU', row: over.cpuCount + 1, top: false },
  ];
  return { nodes: 1, activeRows: new Uint8Array(over.cpuCount + 2), maxCpuLanes: 32, extraLanes, ...over };
}

function activeAt(cpuCount: number, cpus: number[]): Uint8Array {
  const a = new Uint8Array(cpuCount + 2);
  for (const c of cpus) a[c] = 1;
  return a;
}

describe('nodeRanges', () => {
  it('splits CPUs contiguously, giving the first nodes the remainder', () => {
    expect(nodeRanges(10, 3)).toEqual([
      [0, 4],
      [4, 7],
      [7, 10],
    ]);
    expect(nodeSizes(8192, 4)).toEqual([2048, 2048, 2048, 2048]);
  });

  it('covers every CPU exactly once for any split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9000 }), fc.integer({ min: 1, max: 16 }), (cpus, nodes) => {
        const ranges = nodeRanges(cpus, nodes);
        expect(ranges[0][0]).toBe(0);
        expect(ranges[ranges.length - 1][1]).toBe(cpus);
        for (let k = 1; k < ranges.length; k++) expect(ranges[k][0]).toBe(ranges[k - 1][1]);
      }),
    );
  });
});

describe('computeLaneLayout', () => {
  it('gives every CPU its own lane, between the top and bottom extra lanes, when they fit', () => {
    const layout = computeLaneLayout(makeInput({ cpuCount: 4 }));
    expect(layout.lanes.map((l) => l.label)).toEqual(['disable', 'CPU 0', 'CPU 1', 'CPU 2', 'CPU 3', 'RCU']);
    expect(Array.from(layout.laneOfRow)).toEqual([1, 2, 3, 4, 0, 5]);
    expect(layout.blockCpus).toBe(1);
  });

  it('shows the active CPUs of 8192 one per lane when few are active (zoomed in)', () => {
    const layout = computeLaneLayout(makeInput({ cpuCount: 8192, activeRows: activeAt(8192, [0, 1, 8191]) }));
    expect(layout.lanes.filter((l) => l.kind !== 'extra').map((l) => l.label)).toEqual(['CPU 0', 'CPU 1', 'CPU 8191']);
    expect(layout.laneOfRow[2]).toBe(-1);
  });

  it('aggregates 8192 active CPUs into 32 blocks of 256 (zoomed out)', () => {
    const all = activeAt(
      8192,
      Array.from({ length: 8192 }, (_, i) => i),
    );
    const layout = computeLaneLayout(makeInput({ cpuCount: 8192, activeRows: all }));
    const cpuLanes = layout.lanes.filter((l) => l.kind !== 'extra');
    expect(layout.blockCpus).toBe(256);
    expect(cpuLanes).toHaveLength(32);
    expect(cpuLanes[0].label).toBe('CPUs 0–255');
    expect(layout.shownCpus).toBe(8192);
  });

  it('never lets a block cross a NUMA node', () => {
    const all = activeAt(
      8192,
      Array.from({ length: 8192 }, (_, i) => i),
    );
    const layout = computeLaneLayout(makeInput({ cpuCount: 8192, nodes: 3, activeRows: all }));
    const ranges = nodeRanges(8192, 3);
    for (const lane of layout.lanes.filter((l) => l.kind !== 'extra')) {
      const [a, b] = ranges[lane.node];
      expect(lane.rowStart).toBeGreaterThanOrEqual(a);
      expect(lane.rowEnd).toBeLessThanOrEqual(b);
    }
    expect(layout.lanes.some((l) => l.label.endsWith('· node 2'))).toBe(true);
  });

  it('falls back to one lane per node when no CPU is active', () => {
    const layout = computeLaneLayout(makeInput({ cpuCount: 8192, nodes: 2 }));
    expect(layout.lanes.filter((l) => l.kind !== 'extra').map((l) => l.label)).toEqual(['CPUs 0–4095 · node 0', 'CPUs 4096–8191 · node 1']);
  });

  it('keeps the budget, maps each active CPU to a lane that contains it, and uses the smallest block that fits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33, max: 3000 }),
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.nat(), { maxLength: 400 }),
        fc.integer({ min: 16, max: 40 }),
        (cpuCount, nodes, picks, maxCpuLanes) => {
          const active = activeAt(
            cpuCount,
            picks.map((p) => p % cpuCount),
          );
          const layout = computeLaneLayout(makeInput({ cpuCount, nodes, activeRows: active, maxCpuLanes }));
          const cpuLanes = layout.lanes.filter((l) => l.kind !== 'extra');
          expect(cpuLanes.length).toBeLessThanOrEqual(Math.max(maxCpuLanes, Math.min(nodes, cpuCount)));
          for (let cpu = 0; cpu < cpuCount; cpu++) {
            if (!active[cpu]) continue;
            const lane = layout.lanes[layout.laneOfRow[cpu]];
            expect(cpu).toBeGreaterThanOrEqual(lane.rowStart);
            expect(cpu).toBeLessThan(lane.rowEnd);
          }
          if (layout.blockCpus > 1 && picks.length > 0) {
            // Half the block size would not have fitted: count its distinct blocks naively.
            const half = layout.blockCpus / 2;
            const ranges = nodeRanges(cpuCount, Math.min(nodes, cpuCount));
            const keys = new Set<string>();
            for (let cpu = 0; cpu < cpuCount; cpu++) {
              if (!active[cpu]) continue;
              const node = ranges.findIndex(([a, b]) => cpu >= a && cpu < b);
              keys.add(`${node}/${Math.floor((cpu - ranges[node][0]) / half)}`);
            }
            expect(keys.size).toBeGreaterThan(maxCpuLanes);
          }
        },
      ),
    );
  });
});
