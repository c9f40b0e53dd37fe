// d3-zoom bound imperatively to the timeline (xyflow's XYPanZoom style): x-only zoom and pan over
// the plot area. The transform stays inside d3; callers get and set only the step window
// [startStep, endStep], which is what the store (and the URL) keep.
import { scaleLinear, select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';

export interface TimelineZoomOptions {
  /** The user zoomed or panned: the new visible window. */
  onZoom: (startStep: number, endStep: number) => void;
  /** Narrowest window, steps. */
  minWindowSteps: number;
}

export interface TimelineZoomExtent {
  /** Plot area in element CSS px: [left, right]. */
  plotLeftPx: number;
  plotRightPx: number;
  heightPx: number;
  /** Domain [0, endStep]. */
  endStep: number;
}

export interface TimelineZoom {
  /** New size or domain; keeps the current window. */
  setExtent: (extent: TimelineZoomExtent) => void;
  /** Show [startStep, endStep] without calling onZoom. */
  setWindow: (startStep: number, endStep: number) => void;
  destroy: () => void;
}

export function createTimelineZoom(element: HTMLElement, options: TimelineZoomOptions): TimelineZoom {
  let extent: TimelineZoomExtent = { plotLeftPx: 0, plotRightPx: 1, heightPx: 1, endStep: 1 };
  let silent = false;
  const base = () => scaleLinear().domain([0, extent.endStep]).range([extent.plotLeftPx, extent.plotRightPx]);

  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>().on(
    'zoom',
    (event: D3ZoomEvent<HTMLElement, unknown>) => {
      if (silent || !event.sourceEvent) return;
      const [a, b] = event.transform.rescaleX(base()).domain();
      options.onZoom(a, b);
    },
  );

  const configure = () => {
    const maxK = Math.max(1, extent.endStep / Math.max(1e-9, options.minWindowSteps));
    behavior
      .scaleExtent([1, maxK])
      .extent([
        [extent.plotLeftPx, 0],
        [extent.plotRightPx, extent.heightPx],
      ])
      .translateExtent([
        [extent.plotLeftPx, 0],
        [extent.plotRightPx, extent.heightPx],
      ]);
  };

  const selection = select(element);
  configure();
  selection.call(behavior).on('dblclick.zoom', null);

  const setWindow = (startStep: number, endStep: number) => {
    const b = base();
    const span = Math.max(1e-9, endStep - startStep);
    const k = Math.max(1, extent.endStep / span);
    const tx = extent.plotLeftPx - k * b(startStep);
    silent = true;
    try {
      behavior.transform(selection, zoomIdentity.translate(tx, 0).scale(k));
    } finally {
      silent = false;
    }
  };

  return {
    setExtent(next) {
      extent = next;
      configure();
    },
    setWindow,
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
