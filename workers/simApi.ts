// Implementation of SimApi. Kept apart from the worker entry so Node tests can import it directly.
import type { MemoryCurveRequest, SimApi } from './api.ts';
import { schedApi } from './schedApi.ts';
import { exploreApi } from './exploreApi.ts';
import { compareApi } from './compareApi.ts';
import {
  MAX_CPUS,
  MIN_CPUS,
  assertMemoryParams,
  computeMemory,
  cpuToNode,
  kmallocCost,
  memoryCurve,
  memoryThresholds,
  requestBytes,
  vmallocCost,
  type PageSize,
} from './model/memory.ts';
import { arrayCost, mixedKvzallocCost } from './model/kvPath.ts';
import { isKvmallocPath } from './model/constants.ts';

/**
 * N values for the chart: `gridPoints` log-spaced values from MIN_CPUS to MAX_CPUS, both sides of
 * every step of the kmalloc or vmalloc per-array cost (so straight segments draw the steps exactly),
 * and both sides of every named threshold. Sorted, unique. O(MAX_CPUS).
 */
export function chartCpus(pageSize: PageSize, gridPoints: number): Float64Array {
  if (!Number.isInteger(gridPoints) || gridPoints < 2 || gridPoints > 4096) {
    throw new RangeError(`gridPoints must be an integer from 2 to 4096 (got ${gridPoints})`);
  }
  const picked = new Set<number>();
  const span = Math.log(MAX_CPUS / MIN_CPUS);
  for (let i = 0; i < gridPoints; i++) {
    picked.add(Math.round(MIN_CPUS * Math.exp((span * i) / (gridPoints - 1))));
  }
  let prevKm = -1;
  let prevVm = -1;
  for (let n = MIN_CPUS; n <= MAX_CPUS; n++) {
    const s = requestBytes(n);
    const km = kmallocCost(s, pageSize).bytes;
    const vm = vmallocCost(s, pageSize)?.bytes ?? 0;
    if (n > MIN_CPUS && (km !== prevKm || vm !== prevVm)) {
      picked.add(n - 1);
      picked.add(n);
    }
    prevKm = km;
    prevVm = vm;
  }
  for (const t of memoryThresholds(pageSize)) {
    picked.add(t.lastCpus);
    if (t.lastCpus < MAX_CPUS) picked.add(t.lastCpus + 1);
  }
  return Float64Array.from([...picked].sort((a, b) => a - b));
}

export const simApi: SimApi = {
  ...schedApi,
  ...exploreApi,
  ...compareApi,
  memory: (params) => computeMemory(params),
  memoryCurve: ({ pageSize, nodes, gridPoints }: MemoryCurveRequest) => ({
    curve: memoryCurve(pageSize, nodes, chartCpus(pageSize, gridPoints)),
    thresholds: memoryThresholds(pageSize),
  }),
  memorySnapshot: (request) => {
    const { cpus, nodes, pageSize } = request;
    assertMemoryParams({ cpus, nodes, pageSize });
    const report = computeMemory({ cpus, nodes, pageSize });
    const path = request.kvmallocPath ?? 'kmalloc';
    const seed = request.seed ?? 0;
    if (!isKvmallocPath(path)) throw new RangeError(`unknown kvzalloc_node path ${String(path)}`);
    // Each CPU's array by its own path (kvzalloc_node() chooses per call).
    const cpuBytes = new Float64Array(cpus);
    const cpuPath = new Uint8Array(cpus);
    const cpuNode = new Uint8Array(cpus);
    for (let cpu = 0; cpu < cpus; cpu++) {
      const a = arrayCost(cpus, pageSize, path, cpu, seed);
      cpuBytes[cpu] = a.bytes;
      cpuPath[cpu] = a.path;
      cpuNode[cpu] = cpuToNode(cpu, cpus, nodes);
    }
    return { report, cpuBytes, cpuPath, cpuNode, mixed: mixedKvzallocCost(cpus, pageSize, nodes, path, seed) };
  },
};
