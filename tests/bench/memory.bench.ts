// Benchmark (not a test): drag the "CPUs" slider across its whole range with the real mouse and
// report frame times and long tasks (rAF intervals and the Long Animation Frames API), then time heatmap redraws of 16384 cells.
// Targets: p95 frame ≤ 16.7 ms, no long task > 50 ms, heatmap redraw ≤ 4 ms. Prints; asserts nothing about time.
import { expect, test, type Page } from '@playwright/test';

interface Recorded {
  frames: number[];
  longTasks: number[];
  loafs: Loaf[];
  events: number[];
}

/** A long animation frame and where its time went (script attribution, render phase). */
interface Loaf {
  duration: number;
  blocking: number;
  scriptMs: number;
  renderMs: number;
  scripts: string[];
}

async function startRecording(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { __rec: boolean };
    const frames: number[] = [];
    const longTasks: number[] = [];
    const loafs: {
      duration: number;
      blocking: number;
      scriptMs: number;
      renderMs: number;
      scripts: string[];
    }[] = [];
    const events: number[] = [];
    Object.assign(w, { __frames: frames, __lt: longTasks, __loaf: loafs, __ev: events, __rec: true });
    let last = 0;
    const tick = (t: number) => {
      frames.push(t - last);
      last = t;
      if (w.__rec) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
    try {
      type Script = { duration: number; invoker: string; sourceURL: string; sourceFunctionName: string };
      type LoafEntry = PerformanceEntry & { blockingDuration: number; renderStart: number; scripts: Script[] };
      new PerformanceObserver((l) =>
        (l.getEntries() as LoafEntry[]).forEach((e) =>
          loafs.push({
            duration: e.duration,
            blocking: e.blockingDuration,
            scriptMs: e.scripts.reduce((a, sc) => a + sc.duration, 0),
            renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            scripts: e.scripts
              .filter((sc) => sc.duration >= 5)
              .map((sc) => `${sc.invoker} ${sc.sourceFunctionName || ''}@${sc.sourceURL.split('/').pop()} ${sc.duration.toFixed(0)}ms`),
          }),
        ),
      ).observe({ type: 'long-animation-frame' });
    } catch {
      /* LoAF not supported */
    }
    new PerformanceObserver((l) => l.getEntries().forEach((e) => events.push(e.duration))).observe({
      type: 'event',
      durationThreshold: 16,
    } as PerformanceObserverInit);
  });
}

async function stopRecording(page: Page): Promise<Recorded> {
  await page.waitForTimeout(150);
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { __rec: boolean };
    w.__rec = false;
    return {
      frames: (w.__frames as number[]).slice(1),
      longTasks: w.__lt as number[],
      loafs: w.__loaf as Loaf[],
      events: w.__ev as number[],
    };
  });
}

/** Whether another process is loading this machine: the figures are noisier then. */
async function loadNote(): Promise<string> {
  const os = await import('node:os');
  const [one] = os.loadavg();
  return `load average ${one.toFixed(2)} on ${os.cpus().length} CPUs`;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

test('memory view: drag the CPUs slider across its range; redraw the 16384-cell heatmap', async ({ page }) => {
  await page.goto('/');
  const slider = page.getByRole('slider', { name: 'CPUs' });
  const summary = page.getByLabel('CPU grid summary');
  await expect(summary).toContainText('512 CPUs');
  await page.evaluate(() => window.__app!.whenIdle());
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const moves = 100;

  console.log(`[memory bench] ${await loadNote()}`);
  for (let run = 1; run <= 3; run++) {
    await page.mouse.move(box.x + 1, y);
    await page.mouse.down();
    await page.evaluate(() => window.__app!.whenIdle());
    await startRecording(page);
    const t0 = Date.now();
    for (let i = 0; i < moves; i++) await page.mouse.move(box.x + 1 + ((box.width - 2) * i) / (moves - 1), y);
    await page.mouse.up();
    await page.evaluate(() => window.__app!.whenIdle());
    const elapsed = Date.now() - t0;
    const r = await stopRecording(page);
    await expect(summary).toContainText('16384 CPUs');
    console.log(
      `[memory bench] slider drag run ${run}: ${moves} moves in ${elapsed} ms, frames n=${r.frames.length}` +
        ` p50=${ms(quantile(r.frames, 0.5))} p95=${ms(quantile(r.frames, 0.95))} max=${ms(Math.max(...r.frames))}` +
        ` | long tasks: ${r.longTasks.length}, longest ${ms(r.longTasks.length ? Math.max(...r.longTasks) : 0)}` +
        ` | LoAF: ${r.loafs.length}, longest ${ms(r.loafs.length ? Math.max(...r.loafs.map((l) => l.duration)) : 0)}` +
        ` | slow input events (>16 ms): ${r.events.length}, longest ${ms(r.events.length ? Math.max(...r.events) : 0)}`,
    );
    for (const l of r.loafs.filter((x) => x.duration > 50)) {
      console.log(
        `[memory bench]   long frame ${ms(l.duration)}: scripts ${ms(l.scriptMs)}, render ${ms(l.renderMs)}` +
          (l.scripts.length ? ` [${l.scripts.join('; ')}]` : ''),
      );
    }
    // back to the left for the next run
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(summary).toContainText('1 CPU on');
  }

  // Heatmap redraws at 16384 CPUs: the live canvas (set N and read its last draw time) and the
  // bench hook (same drawer and layout, canvas the size of the live one).
  await page.getByRole('spinbutton', { name: 'CPU count' }).fill('16384');
  await expect(summary).toContainText('16384 CPUs');
  await page.evaluate(() => window.__app!.whenIdle());
  const live = await page.evaluate(() => window.__bench!.lastHeatmapDrawMs());
  const one = await page.evaluate(() => {
    const runs = Array.from({ length: 30 }, () => window.__bench!.drawHeatmap(16384));
    const sixteen = Array.from({ length: 30 }, () => window.__bench!.drawHeatmap(16384, 16));
    return { runs, sixteen };
  });
  const describe = (label: string, rs: { drawMs: number; drawAndFlushMs: number; cellPx: number; widthPx: number; heightPx: number }[]) =>
    console.log(
      `[memory bench] heatmap redraw, 16384 cells, ${label} (${rs[0].widthPx}×${rs[0].heightPx} px, cell ${rs[0].cellPx} px), 30 runs:` +
        ` draw median ${ms(
          quantile(
            rs.map((r) => r.drawMs),
            0.5,
          ),
        )}, p95 ${ms(
          quantile(
            rs.map((r) => r.drawMs),
            0.95,
          ),
        )}, max ${ms(Math.max(...rs.map((r) => r.drawMs)))}` +
        ` | draw+readback median ${ms(
          quantile(
            rs.map((r) => r.drawAndFlushMs),
            0.5,
          ),
        )}, max ${ms(Math.max(...rs.map((r) => r.drawAndFlushMs)))}`,
    );
  console.log(`[memory bench] heatmap redraw, live canvas at N=16384 (layout + draw): ${ms(live)}`);
  describe('1 node', one.runs);
  describe('16 nodes', one.sixteen);
});
