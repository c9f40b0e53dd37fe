// Benchmark (not a test): the races view on a kick storm at 8192 CPUs with at least 100,000 trace
// events. Measured in the page (window.__racesBench): input → the frame that shows the step, for
// stepping (← / →) and scrubbing (the Step slider), and timeline frame intervals and draw times while
// zooming and panning with d3-zoom. Targets: step/scrub p95 ≤ 16.7 ms; pan/zoom at 60 fps.
// A key press lands anywhere in a frame and waits for the next one, so stepping has a floor, printed
// too: the same waits with nothing to show (p95 about one frame, 16.7 ms, on its own).
// Prints the figures; asserts only that the storm is big enough.
import { expect, test } from '@playwright/test';

const STORM_KICKS = 12_000;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const summary = (xs: number[]) =>
  `n=${xs.length} p50=${ms(quantile(xs, 0.5))} p95=${ms(quantile(xs, 0.95))} max=${ms(Math.max(...xs))}`;

async function loadNote(): Promise<string> {
  const os = await import('node:os');
  return `load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`;
}

test('races view: step, scrub, pan and zoom a kick storm at 8192 CPUs', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Races' }).click();
  await page.getByRole('spinbutton', { name: 'CPUs', exact: true }).fill('8192');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kick-storm');
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Storm kicks' }).fill(String(STORM_KICKS));
  const t0 = Date.now();
  const run = (await (
    await page.waitForFunction(
      (kicks) => {
        const s = window.__app?.getState() as
          | { raceRun: { status: string; data: { result: { config: { cpus: number; scenario: string; stormKicks: number }; steps: number; trace: { count: number } } } | null }; raceView: { steps: number } | null }
          | undefined;
        const r = s?.raceRun.data?.result;
        if (!r || s.raceRun.status !== 'done' || r.config.cpus !== 8192 || r.config.scenario !== 'kick-storm' || r.config.stormKicks !== kicks) return null;
        return s.raceView?.steps === r.steps ? { steps: r.steps, events: r.trace.count } : null;
      },
      STORM_KICKS,
      { timeout: 120_000 },
    )
  ).jsonValue()) as { steps: number; events: number };
  const loadMs = Date.now() - t0;
  await page.evaluate(() => window.__app!.whenIdle());
  expect(run.events).toBeGreaterThanOrEqual(100_000);
  console.log(`[races bench] ${await loadNote()}`);
  console.log(`[races bench] kick storm, 8192 CPUs, stormKicks=${STORM_KICKS}: ${run.events.toLocaleString('en-US')} events, ${run.steps.toLocaleString('en-US')} steps; run + schedule + timeline index ${loadMs} ms`);
  await page.getByRole('heading', { name: /^Races:/ }).click();

  // Stepping: from the middle of the run (worst case for snapshot replay), forwards then backwards.
  await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(run.steps / 2) + 3000));
  await page.evaluate(() => window.__app!.whenIdle());
  await page.getByRole('heading', { name: /^Races:/ }).click();
  const floor = await page.evaluate(() => window.__racesBench!.frameFloor(60));
  const forward = await page.evaluate(() => window.__racesBench!.stepLatencies(60, 'ArrowRight'));
  const backward = await page.evaluate(() => window.__racesBench!.stepLatencies(60, 'ArrowLeft'));
  console.log(`[races bench] floor (same waits, nothing to show: the wait for the next frame alone): ${summary(floor)}`);
  console.log(`[races bench] step → (keydown to frame shown): ${summary(forward)}`);
  console.log(`[races bench] step ← (keydown to frame shown): ${summary(backward)}`);

  // Scrubbing: one slider input per frame across the run (a fast drag), and a slow drag nearby.
  const fast = Array.from({ length: 120 }, (_, i) => Math.round(((i + 1) / 120) * (run.steps - 1)));
  const fastScrub = await page.evaluate((t) => window.__racesBench!.scrubLatencies(t), fast);
  const slowStart = Math.floor(run.steps / 3);
  const slow = Array.from({ length: 120 }, (_, i) => slowStart + i);
  const slowScrub = await page.evaluate((t) => window.__racesBench!.scrubLatencies(t), slow);
  console.log(
    `[races bench] scrub, 120 inputs one per frame across the whole run: shown ${summary(fastScrub.shownMs)}; coalesced away ${fastScrub.skipped}; last input ${ms(fastScrub.lastMs)}`,
  );
  console.log(
    `[races bench] scrub, 120 inputs one per frame, +1 step each: shown ${summary(slowScrub.shownMs)}; coalesced away ${slowScrub.skipped}; last input ${ms(slowScrub.lastMs)}`,
  );

  // Pan and zoom the timeline, zoomed out over all events first: a first (cold) pass, then two more.
  for (let pass = 1; pass <= 3; pass++) {
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.evaluate(() => window.__app!.whenIdle());
    const pz = await page.evaluate(() => window.__racesBench!.panZoom(240));
    console.log(
      `[races bench] timeline pan/zoom pass ${pass}${pass === 1 ? ' (cold)' : ''}: frame intervals ${summary(pz.intervalsMs)}; ${pz.intervalsMs.filter((x) => x > 17.5).length} of ${pz.intervalsMs.length} frames over 17.5 ms`,
    );
    console.log(
      `[races bench] timeline pan/zoom pass ${pass}: data-layer draw per frame ${summary(pz.drawMs)}; up to ${pz.maxVisibleMarks.toLocaleString('en-US')} marks in view, ${pz.maxLanes} lanes`,
    );
  }
});
