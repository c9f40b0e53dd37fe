// The compare view's alignment (workers/model/sched/diff.ts) and schedule following (compare.ts): what a
// step means, the hunk rules, a schedule one kernel cannot follow, the windowed fallback, the status line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareRuns, kernelChoice, resolveKernel, type CompareConfig } from '../../workers/model/sched/compare.ts';
import { diffRuns, diffStatus, KeyTable, mergeHunks, stepKeys, summarizeSteps } from '../../workers/model/sched/diff.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { run } from '../../workers/model/sched/run.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { EVENT_KINDS, KERNEL_VERSIONS } from '../../workers/model/constants.ts';
import type { RunResult, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

const base = (scenario: ScenarioName, cpus = 3) => makeRunConfig({ scenario, cpus });

function compare(
  scenario: ScenarioName,
  a: VariantName,
  b: VariantName,
  cpus = 3,
  schedule: CompareConfig['schedule'] = { kind: 'default' },
) {
  return compareRuns({ base: base(scenario, cpus), a: kernelChoice(a), b: kernelChoice(b), schedule });
}

/** Outside the hunks, A and B must match step for step (same meaning key): the gaps have equal length and keys. */
function expectGapsMatch(ra: RunResult, rb: RunResult, hunks: { a: [number, number]; b: [number, number] }[]) {
  const t = new KeyTable();
  const ka = stepKeys(ra, t);
  const kb = stepKeys(rb, t);
  let ia = 0;
  let ib = 0;
  for (const h of [...hunks, { a: [ka.length, ka.length], b: [kb.length, kb.length] }]) {
    expect(h.a[0] - ia).toBe(h.b[0] - ib);
    for (; ia < h.a[0]; ia++, ib++) expect(ka[ia]).toBe(kb[ib]);
    expect(h.a[1]).toBeGreaterThanOrEqual(h.a[0]);
    expect(h.b[1]).toBeGreaterThanOrEqual(h.b[0]);
    ia = h.a[1];
    ib = h.b[1];
  }
}

describe('step meaning keys', () => {
  it('are equal for the same step of two runs and differ where the event differs', () => {
    // Timer-tick delivery: there the disable reaches the first free. Under the default self-interrupt delivery
    // the spinning irq work holds the grace period open, no free happens and the two traces are identical
    // (tests/model/diffAnswers.test.ts).
    const cfg = { scenario: 'disable-vs-kick', cpus: 3, irqDelivery: 'tick' } as const;
    const a = run(makeRunConfig({ ...cfg, variant: 'no-rcu' })).result;
    const b = run(makeRunConfig({ ...cfg, variant: 'merged' })).result;
    const t = new KeyTable();
    const ka = stepKeys(a, t);
    const kb = stepKeys(b, t);
    expect(ka[0]).toBe(kb[0]);
    // The first free: kvfree (no-rcu) against call_rcu (merged).
    const d = diffRuns(a, b);
    const s = d.firstDifference!.stepA;
    expect(ka[s]).not.toBe(kb[d.firstDifference!.stepB]);
  });

  it('rename allocation ids by CPU and generation, so shifted ids do not count as differences', () => {
    const a = run(makeRunConfig({ scenario: 'enable-disable', cpus: 2, variant: 'merged' })).result;
    const shifted: RunResult = { ...a, trace: { ...a.trace, obj: a.trace.obj.map((o) => (o >= 0 ? o + 7 : o)) } };
    const d = diffRuns(a, shifted);
    expect(d.hunks).toEqual([]);
    const moved: RunResult = {
      ...a,
      trace: { ...a.trace, arg: a.trace.arg.map((x, i) => (a.trace.kind[i] === EVENT_KINDS.indexOf('assign') ? x + 1 : x)) },
    };
    expect(diffRuns(a, moved).hunks.length).toBeGreaterThan(0);
  });
});

describe('diffRuns', () => {
  it('finds no difference between a run and itself and says so with the step count', () => {
    const r = compare('load-while-enabled', 'merged', 'merged');
    expect(r.diff.hunks).toEqual([]);
    expect(r.diff.firstDifference).toBeNull();
    expect(r.diff.verdictDifferences).toEqual([]);
    expect(diffStatus(r.diff)).toBe(`No difference: identical traces (${r.a.result.steps} steps)`);
  });

  it('keeps the matched stretches equal step for step (property over scenarios, variants and seeds)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ScenarioName>('enable-disable', 'disable-vs-kick', 'load-while-enabled', 'kick-storm'),
        fc.constantFrom<VariantName>('before', 'no-rcu', 'merged', 'fixed'),
        fc.constantFrom<VariantName>('before', 'no-rcu', 'merged', 'fixed'),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (scenario, va, vb, cpus, seed, random) => {
          const rec = compareRuns({
            base: makeRunConfig({ scenario, cpus, seed, stormKicks: 20 }),
            a: kernelChoice(va),
            b: kernelChoice(vb),
            schedule: { kind: random ? 'random' : 'default' },
          });
          expectGapsMatch(rec.a.result, rec.b.result, rec.diff.hunks);
          if (rec.diff.hunks.length === 0) expect(rec.a.result.traceHash === rec.b.result.traceHash || va !== vb).toBe(true);
        },
      ),
      { numRuns: 40, seed: 13 },
    );
  });

  it('falls back to a window around the focus step when the edit budget is too small, and says which steps it aligned', () => {
    const a = run(makeRunConfig({ scenario: 'load-while-enabled', cpus: 3, variant: 'merged' })).result;
    const b = run(makeRunConfig({ scenario: 'load-while-enabled', cpus: 3, variant: 'fixed' })).result;
    const d = diffRuns(a, b, { maxEdits: 2, windowSteps: 32, focusStep: 20 });
    expect(d.window).not.toBeNull();
    const [a0, a1] = d.window!.a;
    expect(a0).toBeLessThanOrEqual(20);
    expect(a1).toBeGreaterThan(a0);
    for (const h of d.hunks) {
      expect(h.a[0]).toBeGreaterThanOrEqual(a0);
      expect(h.a[1]).toBeLessThanOrEqual(a1);
    }
    expect(diffRuns(a, b).window).toBeNull();
  });
});

describe('hunk rules', () => {
  const fake = (actors: number[]) => ({ actors: Int32Array.from(actors) }) as unknown as RunResult;

  it('joins two hunks when one actor made every step of both and of the steps between them (a reordering)', () => {
    const ra = fake([0, 1, 1, 1, 1, 1, 2]);
    const rb = fake([0, 1, 1, 1, 1, 1, 2]);
    expect(
      mergeHunks(ra, rb, [
        { a0: 2, a1: 2, b0: 2, b1: 3 },
        { a0: 5, a1: 6, b0: 6, b1: 6 },
      ]),
    ).toEqual([{ a0: 2, a1: 6, b0: 2, b1: 6 }]);
  });

  it('keeps hunks apart when another actor moved between them', () => {
    const ra = fake([0, 1, 1, 3, 1, 1, 2]);
    const rb = fake([0, 1, 1, 3, 1, 1, 2]);
    const hunks = [
      { a0: 2, a1: 2, b0: 2, b1: 3 },
      { a0: 5, a1: 6, b0: 6, b1: 6 },
    ];
    expect(mergeHunks(ra, rb, hunks)).toEqual(hunks);
  });

  it('summarises a side by its steps, counting runs of the same action', () => {
    const r = run(makeRunConfig({ scenario: 'disable-vs-kick', cpus: 3, variant: 'merged' })).result;
    expect(summarizeSteps(r, 2, 6)).toBe('alloc_kick_pseqs() alloc ×3 then scx_enable() state-check');
    expect(summarizeSteps(r, 2, 2)).toBe('nothing');
  });
});

describe('one schedule for both kernels', () => {
  it('lets a kernel that cannot follow the schedule take the default choice and records where', () => {
    // merged's second load runs alloc_kick_pseqs() for many steps; under fixed it returns -EBUSY at once, so
    // fixed cannot follow merged's schedule there.
    const merged = run(makeRunConfig({ scenario: 'load-while-enabled', cpus: 3, variant: 'merged' })).result;
    const rec = compare('load-while-enabled', 'merged', 'fixed', 3, { kind: 'hand', actors: scheduleOf(merged) });
    expect(rec.blocked.a).toEqual([]);
    expect(rec.blocked.b.length).toBeGreaterThan(0);
    const first = rec.blocked.b[0];
    expect(scheduleOf(merged)[first.step]).toBe(first.wanted);
    expect(first.used).not.toBe(first.wanted);
    expect(scheduleOf(rec.b.result)[first.step]).toBe(first.used);
    // A followed the schedule exactly.
    expect(rec.a.result.traceHash).toBe(merged.traceHash);
  });

  it('throws on a plain run but not in compare mode', () => {
    const cfg = makeRunConfig({ scenario: 'disable-vs-kick', cpus: 3, variant: 'merged', schedule: ['boot', 'disable'] });
    expect(() => run(cfg)).toThrow(/cannot move/);
    expect(run(cfg, { onBlocked: 'default' }).blocked).toEqual([{ step: 1, wanted: 'disable', used: 'enable:A' }]);
  });

  it('drives B with A’s seeded random run', () => {
    const rec = compare('disable-vs-kick', 'merged', 'merged', 4, { kind: 'random' });
    expect(rec.schedule).toEqual(scheduleOf(rec.a.result));
    expect(rec.b.result.traceHash).toBe(rec.a.result.traceHash);
  });
});

describe('kernel versions', () => {
  it('decide the variant, rule and irq work of a side', () => {
    for (const k of KERNEL_VERSIONS) {
      const r = resolveKernel({ ...kernelChoice('merged'), kernel: k.id });
      expect([r.variant, r.pntRule, r.irqWork]).toEqual([k.variant, k.pntRule, k.irqWork]);
    }
    expect(() => resolveKernel({ ...kernelChoice('merged'), kernel: '9.9' })).toThrow(/unknown kernel version/);
  });

  it('map the releases in order: before, the backport alone, the fix, the rule change, then PREEMPT_RT without and with 36c6f3c03d10', () => {
    expect(KERNEL_VERSIONS.map((k) => `${k.id}=${k.variant}/${k.pntRule}/${k.irqWork}`)).toEqual([
      'v6.17=before/6.17/hard',
      '6.17.9=merged/6.17/hard',
      '6.17.10=fixed/6.17/hard',
      'v6.18-rc4=fixed/6.17/hard',
      '6.18.10=fixed/a379fa1e2cae/hard',
      '6.17.10-rt=fixed/6.17/threaded',
      '6.17.y-rt-36c6=fixed/6.17/hard',
    ]);
    // The 6.18.y boundary is not pinned (the 6.18.9-rc1 review already lists the a379fa1e2cae series), nor
    // the 6.17.y release that shipped 36c6f3c03d10.
    expect(KERNEL_VERSIONS.filter((k) => !k.verified).map((k) => k.id)).toEqual(['6.17.9', 'v6.18-rc4', '6.18.10', '6.17.y-rt-36c6']);
  });
});
