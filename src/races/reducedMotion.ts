// prefers-reduced-motion and Play: with reduced motion, Play still moves through the run, but slowly
// enough that each step is a still picture one can read (at most REDUCED_MOTION_MAX_SPEED steps per
// second), and the step emphasis is a still outline (index.css). The system setting is followed live.
import { useSyncExternalStore } from 'react';

/** Fastest Play under prefers-reduced-motion, steps per second. */
export const REDUCED_MOTION_MAX_SPEED = 1;

const QUERY = '(prefers-reduced-motion: reduce)';

/** The speed Play runs at: the chosen one, capped under reduced motion. */
export function effectivePlaySpeed(stepsPerSecond: number, reducedMotion: boolean): number {
  return reducedMotion ? Math.min(stepsPerSecond, REDUCED_MOTION_MAX_SPEED) : stepsPerSecond;
}

/** The system's reduced-motion setting now (false where matchMedia does not exist). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const mq = matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** The reduced-motion setting, re-rendering when it changes. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
