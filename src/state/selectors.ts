// Named selectors: components pick the narrowest value (use useShallow for tuples and objects).
import type { AppState } from './store.ts';

export const selectCpus = (s: AppState) => s.cpus;
export const selectPageSize = (s: AppState) => s.pageSize;
export const selectNodes = (s: AppState) => s.nodes;
export const selectActiveView = (s: AppState) => s.activeView;
/** A fresh tuple: use with useShallow. */
export const selectMachine = (s: AppState) => [s.cpus, s.pageSize, s.nodes] as const;

export const selectSetCpus = (s: AppState) => s.setCpus;
export const selectSetPageSize = (s: AppState) => s.setPageSize;
export const selectSetNodes = (s: AppState) => s.setNodes;
export const selectSetActiveView = (s: AppState) => s.setActiveView;

export const selectMemoryRun = (s: AppState) => s.memoryRun;
export const selectCurveRun = (s: AppState) => s.curveRun;
export const selectMemorySnapshot = (s: AppState) => s.memoryRun.data;
export const selectMemoryCurve = (s: AppState) => s.curveRun.data;
/** The first error among the memory view's requests, or null. */
export const selectMemoryError = (s: AppState) => s.memoryRun.error ?? s.curveRun.error;
export const selectMemoryLogScale = (s: AppState) => s.memoryLogScale;
export const selectSetMemoryLogScale = (s: AppState) => s.setMemoryLogScale;
/** Last CPU count the old percpu design boots with, from the worker's thresholds (null until loaded). */
export const selectPercpuLimitCpus = (s: AppState) => s.curveRun.data?.thresholds.find((t) => t.id === 'percpu-limit')?.lastCpus ?? null;
export const selectMemoryGridDesign = (s: AppState) => s.memoryGridDesign;
export const selectSetMemoryGridDesign = (s: AppState) => s.setMemoryGridDesign;
