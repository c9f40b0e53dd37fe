// The CPU grid of the memory view: one cell per CPU, grouped by NUMA node, coloured by the bytes
// that CPU's pseqs array costs, on a fixed log scale over every N so the colour moves with N.
import { interpolateViridis } from 'd3';
import { useCallback, useMemo } from 'react';
import { CpuHeatmap } from '../charts/heatmap/CpuHeatmap.tsx';
import { GradientLegend } from '../charts/heatmap/GradientLegend.tsx';
import { createSequentialLut, fractionToLutIndex } from '../charts/shared/colorLut.ts';
import { selectMemorySnapshot } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { formatBytes, formatCount } from './formatBytes.ts';

const LUT = createSequentialLut(interpolateViridis);
/** Colour domain, log2 bytes: 16 B … 256 KiB covers every per-CPU cost from N = 1 to 16384. */
const LOG2_MIN = 4;
const LOG2_MAX = 18;
const fractionOfBytes = (bytes: number) => (Math.log2(bytes) - LOG2_MIN) / (LOG2_MAX - LOG2_MIN);
const bytesToLutIndex = (bytes: number) => fractionToLutIndex(fractionOfBytes(bytes));
const LEGEND_TICKS = [16, 256, 4096, 65536, 262144].map((b) => ({ fraction: fractionOfBytes(b), label: formatBytes(b) }));
const groupLabels = (node: number, count: number) => [`node ${node} · ${formatCount(count)} CPUs`, `node ${node}`, `n${node}`];

export function MemoryHeatmap() {
  const snapshot = useAppStore(selectMemorySnapshot);
  const report = snapshot?.report;
  const groupSizes = useMemo(() => report?.kvzalloc.perNode.map((n) => n.cpus) ?? [], [report]);
  const hoverText = useCallback(
    (cpu: number) => {
      if (!snapshot) return '';
      const { kmalloc, vmalloc } = snapshot.report.kvzalloc;
      const fallback = vmalloc ? ` · vmalloc fallback ${formatBytes(vmalloc.bytesPerCpu)}` : '';
      return `CPU ${cpu} · node ${snapshot.cpuNode[cpu]} · ${formatBytes(snapshot.cpuBytes[cpu])} (${kmalloc.cache})${fallback}`;
    },
    [snapshot],
  );
  if (!snapshot || !report) return null;

  const perCpu = report.kvzalloc.kmalloc.bytesPerCpu;
  const usedNodes = groupSizes.filter((n) => n > 0).length;
  const summary =
    `${report.cpus} CPU${report.cpus === 1 ? '' : 's'} on ${usedNodes} node${usedNodes === 1 ? '' : 's'}` +
    ` · ${formatBytes(perCpu)} each (${report.kvzalloc.kmalloc.cache})` +
    (usedNodes < report.nodes ? ` · ${report.nodes - usedNodes} of ${report.nodes} nodes have no CPUs` : '');

  return (
    <section aria-labelledby="cpu-grid-title" className="rounded border border-slate-200 bg-white p-4">
      <h3 id="cpu-grid-title" className="mb-1 text-sm font-semibold">
        Where the arrays live: one cell per CPU, grouped by NUMA node
      </h3>
      <p className="mb-3 text-xs text-slate-500">
        Each CPU owns one array of N sequence slots, allocated on its own node (kvzalloc_node(…, cpu_to_node(cpu))).
        Colour: bytes per array via kmalloc, on one scale for every N.
      </p>
      <CpuHeatmap
        label="CPU grid"
        values={snapshot.cpuBytes}
        groupSizes={groupSizes}
        lut={LUT}
        valueToLutIndex={bytesToLutIndex}
        groupLabels={groupLabels}
        hoverText={hoverText}
        summary={summary}
        maxHeightPx={320}
        legend={
          <GradientLegend
            title="Bytes per CPU"
            lut={LUT}
            ticks={LEGEND_TICKS}
            marker={{ fraction: fractionOfBytes(perCpu), label: `${formatBytes(perCpu)} now` }}
          />
        }
      />
    </section>
  );
}
