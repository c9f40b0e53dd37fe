// Memory against CPU count for both designs (SVG: a few hundred points). Axes are React-rendered
// from d3 scales; the old design's curve stops at its limit, past which a shaded band says why.
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { MemoryCurveData, MemoryReport, MemoryThreshold } from '../../../workers/api.ts';
import { formatBytes, formatCount, formatExactBytes } from '../../memory/formatBytes.ts';
import { MAX_CPUS, MIN_CPUS } from '../../../workers/model/constants.ts';
import {
  bytesTicks,
  cpuTicks,
  createBytesScale,
  createCpuScale,
  estimateLabelWidthPx,
  placeLabels,
  seriesPath,
} from './memoryChartLayout.ts';
import { FIGURE_IDS, useFigureSource } from '../../export/figures/figureRegistry.ts';
import { drawSvgTree } from '../../export/figures/drawSvgTree.ts';

export const SERIES = {
  old: { color: '#c2410c', dash: undefined, label: 'Old: percpu 8·N², resident from boot' },
  kmalloc: { color: '#1d4ed8', dash: undefined, label: 'New: kvzalloc via kmalloc' },
  vmalloc: { color: '#0f766e', dash: '7 4', label: 'New: vmalloc fallback' },
  request: { color: '#64748b', dash: '2 3', label: 'Requested: N·S bytes' },
} as const;

const HEIGHT_PX = 400;
const LABEL_ROW_PX = 13;
const MARGIN = { right: 18, bottom: 42, left: 70 };

/** The chart's own words for each threshold (the model's description goes in the tooltip). */
function thresholdLabel(t: MemoryThreshold): string {
  const pair = `${t.lastCpus}/${t.lastCpus + 1}`;
  switch (t.id) {
    case 'single-page':
      return `${pair} > 1 page: vmalloc fallback`;
    case 'slab-max':
      return `${pair} slab → page allocator`;
    case 'percpu-limit':
      return `${pair} old design panics`;
    case 'x86-64-max':
      return `${t.lastCpus} mainline NR_CPUS max`;
    case 'beyond-mainline':
      return `${t.lastCpus} beyond mainline`;
  }
}

interface MemoryChartProps {
  data: MemoryCurveData;
  cpus: number;
  report: MemoryReport | null;
  log: boolean;
  onPickCpus?: (cpus: number) => void;
}

export function MemoryChart({ data, cpus, report, log, onPickCpus }: MemoryChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  useFigureSource(FIGURE_IDS.memoryChart, () => {
    const svg = svgRef.current;
    return svg && { widthPx: svg.width.baseVal.value, heightPx: svg.height.baseVal.value, draw: (ctx) => drawSvgTree(ctx, svg) };
  });
  const [widthPx, setWidthPx] = useState(640);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      if (w > 0) setWidthPx(w);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const { curve, thresholds } = data;
  const percpuLimit = thresholds.find((t) => t.id === 'percpu-limit')?.lastCpus ?? MAX_CPUS;

  const geometry = useMemo(() => {
    const plotW = Math.max(50, widthPx - MARGIN.left - MARGIN.right);
    const x = createCpuScale(log, [0, plotW]);
    const labels = thresholds.map((t) => {
      const text = thresholdLabel(t);
      return { t, text, x: x(t.lastCpus + (t.kind === 'allocator' ? 0.5 : 0)), widthPx: estimateLabelWidthPx(text) };
    });
    const placed = placeLabels(labels, plotW);
    const rows = Math.max(1, ...placed.map((p) => p.row + 1));
    const top = 10 + rows * LABEL_ROW_PX;
    const plotH = HEIGHT_PX - top - MARGIN.bottom;
    let minBytes = Infinity;
    let maxBytes = 0;
    for (let i = 0; i < curve.count; i++) {
      for (const v of [curve.kmallocTotalBytes[i], curve.requestTotalBytes[i], curve.vmallocTotalBytes[i]]) {
        if (Number.isFinite(v) && v > 0) {
          minBytes = Math.min(minBytes, v);
          maxBytes = Math.max(maxBytes, v);
        }
      }
      if (curve.oldOk[i]) minBytes = Math.min(minBytes, curve.oldTotalBytes[i]);
    }
    const y = createBytesScale(log, minBytes, maxBytes, [plotH, 0]);
    const isOld = (i: number) => curve.oldOk[i] === 1;
    const paths = {
      request: seriesPath(x, y, curve.cpus, curve.requestTotalBytes, log),
      vmalloc: seriesPath(x, y, curve.cpus, curve.vmallocTotalBytes, log),
      kmalloc: seriesPath(x, y, curve.cpus, curve.kmallocTotalBytes, log),
      old: seriesPath(x, y, curve.cpus, curve.oldTotalBytes, log, isOld),
    };
    return { plotW, plotH, top, x, y, labels, placed, paths };
  }, [widthPx, log, curve, thresholds]);

  const { plotW, plotH, top, x, y, labels, placed, paths } = geometry;
  const xTicks = cpuTicks(x, log, plotW);
  const yTicks = bytesTicks(y, log);
  const panicX = x(percpuLimit + 0.5);
  const oldEnd = 8 * percpuLimit * percpuLimit;
  const cx = x(cpus);
  const dots = report
    ? ([
        ['request', report.kvzalloc.requestTotalBytes],
        ['vmalloc', report.kvzalloc.vmalloc?.totalBytes ?? NaN],
        ['kmalloc', report.kvzalloc.kmalloc.totalBytes],
        ['old', report.percpu.ok ? report.percpu.totalBytes : NaN],
      ] as const)
    : [];

  const onClick = (e: MouseEvent<SVGRectElement>) => {
    if (!onPickCpus) return;
    const box = e.currentTarget.getBoundingClientRect();
    const n = Math.round(x.invert(e.clientX - box.left));
    onPickCpus(Math.min(MAX_CPUS, Math.max(MIN_CPUS, n)));
  };

  return (
    <div ref={boxRef} className="w-full">
      <svg
        ref={svgRef}
        width={widthPx}
        height={HEIGHT_PX}
        role="img"
        aria-label={`Memory against CPU count, ${log ? 'log' : 'linear'} scales, ${data.curve.pageSize / 1024} KiB pages; current N = ${cpus}`}
        className="block overflow-visible font-sans"
      >
        <defs>
          <pattern id="panic-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fee2e2" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fca5a5" strokeWidth="2" />
          </pattern>
          <clipPath id="plot-clip">
            <rect x={0} y={-2} width={plotW} height={plotH + 4} />
          </clipPath>
        </defs>
        <g transform={`translate(${MARGIN.left},${top})`}>
          {yTicks.map((t) => (
            <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
              <line x2={plotW} stroke="#e2e8f0" />
              <text x={-8} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[10px]">
                {formatBytes(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
              <line y2={plotH} stroke="#f1f5f9" />
              <line y1={plotH} y2={plotH + 4} stroke="#94a3b8" />
              <text y={plotH + 15} textAnchor="middle" className="fill-slate-500 text-[10px]">
                {t}
              </text>
            </g>
          ))}
          <rect x={panicX} y={0} width={Math.max(0, plotW - panicX)} height={plotH} fill="url(#panic-hatch)" opacity={0.75}>
            <title>{`Old design: nr_cpu_ids > ${percpuLimit} fails __alloc_percpu() at boot (BUG_ON → panic)`}</title>
          </rect>
          <text x={plotW - 6} y={plotH - 24} textAnchor="end" className="fill-red-800 text-[11px] font-semibold">
            boot panic
          </text>
          <text x={plotW - 6} y={plotH - 11} textAnchor="end" className="fill-red-800 text-[10px]">
            (old design)
          </text>
          {labels.map(({ t, text, x: lx }, i) => {
            const { row, anchor } = placed[i];
            const danger = t.id === 'percpu-limit';
            return (
              <g key={t.id}>
                <title>{t.description}</title>
                <line
                  x1={lx}
                  x2={lx}
                  y1={-3 - row * LABEL_ROW_PX}
                  y2={plotH}
                  stroke={danger ? '#dc2626' : '#94a3b8'}
                  strokeDasharray="3 3"
                />
                <text
                  x={anchor === 'start' ? lx + 3 : lx - 3}
                  y={-6 - row * LABEL_ROW_PX}
                  textAnchor={anchor}
                  className={`text-[10px] ${danger ? 'fill-red-700 font-semibold' : 'fill-slate-600'}`}
                >
                  {text}
                </text>
              </g>
            );
          })}
          <g clipPath="url(#plot-clip)" fill="none" strokeLinejoin="round">
            {(['request', 'vmalloc', 'kmalloc', 'old'] as const).map((k) => (
              <path key={k} d={paths[k]} stroke={SERIES[k].color} strokeWidth={k === 'old' ? 2.5 : 2} strokeDasharray={SERIES[k].dash} />
            ))}
          </g>
          <g transform={`translate(${x(percpuLimit)},${y(oldEnd)})`} stroke={SERIES.old.color} strokeWidth={2.5}>
            <title>{`Old design ends here: ${percpuLimit} CPUs, ${formatBytes(oldEnd)}`}</title>
            <line x1={-5} y1={-5} x2={5} y2={5} />
            <line x1={-5} y1={5} x2={5} y2={-5} />
          </g>
          <line x1={cx} x2={cx} y1={0} y2={plotH} stroke="#0f172a" strokeWidth={1.5} />
          <text
            x={cx + (cx > plotW - 70 ? -4 : 4)}
            y={12}
            textAnchor={cx > plotW - 70 ? 'end' : 'start'}
            className="fill-slate-900 text-[11px] font-semibold"
          >
            N = {formatCount(cpus)}
          </text>
          {dots.map(([k, v]) =>
            Number.isFinite(v) && (!log || v > 0) ? (
              <circle key={k} cx={cx} cy={y(v)} r={4} fill={SERIES[k].color} stroke="#fff" strokeWidth={1.5}>
                <title>{`${SERIES[k].label}: ${formatBytes(v)} (${formatExactBytes(v)})`}</title>
              </circle>
            ) : null,
          )}
          <line y1={plotH} y2={plotH} x2={plotW} stroke="#94a3b8" />
          <line y2={plotH} stroke="#94a3b8" />
          <text x={plotW / 2} y={plotH + 33} textAnchor="middle" className="fill-slate-600 text-[11px]">
            CPUs (nr_cpu_ids), {log ? 'log scale' : 'linear scale'}
          </text>
          <text transform={`translate(${-58},${plotH / 2}) rotate(-90)`} textAnchor="middle" className="fill-slate-600 text-[11px]">
            total bytes, all CPUs
          </text>
          {onPickCpus && (
            <rect width={plotW} height={plotH} fill="transparent" className="cursor-pointer" onClick={onClick}>
              <title>Click to set N</title>
            </rect>
          )}
        </g>
      </svg>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Chart legend">
        {(['old', 'kmalloc', 'vmalloc', 'request'] as const).map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="1" x2="21" y1="4" y2="4" stroke={SERIES[k].color} strokeWidth="2.5" strokeDasharray={SERIES[k].dash} />
            </svg>
            {SERIES[k].label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-5 border border-red-300 bg-red-100" aria-hidden="true" />
          old design fails to boot
        </li>
      </ul>
    </div>
  );
}
