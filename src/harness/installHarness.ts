// The test and bench harness, loaded only by a harness build (`npm run build:harness`, i.e.
// `vite build --mode harness`; see src/main.tsx) and never by the product build, which a test checks
// (tests/build/bundle.test.ts). It listens to the timing probe (src/lib/probe.ts) and installs:
// window.__app (e2e: whenIdle, getState, failNextSimCall), window.__bench (heatmap redraws) and
// window.__racesBench (races view timing). The browser benches that use them are in tests/bench/.
import { installAppHooks } from './appHooks.ts';
import { installHeatmapBench } from './heatmapBench.ts';
import { installProbeLog } from './probeLog.ts';
import { installRacesBench } from './racesBench.ts';

export function installHarness(): void {
  installProbeLog();
  installAppHooks();
  installHeatmapBench();
  installRacesBench();
}
