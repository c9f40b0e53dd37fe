// The memory view's worker requests: the snapshot at the current machine, and the chart curve
// (which depends only on page size and node count, so dragging N does not recompute it).
import { useShallow } from 'zustand/react/shallow';
import { useSimQuery } from '../sim/useSimQuery.ts';
import { selectMachine } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';

/** Log-grid points asked for; the worker adds both sides of every step and threshold. */
const CURVE_GRID_POINTS = 241;

export function useMemoryQueries(): void {
  const [cpus, pageSize, nodes] = useAppStore(useShallow(selectMachine));
  // The races' per-CPU kvzalloc_node() path pattern (Races › Advanced), so the grid shows each array's own path.
  const [kvmallocPath, seed] = useAppStore(useShallow((s) => [s.raceParams.kvmallocPath, s.raceParams.seed] as const));
  const actions = useAppStore(
    useShallow((s) => ({
      startMemoryRun: s.startMemoryRun,
      finishMemoryRun: s.finishMemoryRun,
      failMemoryRun: s.failMemoryRun,
      startCurveRun: s.startCurveRun,
      finishCurveRun: s.finishCurveRun,
      failCurveRun: s.failCurveRun,
    })),
  );

  useSimQuery({
    key: `snapshot/${cpus}/${pageSize}/${nodes}/${kvmallocPath}/${kvmallocPath === 'seeded' ? seed : ''}`,
    run: (sim) => sim.memorySnapshot({ cpus, pageSize, nodes, kvmallocPath, seed }),
    onStart: actions.startMemoryRun,
    onResult: actions.finishMemoryRun,
    onError: actions.failMemoryRun,
  });

  useSimQuery({
    key: `curve/${pageSize}/${nodes}`,
    run: (sim) => sim.memoryCurve({ pageSize, nodes, gridPoints: CURVE_GRID_POINTS }),
    onStart: actions.startCurveRun,
    onResult: actions.finishCurveRun,
    onError: actions.failCurveRun,
  });
}
