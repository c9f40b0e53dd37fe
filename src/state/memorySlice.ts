// Results of the memory explorer's worker requests: the chart curve (per page size and node count)
// and the snapshot at the current CPU count (report + per-CPU map). Stale runs are ignored.
import type { MemoryCurveData, MemorySnapshot } from '../../workers/api.ts';
import { createIdleRun, failRun, finishRun, startRun, type RunState } from './runState.ts';
import type { AppStateCreator } from './store.ts';

/** What the CPU grid colours: each CPU's kvzalloc (kmalloc) array, or its old percpu unit. */
export type GridDesign = 'new' | 'old';

/** The memory view's display defaults (a link leaves them out). */
export const DEFAULT_MEMORY_VIEW: { memoryGridDesign: GridDesign; memoryLogScale: boolean } = {
  memoryGridDesign: 'new',
  memoryLogScale: true,
};

export interface MemorySlice {
  memoryGridDesign: GridDesign;
  setMemoryGridDesign: (design: GridDesign) => void;
  /** Log (true) or linear axes on the memory chart. */
  memoryLogScale: boolean;
  setMemoryLogScale: (log: boolean) => void;
  memoryRun: RunState<MemorySnapshot>;
  curveRun: RunState<MemoryCurveData>;
  startMemoryRun: (runId: number) => void;
  finishMemoryRun: (runId: number, snapshot: MemorySnapshot) => void;
  failMemoryRun: (runId: number, error: string) => void;
  startCurveRun: (runId: number) => void;
  finishCurveRun: (runId: number, curve: MemoryCurveData) => void;
  failCurveRun: (runId: number, error: string) => void;
}

export const createMemorySlice: AppStateCreator<MemorySlice> = (set) => {
  /** Applies a pure run reducer; an unchanged run leaves the state untouched (no notification). */
  const updateMemory = (f: (run: RunState<MemorySnapshot>) => RunState<MemorySnapshot>, action: string) =>
    set(
      (s) => {
        const next = f(s.memoryRun);
        return next === s.memoryRun ? s : { memoryRun: next };
      },
      undefined,
      action,
    );
  const updateCurve = (f: (run: RunState<MemoryCurveData>) => RunState<MemoryCurveData>, action: string) =>
    set(
      (s) => {
        const next = f(s.curveRun);
        return next === s.curveRun ? s : { curveRun: next };
      },
      undefined,
      action,
    );
  return {
    memoryGridDesign: DEFAULT_MEMORY_VIEW.memoryGridDesign,
    setMemoryGridDesign: (design) =>
      set((s) => (s.memoryGridDesign === design ? s : { memoryGridDesign: design }), undefined, 'memory/setGridDesign'),
    memoryLogScale: DEFAULT_MEMORY_VIEW.memoryLogScale,
    setMemoryLogScale: (log) => set((s) => (s.memoryLogScale === log ? s : { memoryLogScale: log }), undefined, 'memory/setLogScale'),
    memoryRun: createIdleRun(),
    curveRun: createIdleRun(),
    startMemoryRun: (runId) => updateMemory((r) => startRun(r, runId), 'memory/start'),
    finishMemoryRun: (runId, snapshot) => updateMemory((r) => finishRun(r, runId, snapshot), 'memory/finish'),
    failMemoryRun: (runId, error) => updateMemory((r) => failRun(r, runId, error), 'memory/fail'),
    startCurveRun: (runId) => updateCurve((r) => startRun(r, runId), 'curve/start'),
    finishCurveRun: (runId, curve) => updateCurve((r) => finishRun(r, runId, curve), 'curve/finish'),
    failCurveRun: (runId, error) => updateCurve((r) => failRun(r, runId, error), 'curve/fail'),
  };
};
