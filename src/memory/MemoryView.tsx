// The memory explorer: what the kick pseqs arrays cost at N CPUs, and where the old design broke.
// Layout: the machine in one row, then the chart and the CPU grid side by side, then the figures.
import { MemoryChart } from '../charts/memory/MemoryChart.tsx';
import { SimErrorAlert } from '../sim/SimErrorAlert.tsx';
import { ViewIntro } from '../ui/ViewIntro.tsx';
import {
  selectCpus,
  selectMemoryCurve,
  selectMemoryError,
  selectMemoryLogScale,
  selectMemorySnapshot,
  selectSetCpus,
  selectSetMemoryLogScale,
} from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { MemoryControls } from './MemoryControls.tsx';
import { MemoryHeatmap } from './MemoryHeatmap.tsx';
import { MemoryReadouts } from './MemoryReadouts.tsx';
import { useMemoryQueries } from './useMemoryQueries.ts';
import { MemoryExport } from '../export/MemoryExport.tsx';

function MemoryChartPanel() {
  const curve = useAppStore(selectMemoryCurve);
  const snapshot = useAppStore(selectMemorySnapshot);
  const cpus = useAppStore(selectCpus);
  const log = useAppStore(selectMemoryLogScale);
  const setLog = useAppStore(selectSetMemoryLogScale);
  const setCpus = useAppStore(selectSetCpus);
  return (
    <section aria-labelledby="memory-chart-title" className="chart-surface min-w-0 rounded border border-slate-200 bg-white px-4 py-3">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="memory-chart-title" className="text-sm font-semibold">
          Total memory of the arrays against CPU count
        </h3>
        <label className="flex items-center gap-1.5 text-xs text-slate-700">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.currentTarget.checked)} className="accent-sky-700" />
          Log scale
        </label>
      </div>
      {curve ? (
        <MemoryChart data={curve} cpus={cpus} report={snapshot?.report ?? null} log={log} onPickCpus={setCpus} />
      ) : (
        <p className="text-sm text-slate-500">Computing…</p>
      )}
    </section>
  );
}

export function MemoryView() {
  useMemoryQueries();
  const error = useAppStore(selectMemoryError);
  return (
    <div className="flex flex-col gap-3">
      <ViewIntro actions={<MemoryExport />} title="What do the per-CPU kick arrays cost, and where did the old design break?">
        <p>
          Every CPU keeps one sequence number per CPU for SCX_KICK_WAIT, so memory grows as N². The old design put them in one percpu
          allocation at boot, which cannot exceed PCPU_MIN_UNIT_SIZE per CPU (32 KiB at 4 KiB pages, 64 KiB at 64 KiB pages); the new design
          allocates them with kvzalloc_node() only while a BPF scheduler is loaded.
        </p>
      </ViewIntro>
      {error && <SimErrorAlert message={error} what="the memory figures" />}
      <MemoryControls />
      {/* The two pictures side by side from 1280 px, the figures at this N under them. */}
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <MemoryChartPanel />
        <MemoryHeatmap />
      </div>
      <MemoryReadouts />
    </div>
  );
}
