// window.__app for end-to-end tests (Perfetto's waitForPerfettoIdle idea): wait until no worker
// request is in flight and no frame is pending, read state, or make the next worker call fail.
import { hasPendingDraw } from '../charts/shared/frameScheduler.ts';
import { simRequestsInFlight } from '../sim/simRequest.ts';
import { useAppStore } from '../state/store.ts';
import { failNextSimCall } from './faultInjection.ts';

export interface AppTestHooks {
  /** Resolves once no request is in flight and no draw is pending for two consecutive frames. */
  whenIdle: () => Promise<void>;
  /** The next worker call rejects inside the worker (a real round trip through comlink). */
  failNextSimCall: () => void;
  getState: () => unknown;
}

declare global {
  interface Window {
    __app?: AppTestHooks;
  }
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    let quietFrames = 0;
    const check = () => {
      quietFrames = simRequestsInFlight() === 0 && !hasPendingDraw() ? quietFrames + 1 : 0;
      if (quietFrames >= 2) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

export function installAppHooks(): void {
  window.__app = { whenIdle, failNextSimCall, getState: useAppStore.getState };
}
