// The one door between the UI and the model: the typed API the worker exposes over comlink.
// src/ imports only types from here (enforced by eslint); the implementation is workers/simApi.ts.
import type { MemoryCurve, MemoryParams, MemoryReport, MemoryThreshold, PageSize } from './model/memory.ts';

export type { MemoryParams, MemoryReport } from './model/memory.ts';
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

/** One configuration: the report plus per-CPU columns for the CPU grid (index = CPU id). */
export interface MemorySnapshot {
  report: MemoryReport;
  /** Bytes this CPU's array consumes via kmalloc (the first thing kvzalloc_node tries). */
  cpuBytes: Float64Array;
  /** cpu_to_node() of each CPU. */
  cpuNode: Uint8Array;
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
  memorySnapshot(params: MemoryParams): MemorySnapshot;
}
