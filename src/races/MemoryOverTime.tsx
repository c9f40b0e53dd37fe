// Memory of the arrays over the run (live, waiting for a grace period, leaked), stacked, on the same
// step window and left edge as the timeline above it, with the cursor (a DOM line moved with a
// transform, at once on a step). The canvas is redrawn from a store subscription through the frame
// scheduler, only when the window or size changes, off screen (createCanvasPresenter).
import { scaleLinear } from 'd3';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { cancelDraw, requestDraw } from '../charts/shared/frameScheduler.ts';
import { createCanvasPresenter, observeCanvasSize, type CanvasPresenter, type CanvasSize } from '../charts/shared/hiDpiCanvas.ts';
import { formatBytes } from '../memory/formatBytes.ts';
import { useAppStore } from '../state/store.ts';
import { memoryAt, memoryColumns } from './memoryColumns.ts';
import { STATE_COLORS } from './racePalette.ts';
import { selectLoadedRace, selectRaceView } from './raceSelectors.ts';

const HEIGHT_PX = 96;
const LABEL_WIDTH_PX = 118;
const RIGHT_PAD_PX = 10;
const TOP_PX = 6;
const BOTTOM_PX = 4;

const SERIES = [
  { key: 'leaked', label: 'leaked', color: STATE_COLORS.leaked },
  { key: 'waiting', label: 'waiting for a grace period', color: STATE_COLORS['waiting-gp'] },
  { key: 'live', label: 'live (allocated)', color: STATE_COLORS.live },
] as const;

export function MemoryOverTime() {
  const race = useAppStore(selectLoadedRace);
  const view = useAppStore(selectRaceView);
  const drawKey = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const sizeRef = useRef<CanvasSize | null>(null);
  /** Draws off screen and shows the result (see createCanvasPresenter). */
  const presenterRef = useRef<CanvasPresenter | null>(null);
  const series = race?.result.memory ?? null;
  const maxBytes = useMemo(() => {
    if (!series) return 0;
    let m = 0;
    for (let i = 0; i < series.step.length; i++) m = Math.max(m, series.live[i] + series.waiting[i] + series.leaked[i]);
    return m;
  }, [series]);

  const placeCursor = useCallback(() => {
    const line = cursorRef.current;
    const size = sizeRef.current;
    if (!line || !size || !race) return;
    const s = useAppStore.getState();
    const [a, b] = s.raceWindow ?? [0, race.timeline.endStep];
    const plotW = Math.max(1, size.widthPx - LABEL_WIDTH_PX - RIGHT_PAD_PX);
    const visible = s.raceStep >= a && s.raceStep <= b;
    line.style.visibility = visible ? 'visible' : 'hidden';
    if (visible)
      line.style.transform = `translateX(${Math.round(LABEL_WIDTH_PX + ((s.raceStep - a) / Math.max(1e-9, b - a)) * plotW) - 1}px)`;
  }, [race]);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const size = sizeRef.current;
    if (!canvas || !size || !race || !series) return;
    presenterRef.current ??= createCanvasPresenter(canvas);
    const ctx = presenterRef.current.context(size);
    const s = useAppStore.getState();
    const [a, b] = s.raceWindow ?? [0, race.timeline.endStep];
    const plotW = Math.max(1, size.widthPx - LABEL_WIDTH_PX - RIGHT_PAD_PX);
    const plotH = size.heightPx - TOP_PX - BOTTOM_PX;
    ctx.clearRect(0, 0, size.widthPx, size.heightPx);
    // Ticks at round numbers of the binary unit the largest value is shown in (KiB, MiB, GiB).
    const unit = maxBytes >= 1 ? 1024 ** Math.floor(Math.log(maxBytes) / Math.log(1024)) : 1;
    const inUnits = scaleLinear()
      .domain([0, Math.max(1, maxBytes / unit)])
      .nice(3);
    const y = scaleLinear()
      .domain([0, inUnits.domain()[1] * unit])
      .range([TOP_PX + plotH, TOP_PX]);
    const ticks = maxBytes > 0 ? inUnits.ticks(3).map((t) => t * unit) : [0];
    ctx.font = '10px ui-sans-serif, system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of ticks) {
      ctx.fillStyle = '#e2e8f0';
      ctx.fillRect(LABEL_WIDTH_PX, Math.round(y(t)) - 0.5, plotW, 1);
      ctx.fillStyle = '#64748b';
      ctx.fillText(formatBytes(t), LABEL_WIDTH_PX - 6, y(t));
    }
    const cols = memoryColumns(series, a, b, plotW, race.result.steps);
    const layers = [
      { tops: cols.total, color: STATE_COLORS.leaked },
      { tops: cols.liveWaiting, color: STATE_COLORS['waiting-gp'] },
      { tops: cols.live, color: STATE_COLORS.live },
    ];
    const base = y(0);
    // Each layer is one outline over its one-pixel columns (a non-zero column at least a pixel tall):
    // a single simple polygon rasterizes in a fraction of the time of hundreds of separate rectangles.
    for (const layer of layers) {
      ctx.fillStyle = layer.color;
      ctx.beginPath();
      ctx.moveTo(LABEL_WIDTH_PX, base);
      let prev = base;
      for (let c = 0; c < layer.tops.length; c++) {
        const v = layer.tops[c];
        const top = v > 0 ? Math.min(y(v), base - 1) : base;
        if (top === prev) continue;
        ctx.lineTo(LABEL_WIDTH_PX + c, prev);
        ctx.lineTo(LABEL_WIDTH_PX + c, top);
        prev = top;
      }
      ctx.lineTo(LABEL_WIDTH_PX + layer.tops.length, prev);
      ctx.lineTo(LABEL_WIDTH_PX + layer.tops.length, base);
      ctx.closePath();
      ctx.fill();
    }
    presenterRef.current.present();
    placeCursor();
  }, [race, series, maxBytes, placeCursor]);

  useEffect(() => {
    requestDraw(drawKey, draw);
    const offWindow = useAppStore.subscribe(
      (s) => s.raceWindow,
      () => requestDraw(drawKey, draw),
    );
    // The cursor moves at once (a style write): a move made inside an animation frame callback still shows in that frame.
    const offStep = useAppStore.subscribe((s) => s.raceStep, placeCursor);
    return () => {
      offWindow();
      offStep();
      cancelDraw(drawKey);
    };
  }, [drawKey, draw, placeCursor]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    return observeCanvasSize(box, (size) => {
      sizeRef.current = size;
      requestDraw(drawKey, draw);
    });
  }, [drawKey, draw]);

  const now = series && view ? memoryAt(series, view.step) : null;
  return (
    <section
      role="region"
      aria-label="Memory over time"
      className="chart-surface min-w-0 rounded border border-slate-200 bg-white p-3 [contain:content]"
    >
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">Memory of the arrays over time</h3>
        <ul className="flex flex-wrap gap-x-3 text-[11px] text-slate-600">
          {SERIES.map((sr) => (
            <li key={sr.key} className="flex items-center gap-1">
              <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: sr.color }} aria-hidden="true" />
              {sr.label}
              {now && <span className="font-mono text-slate-900"> {formatBytes(now[sr.key])}</span>}
            </li>
          ))}
        </ul>
      </div>
      <div
        ref={boxRef}
        className="relative w-full"
        style={{ height: HEIGHT_PX }}
        role="img"
        aria-label={
          now && view
            ? `Memory of the arrays over the run, cursor at step ${view.step}: ${SERIES.map((sr) => `${sr.label} ${formatBytes(now[sr.key])}`).join(', ')}`
            : 'Memory of the arrays over the run'
        }
      >
        <canvas ref={canvasRef} className="absolute inset-0 h-full w-full" aria-hidden="true" />
        <div
          ref={cursorRef}
          className="pointer-events-none absolute top-0 left-0 h-full w-0.5 bg-sky-700 will-change-transform"
          style={{ visibility: 'hidden' }}
          aria-hidden="true"
        />
      </div>
    </section>
  );
}
