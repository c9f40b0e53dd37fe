// Keep the cursor in view while stepping or playing: when it leaves the zoomed window, the window
// slides (keeping its width) so the cursor sits a quarter in.
import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';

export function useFollowCursor(): void {
  useEffect(
    () =>
      useAppStore.subscribe(
        (s) => s.raceStep,
        (step) => {
          const s = useAppStore.getState();
          const w = s.raceWindow;
          if (!w || (step >= w[0] && step <= w[1])) return;
          const width = w[1] - w[0];
          s.zoomRaceToRange(step - width / 4, step - width / 4 + width);
        },
      ),
    [],
  );
}
