// "Play": advance the cursor at the chosen speed (capped under prefers-reduced-motion: reducedMotion.ts), one animation frame at a time, and stop at the end.
// The cursor may run ahead of the views while the worker is busy; the newest step is always shown next.
import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';
import { selectRacePlaying } from './raceSelectors.ts';
import { effectivePlaySpeed, prefersReducedMotion } from './reducedMotion.ts';

export function useRacePlayer(): void {
  const playing = useAppStore(selectRacePlaying);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      const s = useAppStore.getState();
      const lastStep = s.raceRun.data?.result.steps ?? 0;
      carry += ((now - last) / 1000) * effectivePlaySpeed(s.raceSpeed, prefersReducedMotion());
      last = now;
      const whole = Math.floor(carry);
      if (whole >= 1) {
        carry -= whole;
        const next = Math.min(lastStep, s.raceStep + whole);
        s.setRaceStep(next);
        if (next >= lastStep) {
          s.setRacePlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
