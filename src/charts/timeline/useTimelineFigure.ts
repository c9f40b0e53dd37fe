// Offers the timeline to the exports (src/export/figures/figureRegistry.ts): the visible window
// ('visible') or the whole run ('whole'), drawn by the timeline's own drawWindow into the export's
// surface, with a raster of its own.
import type { RefObject } from 'react';
import { useFigureSource } from '../../export/figures/figureRegistry.ts';
import type { CanvasSize, Context2D } from '../shared/hiDpiCanvas.ts';
import { RunRaster } from './runRaster.ts';

type DrawWindow = (ctx: Context2D, raster: RunRaster, size: CanvasSize, a: number, b: number) => unknown;

export function useTimelineFigure(
  figureId: string | undefined,
  sizeRef: RefObject<CanvasSize | null>,
  heightPx: number,
  endStep: number,
  currentWindow: () => [number, number],
  drawWindow: DrawWindow,
): void {
  useFigureSource(figureId, (variant) => {
    const size = sizeRef.current;
    if (!size || size.widthPx < 1) return null;
    const [a, b] = variant === 'whole' ? [0, endStep] : currentWindow();
    return {
      widthPx: size.widthPx,
      heightPx,
      draw: (ctx, dpr) => drawWindow(ctx, new RunRaster(), { ...size, heightPx, dpr }, a, b),
    };
  });
}
