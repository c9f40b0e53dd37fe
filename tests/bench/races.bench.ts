// Benchmark (not a test): the races view on a kick storm at 8192 CPUs with at least 100,000 trace
// events. Measured in the page (window.__racesBench), for stepping (← / →) and scrubbing (the Step
// slider): "render" = input → the step's view committed (worker reply, React commit, canvases) plus
// the browser's work in the frame that shows it (callbacks, style, layout, paint) — the time the step
// takes to render, target p95 ≤ 16.7 ms (one frame); "late" = frames that began after the input and
// still showed the old step (0 = shown in the first frame after the input); "shown" = input → that
// frame done, which adds the idle wait for the frame: a key press lands anywhere in a frame, so it has
// a floor of up to one frame on its own, printed too (the same waits with nothing to show).
// Pan/zoom: timeline frame intervals and draw times while d3-zoom is driven, one event per frame.
// Prints the figures; asserts only that the storm is big enough.
import { expect, test } from '@playwright/test';
import type { InputTiming } from '../../src/harness/frameTiming.ts';

const STORM_KICKS = 12_000;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const summary = (xs: number[]) => `n=${xs.length} p50=${ms(quantile(xs, 0.5))} p95=${ms(quantile(xs, 0.95))} max=${ms(Math.max(...xs))}`;
const timings = (ts: InputTiming[]) => {
  const late = ts.filter((t) => t.framesLate > 0).length;
  const p95 = (f: (t: InputTiming) => number) => ms(quantile(ts.map(f), 0.95));
  return `render ${summary(ts.map((t) => t.renderMs))} (commit p95 ${p95((t) => t.commitMs)}, frame p95 ${p95((t) => t.frameMs)}) | shown in the first frame after the input: ${ts.length - late} of ${ts.length} | input → frame done (with the wait for it) p50=${ms(
    quantile(
      ts.map((t) => t.shownMs),
      0.5,
    ),
  )} p95=${ms(
    quantile(
      ts.map((t) => t.shownMs),
      0.95,
    ),
  )}`;
};

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
          | {
              raceRun: {
                status: string;
                data: {
                  result: { config: { cpus: number; scenario: string; stormKicks: number }; steps: number; trace: { count: number } };
                } | null;
              };
              raceView: { steps: number } | null;
            }
          | undefined;
        const r = s?.raceRun.data?.result;
        if (
          !r ||
          s.raceRun.status !== 'done' ||
          r.config.cpus !== 8192 ||
          r.config.scenario !== 'kick-storm' ||
          r.config.stormKicks !== kicks
        )
          return null;
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
  console.log(
    `[races bench] kick storm, 8192 CPUs, stormKicks=${STORM_KICKS}: ${run.events.toLocaleString('en-US')} events, ${run.steps.toLocaleString('en-US')} steps; run + schedule + timeline index ${loadMs} ms`,
  );
  await page.getByRole('heading', { name: /^Races:/ }).click();

  // Stepping: from the middle of the run (worst case for snapshot replay), forwards then backwards.
  await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(run.steps / 2) + 3000));
  await page.evaluate(() => window.__app!.whenIdle());
  await page.getByRole('heading', { name: /^Races:/ }).click();
  const floor = await page.evaluate(() => window.__racesBench!.frameFloor(60));
  const forward = await page.evaluate(() => window.__racesBench!.stepLatencies(60, 'ArrowRight'));
  const backward = await page.evaluate(() => window.__racesBench!.stepLatencies(60, 'ArrowLeft'));
  console.log(`[races bench] step →: ${timings(forward)}`);
  console.log(`[races bench] step ←: ${timings(backward)}`);
  console.log(`[races bench] floor of "input → frame done" (same waits, nothing to show): ${summary(floor)}`);

  // Scrubbing: one slider input per frame across the run (a fast drag), and a slow drag nearby.
  const fast = Array.from({ length: 120 }, (_, i) => Math.round(((i + 1) / 120) * (run.steps - 1)));
  const fastScrub = await page.evaluate((t) => window.__racesBench!.scrubLatencies(t), fast);
  const slowStart = Math.floor(run.steps / 3);
  const slow = Array.from({ length: 120 }, (_, i) => slowStart + i);
  const slowScrub = await page.evaluate((t) => window.__racesBench!.scrubLatencies(t), slow);
  console.log(
    `[races bench] scrub, 120 inputs one per frame across the whole run: ${timings(fastScrub.shown)}; coalesced away ${fastScrub.skipped}; last input render ${ms(fastScrub.last.renderMs)}`,
  );
  console.log(
    `[races bench] scrub, 120 inputs one per frame, +1 step each: ${timings(slowScrub.shown)}; coalesced away ${slowScrub.skipped}; last input render ${ms(slowScrub.last.renderMs)}`,
  );

  // Play at the fastest speed from the middle of the run: every frame should show a new step.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('500');
  await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(run.steps / 2)));
  await page.evaluate(() => window.__app!.whenIdle());
  const played = await page.evaluate(() => window.__racesBench!.play(180));
  console.log(
    `[races bench] play at 500 steps/s for 180 frames: ${played.steps} steps; frame intervals ${summary(played.intervalsMs)}, ${played.intervalsMs.filter((x) => x > 17.5).length} over 17.5 ms; frames showing a new step ${played.framesWithNewStep} of 180; cursor ahead of the step shown p50=${quantile(played.lagSteps, 0.5)} p95=${quantile(played.lagSteps, 0.95)} steps`,
  );
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');

  // The same with the page scrolled down to Code, Events and Next step (the timeline and grid above,
  // out of sight): the panels a person reads while stepping slowly.
  await page.getByRole('region', { name: 'Code' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.__app!.whenIdle());
  const lowerForward = await page.evaluate(() => window.__racesBench!.stepLatencies(60, 'ArrowRight'));
  const lowerScrub = await page.evaluate((t) => window.__racesBench!.scrubLatencies(t), fast);
  console.log(`[races bench] scrolled to Code/Events/Next step: step →: ${timings(lowerForward)}`);
  console.log(
    `[races bench] scrolled to Code/Events/Next step: scrub across the whole run: ${timings(lowerScrub.shown)}; coalesced away ${lowerScrub.skipped}`,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => window.__app!.whenIdle());

  // Pan and zoom the timeline, zoomed out over all events first: a first pass, then two more. The
  // timeline draws itself off screen a few times in idle time after a load (its warm-up), so the first
  // pass is the first zoom a person makes after the run has loaded, not a cold start of the draw code.
  console.log(
    `[races bench] timeline warm-up draws done in idle time since the page loaded: ${await page.evaluate(() => window.__racesBench!.timelineWarmUpDraws())}`,
  );
  for (let pass = 1; pass <= 3; pass++) {
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.evaluate(() => window.__app!.whenIdle());
    const pz = await page.evaluate(() => window.__racesBench!.panZoom(240));
    console.log(
      `[races bench] timeline pan/zoom pass ${pass}${pass === 1 ? ' (first zoom after the load)' : ''}: frame intervals ${summary(pz.intervalsMs)}; ${pz.intervalsMs.filter((x) => x > 17.5).length} of ${pz.intervalsMs.length} frames over 17.5 ms`,
    );
    console.log(
      `[races bench] timeline pan/zoom pass ${pass}: data-layer draw per frame ${summary(pz.drawMs)}; up to ${pz.maxVisibleMarks.toLocaleString('en-US')} marks in view, ${pz.maxLanes} lanes, up to ${pz.maxRuns.toLocaleString('en-US')} filled runs`,
    );
  }
});
