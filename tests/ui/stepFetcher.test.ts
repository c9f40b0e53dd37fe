// The step fetcher's coalescing: one call in flight, the newest step asked next, stale runs dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStepFetcher } from '../../src/races/stepFetcher.ts';

interface Call {
  runId: number;
  step: number;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

function makeHarness(lastStep?: number) {
  const calls: Call[] = [];
  const views: string[] = [];
  const errors: unknown[] = [];
  const fetcher = createStepFetcher<string>({
    fetch: (runId, step) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ runId, step, resolve, reject });
      }),
    onView: (_runId, _step, view) => views.push(view),
    onError: (_runId, error) => errors.push(error),
    isCancellation: (e) => e === 'cancelled',
    lastStep: lastStep === undefined ? undefined : () => lastStep,
  });
  return { calls, views, errors, fetcher };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createStepFetcher', () => {
  it('keeps one call in flight and asks for the newest step next', async () => {
    const { calls, views, fetcher } = makeHarness();
    fetcher.setRun(1, 0);
    fetcher.request(1);
    fetcher.request(2);
    fetcher.request(3);
    fetcher.request(4);
    expect(calls.map((c) => c.step)).toEqual([1]);
    calls[0].resolve('v1');
    await flush();
    expect(calls.map((c) => c.step)).toEqual([1, 4]);
    calls[1].resolve('v4');
    await flush();
    expect(views).toEqual(['v1', 'v4']);
    expect(fetcher.busy()).toBe(false);
  });

  it('does not ask again for the step already shown', async () => {
    const { calls, fetcher } = makeHarness();
    fetcher.setRun(1, 5);
    fetcher.request(5);
    expect(calls).toHaveLength(0);
    fetcher.request(6);
    fetcher.request(5);
    calls[0].resolve('v6');
    await flush();
    // 5 is newer than 6 and no longer shown: ask for it.
    expect(calls.map((c) => c.step)).toEqual([6, 5]);
  });

  it('drops a reply for a run that is no longer current and serves the new run', async () => {
    const { calls, views, fetcher } = makeHarness();
    fetcher.setRun(1, 0);
    fetcher.request(3);
    fetcher.setRun(2, 0);
    fetcher.request(7);
    calls[0].resolve('old');
    await flush();
    expect(views).toEqual([]);
    expect(calls.map((c) => [c.runId, c.step])).toEqual([
      [1, 3],
      [2, 7],
    ]);
    calls[1].resolve('new');
    await flush();
    expect(views).toEqual(['new']);
  });

  it('reports failures of the current run but not cancellations, and keeps going', async () => {
    const { calls, errors, views, fetcher } = makeHarness();
    fetcher.setRun(1, 0);
    fetcher.request(1);
    fetcher.request(2);
    calls[0].reject('cancelled');
    await flush();
    calls[1].reject(new Error('boom'));
    await flush();
    expect(errors).toHaveLength(1);
    fetcher.request(2);
    expect(calls).toHaveLength(3);
    calls[2].resolve('v2');
    await flush();
    expect(views).toEqual(['v2']);
  });

  it('prefetches the next step in the direction of travel and shows it without a call', async () => {
    const { calls, views, fetcher } = makeHarness(10);
    fetcher.setRun(1, 4);
    fetcher.request(5);
    calls[0].resolve('v5');
    await flush();
    // Idle: step 6 is prefetched but not shown.
    expect(calls.map((c) => c.step)).toEqual([5, 6]);
    expect(views).toEqual(['v5']);
    calls[1].resolve('v6');
    await flush();
    expect(views).toEqual(['v5']);
    fetcher.request(6);
    expect(views).toEqual(['v5', 'v6']); // from the cache, synchronously
    expect(calls.map((c) => c.step)).toEqual([5, 6, 7]);
  });

  it('prefetches backwards after a step back, and never past the ends of the run', async () => {
    const { calls, fetcher } = makeHarness(3);
    fetcher.setRun(1, 1);
    fetcher.request(0);
    calls[0].resolve('v0');
    await flush();
    expect(calls.map((c) => c.step)).toEqual([0]); // -1 does not exist
    fetcher.request(3);
    calls[1].resolve('v3');
    await flush();
    expect(calls.map((c) => c.step)).toEqual([0, 3]); // 6 does not exist either
  });

  it('serves a step requested while its prefetch is in flight when the prefetch lands', async () => {
    const { calls, views, fetcher } = makeHarness(10);
    fetcher.setRun(1, 0);
    fetcher.request(1);
    calls[0].resolve('v1');
    await flush();
    expect(calls.map((c) => c.step)).toEqual([1, 2]);
    fetcher.request(2);
    expect(views).toEqual(['v1']);
    calls[1].resolve('v2');
    await flush();
    expect(views).toEqual(['v1', 'v2']);
    expect(calls.map((c) => c.step)).toEqual([1, 2, 3]);
  });

  it('does not prefetch after a jump (a scrub)', async () => {
    const { calls, fetcher } = makeHarness(1000);
    fetcher.setRun(1, 0);
    fetcher.request(500);
    calls[0].resolve('v500');
    await flush();
    expect(calls.map((c) => c.step)).toEqual([500]);
  });

  it('forgets cached views when the run changes', async () => {
    const { calls, views, fetcher } = makeHarness(10);
    fetcher.setRun(1, 0);
    fetcher.request(1);
    calls[0].resolve('v1');
    await flush();
    calls[1].resolve('v2');
    await flush();
    fetcher.setRun(2, 0);
    fetcher.request(2);
    expect(views).toEqual(['v1']);
    expect(calls[calls.length - 1]).toMatchObject({ runId: 2, step: 2 });
  });

  it('always ends showing the last requested step, with at most one call in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (script, withPrefetch) => {
          const open: { resolve: () => void }[] = [];
          const delivered: number[] = [];
          const f = createStepFetcher<number>({
            fetch: (_runId, step) => new Promise<number>((resolve) => open.push({ resolve: () => resolve(step) })),
            onView: (_runId, step) => delivered.push(step),
            onError: () => {},
            lastStep: withPrefetch ? () => 20 : undefined,
          });
          f.setRun(1, 0);
          const settleOne = async () => {
            open.shift()?.resolve();
            await flush();
          };
          for (const [step, settleNow] of script) {
            f.request(step);
            expect(open.length).toBeLessThanOrEqual(1);
            if (settleNow) await settleOne();
          }
          while (open.length) await settleOne();
          const last = script[script.length - 1][0];
          // Step 0 was shown from the start: nothing needs to arrive for it.
          expect(delivered.length ? delivered[delivered.length - 1] : 0).toBe(last);
        },
      ),
    );
  });
});
