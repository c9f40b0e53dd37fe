// Keeps an absolutely placed hover box inside the viewport: after each render that moves it (`key`), it is
// measured and, when it pokes out, shifted back in with a CSS translate (no re-render).
import { useLayoutEffect, type RefObject } from 'react';
import { shiftIntoViewport } from './placeTooltip.ts';

export function useKeepInViewport(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.translate = '';
    const { dx, dy } = shiftIntoViewport(el.getBoundingClientRect(), window.innerWidth, window.innerHeight);
    if (dx || dy) el.style.translate = `${dx}px ${dy}px`;
  }, [ref, key]);
}
