// The exhaustive search against the kernel's answers (workers/model/README.md: the kick, enable/disable and RCU sections): which checker some
// schedule reaches, per scenario × variant, at 2 and 3 CPUs; and every counterexample replays through run().
import { describe, it, expect } from 'vitest';
import { explore, checkerHolds, isTerminal, CHECKERS, type CheckerName, type ExploreResult } from '../../workers/model/sched/explore.ts';
import { run, createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { machineAt } from '../../workers/model/sched/stepView.ts';
import { StateKeyer, symmetricCpus } from '../../workers/model/sched/stateKey.ts';
import { parseActor } from '../../workers/model/sched/describe.ts';
import type { PntRule, RunConfig, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

// Under the timer-tick irq_work delivery, where every race of the model is reachable; the answers under each
// delivery and irq-work mode are pinned by tests/model/irqTable.test.ts.
const cfgOf = (scenario: ScenarioName, variant: VariantName, cpus: number, pntRule: PntRule = '6.17') =>
  makeRunConfig({ scenario, variant, cpus, pntRule, irqDelivery: 'tick' });

const cache = new Map<string, ExploreResult>();
function search(scenario: ScenarioName, variant: VariantName, cpus: number, pntRule: PntRule = '6.17'): ExploreResult {
  const k = `${scenario}/${variant}/${cpus}/${pntRule}`;
  let r = cache.get(k);
  if (!r) cache.set(k, (r = explore(cfgOf(scenario, variant, cpus, pntRule))));
  return r;
}

const found = (r: ExploreResult) => CHECKERS.filter((c) => r.violations[c] !== null);

/** run() with the counterexample as its schedule shows the same violation within the schedule prefix. */
function expectReplays(cfg: RunConfig, name: CheckerName, schedule: string[]): void {
  const rec = run(makeRunConfig({ ...cfg, schedule }));
  const n = schedule.length;
  expect(rec.result.steps).toBeGreaterThanOrEqual(n);
  const at = machineAt(rec, n);
  expect(checkerHolds(at, name), `${name} after ${n} steps`).toBe(true);
  // The step before does not show it yet: the schedule ends at the violating step.
  if (name !== 'stuck' && name !== 'rcuStall') expect(checkerHolds(machineAt(rec, n - 1), name)).toBe(false);
  const v = rec.result.verdict;
  switch (name) {
    case 'useAfterFree':
      expect(v.useAfterFree).toBe(true);
      break;
    case 'nullDeref':
      expect(v.nullDeref).toBe(true);
      break;
    case 'leak':
      expect(v.leakedArrays).toBeGreaterThan(0);
      break;
    case 'doubleFree':
      expect(v.doubleFree).toBe(true);
      break;
    case 'warn':
      expect(v.warnings.some((w) => w.startsWith('WARNING'))).toBe(true);
      break;
    case 'droppedKicks':
      expect(v.droppedKicks).toBeGreaterThan(0);
      break;
    case 'bootPanic':
      expect(v.bootPanic).toBe(true);
      break;
    case 'stuck':
    case 'rcuStall':
      // No actor can move after the prefix, so the run ends right there with the end-of-run checker firing.
      expect(rec.result.steps).toBe(n);
      expect(rec.result.truncated).toBe(false);
      expect(name === 'stuck' ? v.stuck : v.rcuStall).toBe(true);
      break;
  }
  const kind = {
    useAfterFree: 'uaf',
    nullDeref: 'null-deref',
    leak: 'leak',
    doubleFree: 'double-free',
    stuck: 'stuck',
    rcuStall: 'rcu-stall',
  }[name as string];
  if (kind) {
    const firstStep = rec.result.reports.filter((x) => x.kind === kind).map((x) => x.step);
    expect(Math.min(...firstStep)).toBeLessThan(n);
  }
}

describe('explore: disable-vs-kick (6.17 pnt_seq rule)', () => {
  it.each([2, 3])('no-rcu reaches a use-after-free and a NULL dereference at %i CPUs', (cpus) => {
    const r = search('disable-vs-kick', 'no-rcu', cpus);
    expect(r.complete).toBe(true);
    expect(r.violations.useAfterFree).not.toBeNull();
    expect(r.violations.nullDeref).not.toBeNull();
    expect(r.violations.leak).toBeNull();
    expect(r.violations.doubleFree).toBeNull();
  });

  it.each([
    ['merged', 2],
    ['merged', 3],
    ['fixed', 2],
    ['fixed', 3],
  ] as const)('%s at %i CPUs: complete, no UAF, no NULL dereference, no leak; only the NULL path (dropped kicks)', (variant, cpus) => {
    const r = search('disable-vs-kick', variant, cpus);
    expect(r.complete).toBe(true);
    expect(r.cutBy).toBeNull();
    expect(r.violations.useAfterFree).toBeNull();
    expect(r.violations.nullDeref).toBeNull();
    expect(r.violations.leak).toBeNull();
    expect(r.violations.doubleFree).toBeNull();
    expect(r.violations.droppedKicks).not.toBeNull();
  });

  it.each([2, 3])('all four variants reach a stuck spin and an RCU stall at %i CPUs', (cpus) => {
    for (const variant of ['before', 'no-rcu', 'merged', 'fixed'] as const) {
      const r = search('disable-vs-kick', variant, cpus);
      expect(r.violations.stuck, variant).not.toBeNull();
      expect(r.violations.rcuStall, variant).not.toBeNull();
    }
  });

  it.each([2, 3])('under the a379fa1e2cae rule no variant gets stuck or stalls RCU at %i CPUs', (cpus) => {
    for (const variant of ['before', 'no-rcu', 'merged', 'fixed'] as const) {
      const r = search('disable-vs-kick', variant, cpus, 'a379fa1e2cae');
      expect(r.complete, variant).toBe(true);
      expect(r.violations.stuck, variant).toBeNull();
      expect(r.violations.rcuStall, variant).toBeNull();
    }
  });

  it('before (percpu arrays) has no memory error at all', () => {
    for (const cpus of [2, 3]) expect(found(search('disable-vs-kick', 'before', cpus))).toEqual(['stuck', 'rcuStall']);
  });
});

describe('explore: load-while-enabled (6.17 pnt_seq rule)', () => {
  it.each([2, 3])('merged reaches a leak, a WARN and dropped kicks but no use-after-free at %i CPUs', (cpus) => {
    const r = search('load-while-enabled', 'merged', cpus);
    expect(r.complete).toBe(true);
    expect(r.violations.leak).not.toBeNull();
    expect(r.violations.warn).not.toBeNull();
    expect(r.violations.droppedKicks).not.toBeNull();
    expect(r.violations.useAfterFree).toBeNull();
    expect(r.violations.nullDeref).toBeNull();
  });

  it.each([2, 3])('fixed reaches none of leak, WARN, dropped kicks at %i CPUs', (cpus) => {
    const r = search('load-while-enabled', 'fixed', cpus);
    expect(r.complete).toBe(true);
    expect(r.violations.leak).toBeNull();
    expect(r.violations.warn).toBeNull();
    expect(r.violations.droppedKicks).toBeNull();
    expect(r.violations.useAfterFree).toBeNull();
  });

  it.each([2, 3])('no-rcu reaches a leak, a WARN, a use-after-free and a NULL dereference at %i CPUs', (cpus) => {
    const r = search('load-while-enabled', 'no-rcu', cpus);
    expect(r.complete).toBe(true);
    for (const c of ['leak', 'warn', 'useAfterFree', 'nullDeref'] as const) expect(r.violations[c], c).not.toBeNull();
  });

  it.each([2, 3])('before reaches no leak, WARN, UAF, NULL dereference or dropped kicks at %i CPUs', (cpus) => {
    const r = search('load-while-enabled', 'before', cpus);
    expect(r.complete).toBe(true);
    for (const c of ['leak', 'warn', 'useAfterFree', 'nullDeref', 'droppedKicks'] as const) expect(r.violations[c], c).toBeNull();
  });

  it("the merged leak is the second load overwriting A's arrays: its last step is enable:B, after a WARN at the same step", () => {
    const r = search('load-while-enabled', 'merged', 2);
    const leak = r.violations.leak!;
    expect(leak.schedule.at(-1)).toBe('enable:B');
    expect(r.violations.warn!.steps).toBeLessThanOrEqual(leak.steps);
  });
});

describe('explore: every counterexample replays through run()', () => {
  const combos: [ScenarioName, VariantName, number, PntRule][] = [];
  for (const scenario of ['disable-vs-kick', 'load-while-enabled', 'enable-disable'] as const)
    for (const variant of ['before', 'no-rcu', 'merged', 'fixed'] as const)
      for (const cpus of [2, 3]) for (const rule of ['6.17', 'a379fa1e2cae'] as const) combos.push([scenario, variant, cpus, rule]);

  it.each(combos)('%s · %s · %i CPUs · rule %s', (scenario, variant, cpus, rule) => {
    const r = search(scenario, variant, cpus, rule);
    const cfg = cfgOf(scenario, variant, cpus, rule);
    for (const name of found(r)) {
      const cx = r.violations[name]!;
      expect(cx.steps).toBe(cx.schedule.length);
      expectReplays(cfg, name, cx.schedule);
    }
  });
});

describe('explore: counterexamples found with interchangeable CPUs replay too', () => {
  // The search steps decoded machines, whose interchangeable CPUs may stand for others of the real run: the
  // schedules it reports are renamed back (explore.ts realSchedule), so run() replays them as they are.
  const combos: [ScenarioName, VariantName, number, PntRule][] = [];
  for (const scenario of ['disable-vs-kick', 'load-while-enabled'] as const)
    for (const variant of ['before', 'no-rcu', 'merged', 'fixed'] as const)
      combos.push([scenario, variant, 5, '6.17'], [scenario, variant, 5, 'a379fa1e2cae']);
  it.each(combos)('%s · %s · %i CPUs · rule %s', (scenario, variant, cpus, rule) => {
    const r = search(scenario, variant, cpus, rule);
    expect(r.symmetricCpus.length).toBeGreaterThanOrEqual(2);
    const cfg = cfgOf(scenario, variant, cpus, rule);
    for (const name of found(r)) expectReplays(cfg, name, r.violations[name]!.schedule);
  });
});

describe('explore: search mechanics', () => {
  it('reports a bound when maxSteps cuts schedules off, and the shorter violations are still found', () => {
    const r = explore(cfgOf('disable-vs-kick', 'no-rcu', 2), { maxSteps: 22 });
    expect(r.complete).toBe(false);
    expect(r.cutBy).toBe('max-steps');
    expect(r.violations.stuck?.steps).toBe(21);
    expect(r.violations.useAfterFree).toBeNull();
  });

  it('stops when asked, and calls onProgress', () => {
    const seen: number[] = [];
    let polls = 0;
    const r = explore(cfgOf('disable-vs-kick', 'merged', 3), {
      progressEvery: 100,
      onProgress: (p) => seen.push(p.states),
      shouldStop: () => ++polls >= 3,
    });
    expect(r.stopped).toBe(true);
    expect(r.complete).toBe(false);
    expect(r.cutBy).toBe('stopped');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(r.states).toBeLessThan(search('disable-vs-kick', 'merged', 3).states);
  });

  it('stops at maxStates', () => {
    const r = explore(cfgOf('disable-vs-kick', 'merged', 3), { maxStates: 500 });
    expect(r.states).toBe(500);
    expect(r.cutBy).toBe('max-states');
  });

  it('is deterministic: the same config gives the same counts and schedules', () => {
    const a = explore(cfgOf('load-while-enabled', 'merged', 2));
    const b = explore(cfgOf('load-while-enabled', 'merged', 2));
    expect(b).toEqual(a);
  });

  it('the boot scenario has one step and nothing to find at small N', () => {
    const r = explore(cfgOf('boot', 'before', 2));
    expect(r).toMatchObject({ states: 2, transitions: 1, complete: true });
    expect(found(r)).toEqual([]);
  });

  it('finds the boot panic when the old percpu unit is too big (4097 CPUs)', () => {
    const r = explore(cfgOf('boot', 'before', 4097));
    expect(r.violations.bootPanic).toEqual({ schedule: ['boot'], steps: 1 });
    expectReplays(cfgOf('boot', 'before', 4097), 'bootPanic', ['boot']);
  });

  it('every state with no enabled actor is terminal (isTerminal agrees with enabledActors)', () => {
    const m = createMachine(cfgOf('disable-vs-kick', 'merged', 2));
    expect(isTerminal(m)).toBe(false);
  });
});

describe('state key', () => {
  const names = ['A'];
  const play = (cfg: RunConfig, ids: string[]) => {
    const m = createMachine(cfg);
    for (const id of ids) m.apply(parseActor(id, names, cfg.cpus)!);
    return m;
  };

  it('knows every field of the machine: keyed, or deliberately left out (a new field must be classified)', () => {
    const KEYED = [
      'slot',
      'allocState',
      'allocRefs',
      'writes',
      'pnt',
      'taskState',
      'queued',
      'needResched',
      'masks',
      'irqPending',
      'irqPc',
      'irqPtr',
      'irqShouldWait',
      'irqSpinTarget',
      'irqSpinSeenPnt',
      'irqSpinSeenFreed',
      'stormKicksDone',
      'kicksDone',
      'wakesDone',
      'enableState',
      'scxTasks',
      'mutexOwner',
      'bypassDepth',
      'stormIssued',
      'stormWakes',
      'kvzallocCalls',
      'loaders',
      'disablePc',
      'disableCursor',
      'disablePhase',
      'disableLocal',
      'disableSyncGp',
      'booted',
      'gpCompleted',
      'gpInProgress',
      'qsOwed',
      'cbq',
      'maxGpNeeded',
      'warnOnce',
      'prWarnOnce',
      'halted',
    ];
    const LEFT_OUT = [
      // constants and step context
      'cfg',
      'script',
      'n',
      'sink',
      'curCpu',
      'curKind',
      'step',
      'haltReason',
      // allocation statistics and naming (ids are renamed canonically), copy-on-write bookkeeping
      'allocCount',
      'allocCpu',
      'allocNode',
      'allocRequest',
      'allocConsumed',
      'allocPath',
      'allocFreedStep',
      'allocAllocStep',
      'writesGen',
      'gen',
      // derived from keyed fields, or only the policies' candidate sets
      'owed',
      'cbCpus',
      'cbPending',
      'irqActive',
      'spinners',
      'spinOn',
      'reschedSet',
      'blocked',
      // checker counters and statistics (checked per transition, not part of the state)
      'uafCount',
      'nullDeref',
      'doubleFree',
      'leakedArrays',
      'leakedBytes',
      'droppedKicks',
      'bootPanic',
      'warnings',
      'enableErrors',
      'liveBytes',
      'waitingBytes',
      'freedBytes',
    ];
    const m = createMachine(cfgOf('load-while-enabled', 'merged', 2));
    expect(Object.keys(m).sort()).toEqual([...KEYED, ...LEFT_OUT].sort());
    expect(Object.keys(m.loaders[0]).sort()).toEqual(['cursor', 'local', 'pc', 'phase', 'ret']);
  });

  it('ignores the step counter and statistics, but not behaviour', () => {
    const cfg = cfgOf('disable-vs-kick', 'merged', 2);
    const keyer = new StateKeyer(createMachine(cfg), true);
    const a = play(cfg, ['boot', 'enable:A']);
    const b = a.clone();
    b.step += 100;
    b.liveBytes += 4096;
    expect(keyer.key(b)).toBe(keyer.key(a));
    const c = a.clone();
    c.apply(parseActor('enable:A', names, 2)!);
    expect(keyer.key(c)).not.toBe(keyer.key(a));
  });

  it('the same state reached by different interleavings has one key (qs reports in either order)', () => {
    const cfg = cfgOf('disable-vs-kick', 'merged', 3);
    const keyer = new StateKeyer(createMachine(cfg), false);
    const prefix = ['boot', ...Array<string>(9).fill('enable:A'), 'disable', 'disable', 'disable', 'disable', 'disable', 'gp'];
    const x = play(cfg, [...prefix, 'qs:0', 'qs:2']);
    const y = play(cfg, [...prefix, 'qs:2', 'qs:0']);
    expect(keyer.key(x)).toBe(keyer.key(y));
    expect(keyer.key(x)).not.toBe(keyer.key(play(cfg, [...prefix, 'qs:0'])));
  });

  it('treats only CPUs without a role as interchangeable (none at 2–4 CPUs in disable-vs-kick)', () => {
    const m = (scenario: ScenarioName, cpus: number) => createMachine(cfgOf(scenario, 'merged', cpus));
    expect(symmetricCpus(m('disable-vs-kick', 4))).toEqual([]); // only CPU 2: nothing to permute
    expect(symmetricCpus(m('disable-vs-kick', 6))).toEqual([2, 3, 4]);
    expect(symmetricCpus(m('load-while-enabled', 5))).toEqual([2, 3]);
    expect(symmetricCpus(m('enable-disable', 6))).toEqual([]);
    expect(symmetricCpus(createMachine(makeRunConfig({ scenario: 'kick-storm', cpus: 6, stormKicks: 2 })))).toEqual([]);
  });

  it('with symmetry, idle CPUs that reported their QS in a different order give one key', () => {
    const cfg = cfgOf('disable-vs-kick', 'merged', 5);
    const keyer = new StateKeyer(createMachine(cfg), true);
    const plain = new StateKeyer(createMachine(cfg), false);
    const prefix = ['boot', ...Array<string>(11).fill('enable:A'), 'disable', 'disable', 'disable', 'disable', 'disable', 'gp'];
    const x = play(cfg, [...prefix, 'qs:2']);
    const y = play(cfg, [...prefix, 'qs:3']);
    expect(keyer.key(x)).toBe(keyer.key(y));
    expect(plain.key(x)).not.toBe(plain.key(y));
  });
});
