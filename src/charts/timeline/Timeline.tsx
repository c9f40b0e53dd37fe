// Thin React shell of the timeline: two canvases (the data layer, drawn off screen and shown as a
// bitmap, and the hover overlay, one blank pixel while nothing is hovered: with software compositing
// a full-size 2D canvas is copied into every frame), the cursor (a DOM line moved with a transform,
// so stepping repaints nothing), d3-zoom bound once, and a tooltip. The visible window and the
// cursor are read through callbacks from a subscription: the window redraws via the shared frame
// scheduler, the cursor moves at once; zooming, panning and stepping never re-render React.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { cancelDraw, requestDraw } from '../shared/frameScheduler.ts';
import {
  blankCanvas,
  createCanvasPresenter,
  getCssPixelContext,
  observeCanvasSize,
  offscreenContext,
  resizeCanvas,
  type CanvasPresenter,
  type CanvasSize,
  type Context2D,
} from '../shared/hiDpiCanvas.ts';
import {
  cursorLeftPx,
  drawTimeline,
  drawTimelineOverlay,
  laneAtY,
  plotWidthPx,
  windowScale,
  type TimelineData,
  type TimelineGeometry,
  type TimelineStyle,
} from './drawTimeline.ts';
import { RunRaster } from './runRaster.ts';
import { activeRowsBoth, createRowMarkBuckets, findNearestMark, findVisibleMarks, pxToStep } from './timelineIndex.ts';
import { computeLaneLayout, type ExtraLane, type LaneLayout } from './timelineLanes.ts';
import { createTimelineZoom, type TimelineZoom } from './timelineZoom.ts';

export type TimelineChange = 'window' | 'cursor';

export interface TimelineProps {
  /** Accessible name of the region. */
  label: string;
  data: TimelineData;
  style: TimelineStyle;
  cpuCount: number;
  nodes: number;
  extraLanes: readonly ExtraLane[];
  /** CPU lanes before CPUs are aggregated into blocks. */
  maxCpuLanes: number;
  laneHeightPx: number;
  /** Span categories that make a row "active" merely by overlapping the window (see activeRowsInWindow). */
  coverCounts: (spanCategory: number) => boolean;
  getWindow: () => readonly [number, number] | null;
  getCursor: () => number;
  subscribe: (onChange: (what: TimelineChange) => void) => () => void;
  onWindowChange: (startStep: number, endStep: number) => void;
  /** A click on the plot: the step of the nearest mark, or of the clicked position. */
  onPick: (step: number) => void;
  /** Tooltip text of a mark (index into data.marks). */
  describeMark: (markIndex: number) => string;
  minWindowSteps?: number;
}

const LABEL_WIDTH_PX = 118;
const AXIS_HEIGHT_PX = 36;
const RIGHT_PAD_PX = 10;
const PICK_RADIUS_PX = 6;

let lastDrawMs = 0;
/** Warm-up draws done off screen for the data drawn last (see the warm-up effect; the benchmark prints it). */
let warmUp: { data: TimelineData | null; draws: number } = { data: null, draws: 0 };
const WARM_UP_MIN_ITEMS = 50_000;

/** requestIdleCallback, or a timer where it is missing. */
function idle(run: () => void): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : (setTimeout(run, 50) as unknown as number);
}
function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}

export function getTimelineWarmUpDraws(): number {
  return warmUp.draws;
}
let lastFrameStats = { markRuns: 0, spanRuns: 0, visibleMarks: 0, lanes: 0 };

/** Duration of the most recent data-layer draw of any timeline, ms (for the benchmark). */
export function getLastTimelineDrawMs(): number {
  return lastDrawMs;
}

/** What the most recent timeline frame drew (for the benchmark and tests). */
export function getLastTimelineFrameStats(): typeof lastFrameStats {
  return lastFrameStats;
}

interface Hover {
  lane: number;
  step: number;
  mark: number;
  xPx: number;
  yPx: number;
}

export function Timeline(props: TimelineProps) {
  const { label, data, style, cpuCount, nodes, extraLanes, maxCpuLanes, laneHeightPx, coverCounts } = props;
  const drawKey = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const dataRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const cursorLabelRef = useRef<HTMLSpanElement>(null);
  const sizeRef = useRef<CanvasSize | null>(null);
  /** Draws the data layer off screen and shows it (see createCanvasPresenter). */
  const presenterRef = useRef<CanvasPresenter | null>(null);
  /** The plot's pixel buffer, kept between frames (see runRaster.ts). */
  const rasterRef = useRef<RunRaster | null>(null);
  const layoutRef = useRef<LaneLayout | null>(null);
  const zoomRef = useRef<TimelineZoom | null>(null);
  const hoverRef = useRef<Hover | null>(null);
  const [tooltip, setTooltip] = useState<{ text: string; xPx: number; yPx: number; fromRightPx: number } | null>(null);
  // Callbacks from props, read at event time (they may change identity every render).
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  const laneSlots = extraLanes.length + Math.min(cpuCount, maxCpuLanes);
  const heightPx = AXIS_HEIGHT_PX + laneSlots * laneHeightPx + 2;
  const geometryOf = useCallback(
    (size: CanvasSize): TimelineGeometry => ({
      widthPx: size.widthPx,
      heightPx,
      labelWidthPx: LABEL_WIDTH_PX,
      axisHeightPx: AXIS_HEIGHT_PX,
      laneHeightPx,
      rightPadPx: RIGHT_PAD_PX,
    }),
    [heightPx, laneHeightPx],
  );

  const currentWindow = useCallback((): [number, number] => {
    const w = callbacks.current.getWindow();
    return w ? [w[0], w[1]] : [0, data.endStep];
  }, [data]);

  const rowCount = Math.max(cpuCount, ...extraLanes.map((e) => e.row + 1));
  // Built with the data (not in the first zoom frame): which rows have marks, per bucket of steps.
  const rowBuckets = useMemo(() => (cpuCount > maxCpuLanes ? createRowMarkBuckets(data.marks, rowCount) : undefined), [data, rowCount, cpuCount, maxCpuLanes]);

  const layoutFor = useCallback(
    (startStep: number, endStep: number): LaneLayout => {
      let activeRows: Uint8Array = new Uint8Array(rowCount);
      if (cpuCount > maxCpuLanes) {
        // Rows with events (or span edges) in view always count; rows merely covered by a long span
        // (a CPU stuck in a read-side section) count too, unless that would overflow the lane budget
        // (thousands of spinning CPUs), which would keep blocks from ever splitting when zoomed in.
        const { withEvents, withCover } = activeRowsBoth(data.marks, data.spans, startStep, endStep, rowCount, coverCounts, rowBuckets);
        let covered = 0;
        for (let r = 0; r < cpuCount && covered <= maxCpuLanes; r++) covered += withCover[r];
        activeRows = covered <= maxCpuLanes ? withCover : withEvents;
      }
      return computeLaneLayout({ cpuCount, nodes, activeRows, maxCpuLanes, extraLanes });
    },
    [data, rowCount, rowBuckets, cpuCount, nodes, maxCpuLanes, extraLanes, coverCounts],
  );

  const drawOverlay = useCallback(() => {
    const canvas = overlayRef.current;
    const size = sizeRef.current;
    if (!canvas || !size) return;
    const h = hoverRef.current;
    // Nothing hovered: one blank backing pixel (a full-size canvas would be copied into every frame).
    if (!h || h.lane < 0) return blankCanvas(canvas);
    const g = geometryOf(size);
    resizeCanvas(canvas, { ...size, heightPx });
    const ctx = getCssPixelContext(canvas, size.dpr);
    const [a, b] = currentWindow();
    drawTimelineOverlay(ctx, g, a, b, { lane: h.lane, step: h.step });
  }, [geometryOf, heightPx, currentWindow]);

  const placeCursor = useCallback(() => {
    const line = cursorRef.current;
    const size = sizeRef.current;
    if (!line || !size) return;
    const [a, b] = currentWindow();
    const step = callbacks.current.getCursor();
    const left = cursorLeftPx(geometryOf(size), a, b, step);
    line.style.visibility = left === null ? 'hidden' : 'visible';
    if (left !== null) line.style.transform = `translateX(${left - 1}px)`;
    if (cursorLabelRef.current) cursorLabelRef.current.textContent = String(step);
  }, [geometryOf, currentWindow]);

  /** The data layer of the window [a, b] into `ctx` (sized for `size`, unit one CSS pixel). */
  const drawWindow = useCallback(
    (ctx: Context2D, raster: RunRaster, size: CanvasSize, a: number, b: number) => {
      const layout = layoutFor(a, b);
      const stats = drawTimeline(ctx, raster, size.dpr, data, style, geometryOf(size), layout, a, b, findVisibleMarks(data.marks, a - 1, b + 1));
      return { layout, stats };
    },
    [layoutFor, data, style, geometryOf],
  );

  const drawData = useCallback(() => {
    const canvas = dataRef.current;
    const size = sizeRef.current;
    if (!canvas || !size || size.widthPx < 1) return;
    const t0 = performance.now();
    presenterRef.current ??= createCanvasPresenter(canvas);
    const ctx = presenterRef.current.context({ ...size, heightPx });
    const [a, b] = currentWindow();
    rasterRef.current ??= new RunRaster();
    const { layout, stats } = drawWindow(ctx, rasterRef.current, size, a, b);
    layoutRef.current = layout;
    presenterRef.current.present();
    lastDrawMs = performance.now() - t0;
    lastFrameStats = { ...stats, lanes: layout.lanes.length };
    drawOverlay();
    placeCursor();
  }, [heightPx, currentWindow, drawWindow, drawOverlay, placeCursor]);

  // Warm-up: with a large trace, draw the data layer a few times off screen, in idle time after the data
  // arrives, at narrower windows than the one shown. The draw loops then run compiled by the time the
  // user first zooms (cold, the first zoom frames of a 130k-mark storm took ~30 ms). Nothing is shown.
  useEffect(() => {
    if (data.marks.count + data.spans.count < WARM_UP_MIN_ITEMS || typeof OffscreenCanvas === 'undefined') return;
    const fractions = [1, 0.5, 0.25, 0.5, 1];
    let handle = 0;
    const scratch = new OffscreenCanvas(1, 1);
    const raster = new RunRaster();
    const mine = { data, draws: 0 };
    warmUp = mine;
    const next = () => {
      handle = idle(() => {
        const size = sizeRef.current;
        const i = mine.draws;
        if (!size || i >= fractions.length) return;
        const width = data.endStep * fractions[i];
        const a = (data.endStep - width) * (i % 2 ? 0.3 : 0.6);
        drawWindow(offscreenContext(scratch, { ...size, heightPx }), raster, size, a, a + width);
        mine.draws++;
        next();
      });
    };
    next();
    return () => cancelIdle(handle);
  }, [data, heightPx, drawWindow]);

  // Zoom behaviour: bound once per element.
  useEffect(() => {
    const el = overlayRef.current;
    if (!el) return;
    const z = createTimelineZoom(el, {
      minWindowSteps: callbacks.current.minWindowSteps ?? 4,
      onZoom: (a, b) => callbacks.current.onWindowChange(a, b),
    });
    zoomRef.current = z;
    return () => {
      z.destroy();
      zoomRef.current = null;
    };
  }, []);

  const syncZoom = useCallback(() => {
    const size = sizeRef.current;
    const z = zoomRef.current;
    if (!size || !z) return;
    const g = geometryOf(size);
    z.setExtent({ plotLeftPx: g.labelWidthPx, plotRightPx: g.labelWidthPx + plotWidthPx(g), heightPx, endStep: data.endStep });
    const [a, b] = currentWindow();
    z.setWindow(a, b);
  }, [geometryOf, heightPx, data, currentWindow]);

  useEffect(() => {
    syncZoom();
    requestDraw(drawKey, drawData);
  }, [drawKey, drawData, syncZoom]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const stop = observeCanvasSize(box, (size) => {
      sizeRef.current = size;
      syncZoom();
      requestDraw(drawKey, drawData);
    });
    return () => {
      stop();
      cancelDraw(drawKey);
      cancelDraw(`${drawKey}-overlay`);
    };
  }, [drawKey, drawData, syncZoom]);

  useEffect(
    () =>
      callbacks.current.subscribe((what) => {
        if (what === 'window') {
          const [a, b] = currentWindow();
          zoomRef.current?.setWindow(a, b);
          requestDraw(drawKey, drawData);
        } else {
          // At once (style writes only): a move made inside an animation frame callback still shows in that frame.
          placeCursor();
        }
      }),
    [drawKey, drawData, placeCursor, currentWindow],
  );

  const hitTest = useCallback(
    (clientX: number, clientY: number): Hover | null => {
      const box = boxRef.current;
      const size = sizeRef.current;
      const layout = layoutRef.current;
      if (!box || !size || !layout) return null;
      const rect = box.getBoundingClientRect();
      const x = clientX - rect.left;
      const y = clientY - rect.top;
      const g = geometryOf(size);
      if (x < g.labelWidthPx) return null;
      const [a, b] = currentWindow();
      const scale = windowScale(g, a, b);
      const step = pxToStep(scale, x - g.labelWidthPx);
      const lane = laneAtY(g, layout, y);
      if (lane < 0) return { lane: -1, step, mark: -1, xPx: x, yPx: y };
      const { rowStart, rowEnd } = layout.lanes[lane];
      const radius = PICK_RADIUS_PX / scale.pxPerStep;
      const mark = findNearestMark(data.marks, step, radius, (row) => row >= rowStart && row < rowEnd);
      return { lane, step: mark >= 0 ? data.marks.step[mark] : step, mark, xPx: x, yPx: y };
    },
    [geometryOf, currentWindow, data],
  );

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.buttons) return; // dragging: d3-zoom pans
    const hit = hitTest(e.clientX, e.clientY);
    const next = hit && hit.mark >= 0 ? hit : null;
    const prev = hoverRef.current;
    if (prev?.mark === next?.mark) return;
    hoverRef.current = next;
    requestDraw(`${drawKey}-overlay`, drawOverlay);
    const boxWidth = sizeRef.current?.widthPx ?? 0;
    setTooltip(
      next ? { text: callbacks.current.describeMark(next.mark), xPx: next.xPx, yPx: next.yPx, fromRightPx: boxWidth - next.xPx } : null,
    );
  };

  const onPointerLeave = () => {
    if (!hoverRef.current) return;
    hoverRef.current = null;
    requestDraw(`${drawKey}-overlay`, drawOverlay);
    setTooltip(null);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const hit = hitTest(e.clientX, e.clientY);
    if (!hit) return;
    const step = hit.mark >= 0 ? data.marks.step[hit.mark] : Math.round(hit.step);
    callbacks.current.onPick(Math.max(0, step));
  };

  const style_ = useMemo(() => ({ height: heightPx }), [heightPx]);
  return (
    <div
      ref={boxRef}
      className="relative w-full cursor-crosshair touch-none select-none"
      style={style_}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onClick={onClick}
      aria-label={`${label}: drag to pan, wheel to zoom, click a mark to go to its step`}
    >
      <canvas ref={dataRef} className="absolute inset-0 h-full w-full will-change-transform" aria-hidden="true" />
      <canvas ref={overlayRef} className="absolute inset-0 h-full w-full will-change-transform" aria-hidden="true" />
      <div
        ref={cursorRef}
        className="pointer-events-none absolute left-0 w-0.5 bg-sky-700 will-change-transform"
        style={{ top: AXIS_HEIGHT_PX - 12, height: heightPx - AXIS_HEIGHT_PX + 12, visibility: 'hidden' }}
        aria-hidden="true"
      >
        <span
          ref={cursorLabelRef}
          className="absolute bottom-full left-px -translate-x-1/2 -translate-y-0.5 rounded-sm bg-sky-700 px-1 font-sans text-[11px] leading-[14px] font-bold text-white"
        />
      </div>
      {tooltip && (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-10 max-w-md rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow"
          style={
            tooltip.fromRightPx < 320
              ? { right: tooltip.fromRightPx + 12, top: tooltip.yPx + 12 }
              : { left: tooltip.xPx + 12, top: tooltip.yPx + 12 }
          }
        >
          {tooltip.text}
        </div>
      )}
    </div>
  );
}
