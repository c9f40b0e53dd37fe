// The one door between the UI and the model: the typed API the worker exposes over comlink.
// src/ imports only types from here (enforced by eslint); the implementation is workers/simApi.ts.
import type { MemoryParams, MemoryReport } from './model/memory.ts';

export type { MemoryParams, MemoryReport } from './model/memory.ts';

export interface SimApi {
  /** Cost of both designs at one CPU count (kernel-facts.md §3–4). Pure; microseconds. */
  memory(params: MemoryParams): MemoryReport;
}
