// The CPU grid of the memory view: one cell per CPU, grouped by NUMA node, coloured by the bytes
// that CPU's array costs on a fixed log scale over every N (so the colour moves with N) — either the
// new design's kmalloc'd array or the old design's percpu unit, which past its limit does not exist.
import { interpolateViridis, scaleSequential } from 'd3';
import { useCallback, useMemo } from 'react';
import { CpuHeatmap } from '../charts/heatmap/CpuHeatmap.tsx';
import { GradientLegend } from '../charts/heatmap/GradientLegend.tsx';
import { createCategoricalLut, fractionToLutIndex } from '../charts/shared/colorLut.ts';
import type { GridDesign } from '../state/memorySlice.ts';
import { selectMemoryGridDesign, selectMemorySnapshot, selectSetMemoryGridDesign } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { formatBytes, formatCount } from './formatBytes.ts';
import { FIGURE_IDS } from '../export/figures/figureRegistry.ts';
import type { LegendEntry } from '../export/figures/figureFrame.ts';

/** 255 viridis steps for byte counts, then one red entry for "no array: the kernel did not boot". */
const SEQUENTIAL_STEPS = 255;
const PANIC_INDEX = 255;
const PANIC_COLOR = '#dc2626';
const viridis = scaleSequential(interpolateViridis).domain([0, SEQUENTIAL_STEPS - 1]);
const LUT = createCategoricalLut([...Array.from({ length: SEQUENTIAL_STEPS }, (_, i) => viridis(i)), PANIC_COLOR]);
const GRADIENT_LUT = createCategoricalLut(LUT.css.slice(0, SEQUENTIAL_STEPS));

/** Colour domain, log2 bytes: 8 B … 256 KiB covers every per-CPU cost of both designs, N = 1 to 16384. */
const LOG2_MIN = 3;
const LOG2_MAX = 18;
const fractionOfBytes = (bytes: number) => (Math.log2(bytes) - LOG2_MIN) / (LOG2_MAX - LOG2_MIN);
const bytesToLutIndex = (bytes: number) =>
  Number.isNaN(bytes) ? PANIC_INDEX : fractionToLutIndex(fractionOfBytes(bytes), SEQUENTIAL_STEPS);
const LEGEND_TICKS = [8, 256, 8192, 262144].map((b) => ({ fraction: fractionOfBytes(b), label: formatBytes(b) }));
const groupLabels = (node: number, count: number) => [`node ${node} · ${formatCount(count)} CPUs`, `node ${node}`, `n${node}`];

const DESIGNS: { id: GridDesign; label: string }[] = [
  { id: 'new', label: 'New: kvzalloc array' },
  { id: 'old', label: 'Old: percpu unit' },
];

/** The grid's legend for a figure: the colour scale's ticks, and the boot panic's colour. */
export const MEMORY_GRID_LEGEND: readonly LegendEntry[] = [
  ...[8, 256, 8192, 262144].map((b) => ({ color: LUT.css[bytesToLutIndex(b)], label: `${formatBytes(b)} per CPU` })),
  { color: PANIC_COLOR, label: 'no array: boot panic (old design)' },
];

export function MemoryHeatmap() {
  const snapshot = useAppStore(selectMemorySnapshot);
  const design = useAppStore(selectMemoryGridDesign);
  const setDesign = useAppStore(selectSetMemoryGridDesign);
  const report = snapshot?.report;
  const groupSizes = useMemo(() => report?.kvzalloc.perNode.map((n) => n.cpus) ?? [], [report]);
  // Old design: every CPU's unit is 8·N bytes, or there is none (NaN) because the boot failed.
  const values = useMemo(() => {
    if (!snapshot || design === 'new') return snapshot?.cpuBytes ?? new Float64Array(0);
    const { percpu, cpus } = snapshot.report;
    return new Float64Array(cpus).fill(percpu.ok ? percpu.bytesPerCpu : NaN);
  }, [snapshot, design]);
  const hoverText = useCallback(
    (cpu: number) => {
      if (!snapshot) return '';
      const where = `CPU ${cpu} · node ${snapshot.cpuNode[cpu]}`;
      if (design === 'old') {
        const { percpu } = snapshot.report;
        return percpu.ok
          ? `${where} · ${formatBytes(percpu.bytesPerCpu)} percpu unit (old design)`
          : `${where} · no array: boot panic (old design)`;
      }
      const { kmalloc, vmalloc } = snapshot.report.kvzalloc;
      if (snapshot.cpuPath[cpu] === 2)
        return `${where} · ${formatBytes(snapshot.cpuBytes[cpu])} via the vmalloc fallback (this CPU's own path)`;
      const fallback = vmalloc ? ` · vmalloc fallback would be ${formatBytes(vmalloc.bytesPerCpu)}` : '';
      return `${where} · ${formatBytes(snapshot.cpuBytes[cpu])} (${kmalloc.cache})${fallback}`;
    },
    [snapshot, design],
  );
  if (!snapshot || !report) return null;

  const oldFails = design === 'old' && !report.percpu.ok;
  const perCpu = design === 'old' ? report.percpu.bytesPerCpu : report.kvzalloc.kmalloc.bytesPerCpu;
  const usedNodes = groupSizes.filter((n) => n > 0).length;
  const what = oldFails
    ? 'old design: no arrays, boot panic'
    : design === 'old'
      ? `${formatBytes(perCpu)} each (old percpu unit)`
      : snapshot.mixed.vmallocArrays > 0
        ? `${snapshot.mixed.kmallocArrays} via ${report.kvzalloc.kmalloc.cache}, ${snapshot.mixed.vmallocArrays} via vmalloc (${snapshot.mixed.pattern}) · ${formatBytes(snapshot.mixed.totalBytes)} in all`
        : `${formatBytes(perCpu)} each (${report.kvzalloc.kmalloc.cache})`;
  const summary =
    `${report.cpus} CPU${report.cpus === 1 ? '' : 's'} on ${usedNodes} node${usedNodes === 1 ? '' : 's'} · ${what}` +
    (usedNodes < report.nodes ? ` · ${report.nodes - usedNodes} of ${report.nodes} nodes have no CPUs` : '');

  return (
    <section aria-labelledby="cpu-grid-title" className="chart-surface min-w-0 rounded border border-slate-200 bg-white px-4 py-3">
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="cpu-grid-title" className="text-sm font-semibold">
          Where the arrays live: one cell per CPU, grouped by NUMA node
        </h3>
        <div role="radiogroup" aria-label="Colour CPUs by" className="flex items-center gap-2 text-xs text-slate-700">
          <span>Colour by</span>
          <div className="flex overflow-hidden rounded border border-slate-300">
            {DESIGNS.map((d) => (
              <label key={d.id} className="relative cursor-pointer px-2 py-0.5 has-checked:bg-slate-800 has-checked:text-white">
                <input
                  type="radio"
                  name="grid-design"
                  checked={design === d.id}
                  onChange={() => setDesign(d.id)}
                  className="absolute inset-0 cursor-pointer appearance-none opacity-0"
                />
                {d.label}
              </label>
            ))}
          </div>
        </div>
      </div>
      <p className="mb-2 text-xs text-slate-500">
        {design === 'new'
          ? 'Each CPU owns one array of N sequence slots, allocated on its own node (kvzalloc_node(…, cpu_to_node(cpu))) while a scheduler is loaded. Colour: bytes per array via kmalloc.'
          : 'Before 14c1da3895a1 each CPU had an 8·N-byte unit of one percpu allocation, made at boot. Past the percpu limit there is no allocation at all: the kernel panics.'}{' '}
        One colour scale for every N.
      </p>
      <CpuHeatmap
        label="CPU grid"
        figureId={FIGURE_IDS.memoryCpuGrid}
        values={values}
        groupSizes={groupSizes}
        lut={LUT}
        valueToLutIndex={bytesToLutIndex}
        groupLabels={groupLabels}
        hoverText={hoverText}
        summary={summary}
        maxHeightPx={320}
        legend={
          // A column, so the gradient bar shrinks to a narrow panel instead of overflowing it.
          <div className="flex flex-col gap-1">
            <GradientLegend
              title="Bytes per CPU"
              lut={GRADIENT_LUT}
              ticks={LEGEND_TICKS}
              marker={oldFails ? undefined : { fraction: fractionOfBytes(perCpu), label: `${formatBytes(perCpu)} now` }}
            />
            {design === 'old' && (
              <span className="flex items-center gap-1.5 text-xs text-slate-700">
                <span className="inline-block h-3 w-3 rounded-sm" style={{ background: PANIC_COLOR }} aria-hidden="true" />
                no array: boot panic
              </span>
            )}
          </div>
        }
      />
    </section>
  );
}
