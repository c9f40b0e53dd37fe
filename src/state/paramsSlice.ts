// Inputs of every view: the machine (CPU count, page size, NUMA nodes) and which view is shown, all in
// the link (src/url/useUrlSync.ts reads and writes them). Actions clamp, so the store only ever holds valid values.
import type { PageSize } from '../../workers/api.ts';
import { MAX_CPUS, MAX_NODES, MIN_CPUS, MIN_NODES, PAGE_SIZES } from '../../workers/model/constants.ts';
import type { AppStateCreator } from './store.ts';

export type ViewId = 'memory' | 'races' | 'explore' | 'compare' | 'lessons';

export const VIEW_IDS: readonly ViewId[] = ['memory', 'races', 'explore', 'compare', 'lessons'];
/** The view a first visit (and a link without `view`) shows. */
export const DEFAULT_VIEW: ViewId = 'memory';

export interface MachineParams {
  cpus: number;
  pageSize: PageSize;
  nodes: number;
}

export const DEFAULT_PARAMS: MachineParams = { cpus: 512, pageSize: 4096, nodes: 1 };

export interface ParamsSlice extends MachineParams {
  activeView: ViewId;
  /** Rounds and clamps to MIN_CPUS..MAX_CPUS. */
  setCpus: (cpus: number) => void;
  setPageSize: (pageSize: PageSize) => void;
  /** Rounds and clamps to MIN_NODES..MAX_NODES. */
  setNodes: (nodes: number) => void;
  setActiveView: (view: ViewId) => void;
  resetParams: () => void;
}

/** Nearest integer in [min, max]; NaN gives `min`. */
export function clampInt(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export const createParamsSlice: AppStateCreator<ParamsSlice> = (set) => ({
  ...DEFAULT_PARAMS,
  activeView: DEFAULT_VIEW,
  setCpus: (cpus) => {
    const next = clampInt(cpus, MIN_CPUS, MAX_CPUS);
    set((s) => (s.cpus === next ? s : { cpus: next }), undefined, 'params/setCpus');
  },
  setPageSize: (pageSize) =>
    set((s) => (s.pageSize === pageSize || !PAGE_SIZES.includes(pageSize) ? s : { pageSize }), undefined, 'params/setPageSize'),
  setNodes: (nodes) => {
    const next = clampInt(nodes, MIN_NODES, MAX_NODES);
    set((s) => (s.nodes === next ? s : { nodes: next }), undefined, 'params/setNodes');
  },
  setActiveView: (view) => set((s) => (s.activeView === view ? s : { activeView: view }), undefined, 'params/setActiveView'),
  resetParams: () =>
    set(
      (s) =>
        s.cpus === DEFAULT_PARAMS.cpus && s.pageSize === DEFAULT_PARAMS.pageSize && s.nodes === DEFAULT_PARAMS.nodes
          ? s
          : { ...DEFAULT_PARAMS },
      undefined,
      'params/resetParams',
    ),
});
