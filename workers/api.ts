// The one door between the UI and the model: the typed API the worker exposes over comlink.
// src/ imports only types from here (enforced by eslint); the implementation is workers/simApi.ts.
import type { MemoryCurve, MemoryParams, MemoryReport, MemoryThreshold, PageSize } from './model/memory.ts';
import type { MixedCost } from './model/kvPath.ts';
import type { KvmallocPath } from './model/sched/types.ts';

export type { MemoryParams, MemoryReport } from './model/memory.ts';
export type { MixedCost, MixedNodeCost } from './model/kvPath.ts';
export type { MemoryCurve, MemoryThreshold, PageSize } from './model/memory.ts';

/** What the memory chart asks for: totals against N for one page size and node count. */
export interface MemoryCurveRequest {
  pageSize: PageSize;
  nodes: number;
  /** Points of the log-spaced N grid from 1 to 16384 (2..4096); step and threshold points are added. */
  gridPoints: number;
}

/** Chart data: rows sorted by N, including both sides of every cost step and named threshold. */
export interface MemoryCurveData {
  curve: MemoryCurve;
  thresholds: MemoryThreshold[];
}

/** The memory snapshot's request: the machine, and the per-CPU kvzalloc_node() path pattern (default: all kmalloc). */
export interface MemorySnapshotRequest extends MemoryParams {
  kvmallocPath?: KvmallocPath;
  /** Seed of the 'seeded' pattern. */
  seed?: number;
}

/** One configuration: the report plus per-CPU columns for the CPU grid (index = CPU id). */
export interface MemorySnapshot {
  report: MemoryReport;
  /** Bytes this CPU's array consumes by its own path (kmalloc, or the vmalloc fallback under the pattern). */
  cpuBytes: Float64Array;
  /** This CPU's array path: 0 slab cache, 1 page allocator (large kmalloc), 2 vmalloc fallback. */
  cpuPath: Uint8Array;
  /** cpu_to_node() of each CPU. */
  cpuNode: Uint8Array;
  /** All N arrays, each by its own path under the pattern. */
  mixed: MixedCost;
}

import type { SchedApi } from './schedApi.ts';
import type { ExploreApi } from './exploreApi.ts';
import type { CompareApi } from './compareApi.ts';

export type * from './schedApi.ts';
export type * from './exploreApi.ts';
export type * from './compareApi.ts';

/** The whole worker API: the memory model (below), the scheduler-core model (SchedApi) and its search. */
export interface SimApi extends SchedApi, ExploreApi, CompareApi {
  /** Cost of both designs at one CPU count (workers/model/README.md#cost-table-at-4-kib-pages). Pure; microseconds. */
  memory(params: MemoryParams): MemoryReport;
  /** Chart curve for every N of a log grid plus step/threshold points. Pure; about a millisecond. */
  memoryCurve(request: MemoryCurveRequest): MemoryCurveData;
  /** memory(params) plus the per-CPU columns of the CPU grid. Pure; O(N). */
  memorySnapshot(params: MemorySnapshotRequest): MemorySnapshot;
}
