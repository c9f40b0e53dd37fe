// Pure lane layout for the timeline: which rows (CPUs, helper actors) get a lane of their own and
// which are aggregated. Up to `maxCpuLanes` CPUs every CPU has a lane; above that, CPUs with activity in
// the visible window are grouped into power-of-two blocks inside their NUMA node, the smallest block size
// that fits the budget, so zooming in on a few CPUs expands them back into lanes of their own.

export interface ExtraLane {
  label: string;
  /** Row id of this lane's items (>= cpuCount). */
  row: number;
  /** Place before the CPU lanes (true) or after them. */
  top: boolean;
}

export interface Lane {
  label: string;
  kind: 'cpu' | 'block' | 'extra';
  /** Rows rowStart..rowEnd−1 are drawn in this lane (a single row for 'cpu' and 'extra'). */
  rowStart: number;
  rowEnd: number;
  /** NUMA node of a CPU or block lane; -1 for extra lanes. */
  node: number;
}

export interface LaneLayout {
  lanes: Lane[];
  /** Lane index of every row (cpuCount + extra rows), or -1 when the row is not shown. */
  laneOfRow: Int32Array;
  /** CPUs per block lane (1 = a lane per CPU). */
  blockCpus: number;
  /** CPUs that have a lane or share one. */
  shownCpus: number;
}

export interface LaneLayoutInput {
  cpuCount: number;
  nodes: number;
  /** Per row (at least cpuCount entries): 1 when the row has activity in the visible window. */
  activeRows: ArrayLike<number>;
  maxCpuLanes: number;
  extraLanes: readonly ExtraLane[];
}

/**
 * NUMA node ranges [start, end) of `cpus` CPUs split evenly and contiguously over `nodes` nodes (the
 * first cpus % nodes nodes get one more CPU), the same split as the CPU grid's groups. O(nodes).
 */
export function nodeRanges(cpus: number, nodes: number): [number, number][] {
  const n = Math.max(1, Math.floor(nodes));
  const base = Math.floor(cpus / n);
  const extra = cpus % n;
  const out: [number, number][] = [];
  let start = 0;
  for (let k = 0; k < n; k++) {
    const size = base + (k < extra ? 1 : 0);
    out.push([start, start + size]);
    start += size;
  }
  return out;
}

/** Sizes of the NUMA node groups (for the heatmap's groupSizes). */
export function nodeSizes(cpus: number, nodes: number): number[] {
  return nodeRanges(cpus, nodes).map(([a, b]) => b - a);
}

function formatCpuRange(start: number, end: number): string {
  return end - start === 1 ? `CPU ${start}` : `CPUs ${start}–${end - 1}`;
}

/** Smallest power of two >= n (n >= 1). */
function ceilPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Lay out lanes: extra lanes marked `top` first, then CPU lanes, then the other extra lanes.
 * With more than maxCpuLanes CPUs, only CPUs with activity are shown, in blocks (see file header);
 * if none is active, one lane per node. O(cpuCount · log cpuCount).
 */
export function computeLaneLayout(input: LaneLayoutInput): LaneLayout {
  const { cpuCount, activeRows, extraLanes } = input;
  const maxCpuLanes = Math.max(1, Math.floor(input.maxCpuLanes));
  const ranges = nodeRanges(cpuCount, Math.min(Math.max(1, input.nodes), Math.max(1, cpuCount)));
  const rowCount = Math.max(cpuCount, ...extraLanes.map((e) => e.row + 1));
  const laneOfRow = new Int32Array(rowCount).fill(-1);
  const lanes: Lane[] = [];
  const multiNode = ranges.length > 1;

  for (const extra of extraLanes) {
    if (!extra.top) continue;
    laneOfRow[extra.row] = lanes.length;
    lanes.push({ label: extra.label, kind: 'extra', rowStart: extra.row, rowEnd: extra.row + 1, node: -1 });
  }

  let blockCpus = 1;
  let shownCpus = 0;
  if (cpuCount <= maxCpuLanes) {
    for (let cpu = 0; cpu < cpuCount; cpu++) {
      laneOfRow[cpu] = lanes.length;
      const node = ranges.findIndex(([a, b]) => cpu >= a && cpu < b);
      lanes.push({ label: `CPU ${cpu}`, kind: 'cpu', rowStart: cpu, rowEnd: cpu + 1, node });
    }
    shownCpus = cpuCount;
  } else {
    const largestNode = Math.max(...ranges.map(([a, b]) => b - a));
    const active: number[] = [];
    for (let cpu = 0; cpu < cpuCount; cpu++) if (activeRows[cpu]) active.push(cpu);
    const nodeOf = new Int32Array(cpuCount);
    ranges.forEach(([a, b], k) => nodeOf.fill(k, a, b));
    const blocksFor = (b: number): number => {
      let count = 0;
      let lastKey = -1;
      for (const cpu of active) {
        const node = nodeOf[cpu];
        const key = node * (largestNode + 1) + Math.floor((cpu - ranges[node][0]) / b);
        if (key !== lastKey) {
          count++;
          lastKey = key;
        }
      }
      return count;
    };
    const maxBlock = ceilPow2(largestNode);
    blockCpus = maxBlock;
    if (active.length > 0) {
      for (let b = 1; b <= maxBlock; b *= 2) {
        if (blocksFor(b) <= maxCpuLanes) {
          blockCpus = b;
          break;
        }
      }
    }
    const addLane = (start: number, end: number, node: number) => {
      const lane = lanes.length;
      for (let cpu = start; cpu < end; cpu++) laneOfRow[cpu] = lane;
      shownCpus += end - start;
      const label = formatCpuRange(start, end) + (multiNode && end - start > 1 ? ` · node ${node}` : '');
      lanes.push({ label, kind: end - start === 1 ? 'cpu' : 'block', rowStart: start, rowEnd: end, node });
    };
    if (active.length === 0) {
      ranges.forEach(([a, b], node) => {
        if (b > a) addLane(a, b, node);
      });
    } else {
      let lastKey = -1;
      for (const cpu of active) {
        const node = nodeOf[cpu];
        const [nodeStart, nodeEnd] = ranges[node];
        const blockIndex = Math.floor((cpu - nodeStart) / blockCpus);
        const key = node * (largestNode + 1) + blockIndex;
        if (key === lastKey) continue;
        lastKey = key;
        const start = nodeStart + blockIndex * blockCpus;
        addLane(start, Math.min(nodeEnd, start + blockCpus), node);
      }
    }
  }

  for (const extra of extraLanes) {
    if (extra.top) continue;
    laneOfRow[extra.row] = lanes.length;
    lanes.push({ label: extra.label, kind: 'extra', rowStart: extra.row, rowEnd: extra.row + 1, node: -1 });
  }
  return { lanes, laneOfRow, blockCpus, shownCpus };
}
