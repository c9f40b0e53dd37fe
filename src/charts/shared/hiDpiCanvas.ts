// Crisp canvases on any screen: the backing store is CSS size × devicePixelRatio, and drawing code
// works in CSS pixels through a transform. Canvases that change rarely are drawn off screen and shown
// through a 'bitmaprenderer' context (createCanvasPresenter): with software compositing, a 2D canvas on
// the page is copied into every frame that changes anything on the page, even when the canvas did not.

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

/** Either kind of 2D context: drawers work on both. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

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

/** The 2D context of an off-screen canvas sized to `size` (× dpr), unit one CSS pixel. */
export function offscreenContext(offscreen: OffscreenCanvas, size: CanvasSize): OffscreenCanvasRenderingContext2D {
  const ctx = offscreen.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available in this browser.');
  const w = Math.max(1, Math.round(size.widthPx * size.dpr));
  const h = Math.max(1, Math.round(size.heightPx * size.dpr));
  if (offscreen.width !== w || offscreen.height !== h) {
    offscreen.width = w;
    offscreen.height = h;
  }
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  return ctx;
}

/** Draws off screen and shows the result on a canvas element; see the file comment. */
export interface CanvasPresenter {
  /** A context of `size` (backing store size × dpr, cleared only by resizing), unit one CSS pixel. */
  context: (size: CanvasSize) => Context2D;
  /** Show what was drawn since context(); the off-screen canvas starts blank again. */
  present: () => void;
}

/**
 * A presenter for `display` (which then belongs to it: no other context may be taken), or one that
 * draws on `display` directly where OffscreenCanvas or 'bitmaprenderer' is missing.
 */
export function createCanvasPresenter(display: HTMLCanvasElement): CanvasPresenter {
  const renderer = typeof OffscreenCanvas === 'undefined' ? null : display.getContext('bitmaprenderer');
  if (!renderer) {
    return { context: (size) => (resizeCanvas(display, size), getCssPixelContext(display, size.dpr)), present: () => {} };
  }
  const offscreen = new OffscreenCanvas(1, 1);
  return {
    context(size) {
      const ctx = offscreenContext(offscreen, size);
      // The element's own size only sets its intrinsic size (CSS sizes the box); keep it matching.
      if (display.width !== offscreen.width || display.height !== offscreen.height) {
        display.width = offscreen.width;
        display.height = offscreen.height;
      }
      return ctx;
    },
    present() {
      renderer.transferFromImageBitmap(offscreen.transferToImageBitmap());
    },
  };
}

/** Shrink a canvas with nothing to show to one backing pixel (a full-size one is copied every frame). */
export function blankCanvas(canvas: HTMLCanvasElement): void {
  // Resizing clears it; a canvas already this small was blanked before.
  if (canvas.width !== 1 || canvas.height !== 1) {
    canvas.width = 1;
    canvas.height = 1;
  }
}
