// The step view for a panel that can be scrolled out of sight. On screen, the panel follows every step
// in the same commit as the status line. Off screen it catches up at most every HIDDEN_REFRESH_MS while
// the cursor moves, and at once when it scrolls into view: stepping, scrubbing and playing pay only for
// the panels a person can see (the status line, a live region, always follows every step).
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { StepView } from '../../workers/api.ts';
import { useAppStore } from '../state/store.ts';

export const HIDDEN_REFRESH_MS = 200;

export function useRaceViewWhenVisible(ref: RefObject<Element | null>): StepView | null {
  const [view, setView] = useState(() => useAppStore.getState().raceView);
  const visible = useRef(true);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const catchUp = () => {
      clearTimeout(timer);
      timer = undefined;
      setView(useAppStore.getState().raceView);
    };
    const el = ref.current;
    const io =
      el && typeof IntersectionObserver !== 'undefined'
        ? new IntersectionObserver((entries) => {
            visible.current = entries[entries.length - 1].isIntersecting;
            if (visible.current) catchUp();
          })
        : null;
    if (io && el) io.observe(el);
    const off = useAppStore.subscribe(
      (s) => s.raceView,
      (next) => {
        if (visible.current) {
          clearTimeout(timer);
          timer = undefined;
          setView(next);
        } else if (timer === undefined) {
          timer = setTimeout(catchUp, HIDDEN_REFRESH_MS);
        }
      },
    );
    catchUp(); // a view that arrived between the first render and this subscription
    return () => {
      off();
      io?.disconnect();
      clearTimeout(timer);
    };
  }, [ref]);
  return view;
}
