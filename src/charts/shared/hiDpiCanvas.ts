// Crisp canvases on any screen: the backing store is CSS size × devicePixelRatio, and drawing code
// works in CSS pixels through a transform.

export interface CanvasSize {
  widthPx: number;
  heightPx: number;
  dpr: number;
}

/** Size the backing store for `size`; returns false when it already had that size. */
export function resizeCanvas(canvas: HTMLCanvasElement, size: CanvasSize): boolean {
  const w = Math.max(1, Math.round(size.widthPx * size.dpr));
  const h = Math.max(1, Math.round(size.heightPx * size.dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}

/** A 2D context whose unit is one CSS pixel. */
export function getCssPixelContext(canvas: HTMLCanvasElement, dpr: number): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available in this browser.');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * Calls `onResize` with the element's CSS content size and the current devicePixelRatio, now and
 * whenever either changes. Returns a function that stops observing.
 */
export function observeCanvasSize(element: Element, onResize: (size: CanvasSize) => void): () => void {
  let last: CanvasSize = { widthPx: -1, heightPx: -1, dpr: -1 };
  const report = (widthPx: number, heightPx: number) => {
    const size = { widthPx: Math.floor(widthPx), heightPx: Math.floor(heightPx), dpr: window.devicePixelRatio || 1 };
    if (size.widthPx === last.widthPx && size.heightPx === last.heightPx && size.dpr === last.dpr) return;
    last = size;
    onResize(size);
  };
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].contentRect;
    report(box.width, box.height);
  });
  observer.observe(element);
  const rect = element.getBoundingClientRect();
  report(rect.width, rect.height);
  const media = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
  const onDprChange = () => {
    const r = element.getBoundingClientRect();
    report(r.width, r.height);
  };
  media.addEventListener('change', onDprChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onDprChange);
  };
}
