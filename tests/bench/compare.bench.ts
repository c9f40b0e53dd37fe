// Benchmark (not a test): the compare view on a kick storm at 8192 CPUs, kernel A merged against kernel
// B 6.18.10 (the a379fa1e2cae rule: a very different trace, so the alignment is windowed), both runs in
// the worker. Prints the load (both runs + alignment + timeline indexes), then per input "input → the
// frame after it done" for stepping (A's cursor, B follows through the alignment), "Next difference"
// and zooming the shared window, beside the floor of that measure (the same waits, nothing to do).
// The worker-side alignment time alone is in `npm run bench` (model part, case diff-align).
import { expect, test } from '@playwright/test';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const summary = (xs: number[]) =>
  `n=${xs.length} p50=${quantile(xs, 0.5).toFixed(1)} ms p95=${quantile(xs, 0.95).toFixed(1)} ms max=${Math.max(...xs).toFixed(1)} ms`;

interface BenchStore {
  compareRun: {
    status: string;
    data: { a: { result: { steps: number } }; b: { result: { steps: number } }; diff: { hunks: unknown[]; window: unknown } } | null;
  };
  setCompareStep: (side: 'a' | 'b', step: number) => void;
  zoomCompareToRange: (a: number, b: number) => void;
}

test('compare view: load, step and zoom a kick storm at 8192 CPUs on two kernels', async ({ page }) => {
  const t0 = Date.now();
  await page.goto('/?v=1&m=1&view=compare&cpus=8192&cscen=kick-storm&cb=k-6.18.10&csrc=random');
  const loaded = (await (
    await page.waitForFunction(
      () => {
        const s = window.__app?.getState() as BenchStore | undefined;
        const d = s?.compareRun.data;
        return d && s.compareRun.status === 'done'
          ? { a: d.a.result.steps, b: d.b.result.steps, hunks: d.diff.hunks.length, windowed: d.diff.window !== null }
          : null;
      },
      undefined,
      { timeout: 180_000 },
    )
  ).jsonValue()) as { a: number; b: number; hunks: number; windowed: boolean };
  const loadMs = Date.now() - t0;
  await page.evaluate(() => window.__app!.whenIdle());
  expect(loaded.a).toBeGreaterThan(10_000);
  console.log(
    `[compare bench] kick storm, 8192 CPUs, A merged vs B 6.18.10: ${loaded.a.toLocaleString('en-US')} / ${loaded.b.toLocaleString('en-US')} steps, ${loaded.hunks} differences${loaded.windowed ? ' (windowed alignment)' : ''}; page load + both runs + alignment + timelines ${loadMs} ms`,
  );
  const measure = (kind: 'floor' | 'step' | 'zoom', n: number) =>
    page.evaluate(
      async ({ kind, n, steps }) => {
        const s = window.__app!.getState() as BenchStore;
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const out: number[] = [];
        await frame();
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          if (kind === 'step') s.setCompareStep('a', Math.floor(steps / 3) + i * 37);
          if (kind === 'zoom') {
            const w = 200 + ((i * 997) % 5000);
            s.zoomCompareToRange(steps / 2 - w, steps / 2 + w);
          }
          await frame();
          out.push(performance.now() - t);
        }
        return out;
      },
      { kind, n, steps: loaded.a },
    );
  console.log(`[compare bench] floor (a frame, nothing to do): ${summary(await measure('floor', 60))}`);
  console.log(`[compare bench] step A (B follows): ${summary(await measure('step', 60))}`);
  console.log(`[compare bench] zoom the shared window: ${summary(await measure('zoom', 60))}`);
});
