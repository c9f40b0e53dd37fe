// Thin React shell of the timeline: two canvases (the data layer, drawn off screen and shown as a
// bitmap, and the overlay: the hovered mark's outline and, for a moment after each step, a halo on the
// step's marks (stepEmphasis.ts); one blank pixel while it has nothing to show, since with software
// compositing a full-size 2D canvas is copied into every frame), the cursor (a DOM line moved with a
// transform), d3-zoom bound once, and a tooltip (TimelineTip). The visible window and the cursor are read
// through callbacks from a subscription: the window redraws via the shared frame scheduler, the cursor
// moves at once; zooming, panning and stepping never re-render React.
// Beside it: the lane layout (useLaneLayout), pointer input (useTimelineHover), the warm-up draws.
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { probe, probeClock } from '../../lib/probe.ts';
import { cancelDraw, requestDraw } from '../shared/frameScheduler.ts';
import {
  blankCanvas,
  createCanvasPresenter,
  getCssPixelContext,
  observeCanvasSize,
  resizeCanvas,
  type CanvasPresenter,
  type CanvasSize,
  type Context2D,
} from '../shared/hiDpiCanvas.ts';
import {
  cursorLeftPx,
  drawTimeline,
  drawTimelineOverlay,
  plotWidthPx,
  type TimelineData,
  type TimelineGeometry,
  type TimelineStyle,
} from './drawTimeline.ts';
import { RunRaster } from './runRaster.ts';
import { useTimelineFigure } from './useTimelineFigure.ts';
import { TimelineTip } from './TimelineTip.tsx';
import { createStepEmphasis, drawStepEmphasis, lanesWithMarksAt } from './stepEmphasis.ts';
import { findVisibleMarks } from './timelineIndex.ts';
import type { ExtraLane, LaneLayout } from './timelineLanes.ts';
import { createTimelineZoom, type TimelineZoom } from './timelineZoom.ts';
import { useLaneLayout } from './useLaneLayout.ts';
import { useTimelineHover, type TimelineHover } from './useTimelineHover.ts';
import { useTimelineWarmUp } from './useTimelineWarmUp.ts';

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
  /** Offer the timeline to the exports under this id (useTimelineFigure). */
  figureId?: string;
}

const LABEL_WIDTH_PX = 118;
const AXIS_HEIGHT_PX = 36;
const RIGHT_PAD_PX = 10;

/** Probe name: one data-layer draw, { ms, markRuns, spanRuns, visibleMarks, lanes } (src/lib/probe.ts). */
export const TIMELINE_DRAW_PROBE = 'timeline.draw';

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
  const hoverRef = useRef<TimelineHover | null>(null);
  const emphasisRef = useRef<ReturnType<typeof createStepEmphasis> | null>(null);
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

  const layoutFor = useLaneLayout({ data, cpuCount, nodes, extraLanes, maxCpuLanes, coverCounts });

  const drawOverlay = useCallback(() => {
    const canvas = overlayRef.current;
    const size = sizeRef.current;
    if (!canvas || !size) return;
    const h = hoverRef.current?.lane === -1 ? null : hoverRef.current;
    const emphasis = emphasisRef.current?.step() ?? -1;
    // Nothing hovered or emphasised: one blank backing pixel (a full-size canvas is copied into every frame).
    if (!h && emphasis < 0) return blankCanvas(canvas);
    const g = geometryOf(size);
    resizeCanvas(canvas, { ...size, heightPx });
    const ctx = getCssPixelContext(canvas, size.dpr);
    const [a, b] = currentWindow();
    drawTimelineOverlay(ctx, g, a, b, h && { lane: h.lane, step: h.step });
    const laneOfRow = layoutRef.current?.laneOfRow;
    if (emphasis >= 0 && laneOfRow) drawStepEmphasis(ctx, g, a, b, emphasis, lanesWithMarksAt(data.marks, laneOfRow, emphasis));
  }, [geometryOf, heightPx, currentWindow, data]);

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
      const stats = drawTimeline(
        ctx,
        raster,
        size.dpr,
        data,
        style,
        geometryOf(size),
        layout,
        a,
        b,
        findVisibleMarks(data.marks, a - 1, b + 1),
      );
      return { layout, stats };
    },
    [layoutFor, data, style, geometryOf],
  );

  const drawData = useCallback(() => {
    const canvas = dataRef.current;
    const size = sizeRef.current;
    if (!canvas || !size || size.widthPx < 1) return;
    const t0 = probeClock();
    presenterRef.current ??= createCanvasPresenter(canvas);
    const ctx = presenterRef.current.context({ ...size, heightPx });
    const [a, b] = currentWindow();
    rasterRef.current ??= new RunRaster();
    const { layout, stats } = drawWindow(ctx, rasterRef.current, size, a, b);
    layoutRef.current = layout;
    presenterRef.current.present();
    probe(TIMELINE_DRAW_PROBE, () => ({ ms: probeClock() - t0, ...stats, lanes: layout.lanes.length }));
    drawOverlay();
    placeCursor();
  }, [heightPx, currentWindow, drawWindow, drawOverlay, placeCursor]);

  useTimelineWarmUp(data, sizeRef, heightPx, drawWindow);
  useTimelineFigure(props.figureId, sizeRef, heightPx, data.endStep, currentWindow, drawWindow);

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
          if (emphasisRef.current?.start(callbacks.current.getCursor())) requestDraw(`${drawKey}-overlay`, drawOverlay);
        }
      }),
    [drawKey, drawData, drawOverlay, placeCursor, currentWindow],
  );
  useEffect(() => {
    const e = (emphasisRef.current = createStepEmphasis(() => requestDraw(`${drawKey}-overlay`, drawOverlay)));
    return e.stop;
  }, [drawKey, drawOverlay]);

  const { tooltip, onPointerMove, onPointerLeave, onClick } = useTimelineHover({
    data,
    boxRef,
    sizeRef,
    layoutRef,
    hoverRef,
    geometryOf,
    currentWindow,
    redrawOverlay: () => requestDraw(`${drawKey}-overlay`, drawOverlay),
    describeMark: (mark) => callbacks.current.describeMark(mark),
    onPick: (step) => callbacks.current.onPick(step),
  });

  const style_ = useMemo(() => ({ height: heightPx }), [heightPx]);
  return (
    <div
      ref={boxRef}
      className="relative w-full cursor-crosshair touch-none select-none"
      style={style_}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onClick={onClick}
      role="group"
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
      <TimelineTip tooltip={tooltip} />
    </div>
  );
}
