// Pointer input on the timeline: hit-testing against the lane layout and the marks, the hovered mark
// (drawn on the overlay canvas) with its tooltip, and a click that picks a step.
import { useCallback, useState, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import type { CanvasSize } from '../shared/hiDpiCanvas.ts';
import { laneAtY, windowScale, type TimelineData, type TimelineGeometry } from './drawTimeline.ts';
import { findNearestMark, pxToStep } from './timelineIndex.ts';
import type { LaneLayout } from './timelineLanes.ts';

const PICK_RADIUS_PX = 6;

export interface TimelineHover {
  lane: number;
  step: number;
  mark: number;
  xPx: number;
  yPx: number;
}

export interface TimelineTooltip {
  text: string;
  xPx: number;
  yPx: number;
  fromRightPx: number;
}

export interface TimelineHoverInput {
  data: TimelineData;
  boxRef: RefObject<HTMLDivElement | null>;
  sizeRef: RefObject<CanvasSize | null>;
  layoutRef: RefObject<LaneLayout | null>;
  /** Written here, read by the overlay drawer. */
  hoverRef: RefObject<TimelineHover | null>;
  geometryOf: (size: CanvasSize) => TimelineGeometry;
  currentWindow: () => [number, number];
  /** Schedule an overlay redraw (the hovered mark changed). */
  redrawOverlay: () => void;
  describeMark: (markIndex: number) => string;
  onPick: (step: number) => void;
}

export function useTimelineHover(input: TimelineHoverInput) {
  const { data, boxRef, sizeRef, layoutRef, hoverRef, geometryOf, currentWindow } = input;
  const [tooltip, setTooltip] = useState<TimelineTooltip | null>(null);

  const hitTest = useCallback(
    (clientX: number, clientY: number): TimelineHover | null => {
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
    [boxRef, sizeRef, layoutRef, geometryOf, currentWindow, data],
  );

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.buttons) return; // dragging: d3-zoom pans
    const hit = hitTest(e.clientX, e.clientY);
    const next = hit && hit.mark >= 0 ? hit : null;
    const prev = hoverRef.current;
    if (prev?.mark === next?.mark) return;
    hoverRef.current = next;
    input.redrawOverlay();
    const boxWidth = sizeRef.current?.widthPx ?? 0;
    setTooltip(next ? { text: input.describeMark(next.mark), xPx: next.xPx, yPx: next.yPx, fromRightPx: boxWidth - next.xPx } : null);
  };

  const onPointerLeave = () => {
    if (!hoverRef.current) return;
    hoverRef.current = null;
    input.redrawOverlay();
    setTooltip(null);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const hit = hitTest(e.clientX, e.clientY);
    if (!hit) return;
    const step = hit.mark >= 0 ? data.marks.step[hit.mark] : Math.round(hit.step);
    input.onPick(Math.max(0, step));
  };

  return { tooltip, onPointerMove, onPointerLeave, onClick };
}
