// scx_enable()'s error path after a failed scx_alloc_and_add_sched() (failSchedAlloc), and the bypass mode the
// enable path switches tasks in (workers/model/README.md#scx_enable-ordering). One test per changed step, and
// the fixed kernel's err_free_pseqs path searched exhaustively at 2 and 3 CPUs: every schedule frees every array.
import { PNT_RULE_PRESETS } from '../../workers/model/constants.ts';
import { describe, it, expect } from 'vitest';
import { createMachine, run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { Machine, type Script } from '../../workers/model/sched/machine/core.ts';
import { can, step } from './machineSteps.ts';
import { explore, isTerminal } from '../../workers/model/sched/explore.ts';
import { StateKeyer } from '../../workers/model/sched/stateKey.ts';
import { AL_FREED, KICK_WAIT, NONE, ST_DISABLED, ST_ENABLING, ST_ENABLED } from '../../workers/model/sched/machine/codes.ts';
import { CODE, lineOf } from '../../workers/model/sched/code.ts';
import { VARIANT_TOGGLES } from '../../workers/model/constants.ts';
import type { RunConfig, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

const cfgOf = (scenario: ScenarioName, variant: VariantName, cpus: number, extra: Partial<RunConfig> = {}) =>
  makeRunConfig({ scenario, variant, cpus, ...extra });

/** The events of one run as "fn kind line-label" words, to follow which lines scx_enable() passes. */
function enableLines(config: RunConfig): string[] {
  const r = run(config).result;
  const t = r.trace;
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const fn = t.fn[i];
    if (fn !== 1 || t.line[i] < 0) continue; // scx_enable
    out.push(CODE.scx_enable[t.line[i]].label);
  }
  return out;
}

describe('scx_alloc_and_add_sched() failure (failSchedAlloc)', () => {
  it('fixed: arrays allocated after the state check are freed at err_free_pseqs, then err_unlock returns -ENOMEM', () => {
    const m = createMachine(cfgOf('enable-disable', 'fixed', 2, { failSchedAlloc: true }));
    step(m, 'boot');
    while (can(m, 'enable:A')) step(m, 'enable:A');
    expect(m.enableErrors).toEqual([-12]);
    expect(m.enableState).toBe(ST_DISABLED);
    expect(m.bypassDepth).toBe(0);
    expect(m.allocCount).toBe(2);
    expect([...m.slot]).toEqual([NONE, NONE]);
    // Handed to call_rcu(): not leaked, freed once the grace period is over.
    expect(m.leakedArrays).toBe(0);
    expect(m.cbPending).toBe(2);
    expect(enableLines(cfgOf('enable-disable', 'fixed', 2, { failSchedAlloc: true }))).toEqual([
      'lock',
      'check',
      'sched-alloc',
      'err-unlock',
      'err-unlock',
    ]);
  });

  it('merged (14c1da3895a1) takes the same err_free_pseqs path; v6.17 (before) has none and goes to err_unlock', () => {
    const merged = run(cfgOf('enable-disable', 'merged', 2, { failSchedAlloc: true })).result;
    expect(merged.verdict.enableErrors).toEqual([-12]);
    expect(merged.verdict.leakedArrays).toBe(0);
    expect(enableLines(cfgOf('enable-disable', 'before', 2, { failSchedAlloc: true }))).toEqual([
      'lock',
      'check',
      'sched-alloc-unlock',
      'err-unlock',
      'err-unlock',
    ]);
  });

  it('without the failure the same step creates the instance, sets ENABLING and enters bypass', () => {
    const m = createMachine(cfgOf('enable-disable', 'fixed', 2));
    step(m, 'boot');
    while (m.enableState !== ST_ENABLING) step(m, 'enable:A');
    expect(m.bypassDepth).toBe(1);
    expect(m.scxTasks).toBe(false);
    step(m, 'enable:A'); // switch every task in
    expect(m.scxTasks).toBe(true);
    expect(m.bypassDepth).toBe(1);
    step(m, 'enable:A'); // scx_bypass(false), ENABLED
    expect(m.bypassDepth).toBe(0);
    expect(m.enableState).toBe(ST_ENABLED);
  });

  it('no disable work runs for a scheduler that was never created', () => {
    const r = run(cfgOf('disable-vs-kick', 'fixed', 2, { failSchedAlloc: true })).result;
    expect(r.verdict.enableErrors).toEqual([-12]);
    const words: string[] = [];
    for (let i = 0; i < r.trace.count; i++) words.push(String(r.trace.fn[i]));
    expect(words).not.toContain('4'); // scx_disable_workfn
  });

  it('the code view names every jump of scx_enable() as the source has it, per variant', () => {
    const shown = (v: VariantName) =>
      CODE.scx_enable
        .filter((l) => !l.when || l.when(VARIANT_TOGGLES[v], PNT_RULE_PRESETS['6.17']))
        .map((l) => l.text.split('//')[0].trim());
    const jumps = (v: VariantName) => shown(v).filter((t) => t.includes('goto') || t.endsWith(':') || /^err_\w+:/.test(t));
    expect(jumps('merged')).toEqual([
      'ret = alloc_kick_pseqs(); if (ret) goto err_unlock',
      'if (enable_state() != DISABLED) { ret = -EBUSY; goto err_free_pseqs }',
      'sch = scx_alloc_and_add_sched(ops); if (IS_ERR(sch)) goto err_free_pseqs',
      'err_free_pseqs: free_kick_pseqs()',
      'err_unlock: mutex_unlock(&scx_enable_mutex); return ret',
    ]);
    expect(jumps('fixed')).toEqual([
      'if (enable_state() != DISABLED) { ret = -EBUSY; goto err_unlock }',
      'ret = alloc_kick_pseqs(); if (ret) goto err_unlock',
      'sch = scx_alloc_and_add_sched(ops); if (IS_ERR(sch)) goto err_free_pseqs',
      'err_free_pseqs: free_kick_pseqs()',
      'err_unlock: mutex_unlock(&scx_enable_mutex); return ret',
    ]);
    expect(jumps('before')).toEqual([
      'if (enable_state() != DISABLED) { ret = -EBUSY; goto err_unlock }',
      'sch = scx_alloc_and_add_sched(ops); if (IS_ERR(sch)) goto err_unlock',
      'err_unlock: mutex_unlock(&scx_enable_mutex); return ret',
    ]);
    expect(lineOf('scx_enable', 'err-free')).toBeGreaterThan(lineOf('scx_enable', 'unlock'));
  });
});

/**
 * Every terminal state reachable from the initial one (each canonical state once, as the explorer does).
 * Returns how many states were visited; calls `atEnd` on each terminal one.
 */
function everyEnd(config: RunConfig, atEnd: (m: Machine) => void): number {
  const m0 = createMachine(config);
  const keyer = new StateKeyer(m0, true);
  const seen = new Set<string>([keyer.key(m0)]);
  let level = [m0];
  while (level.length) {
    const next: Machine[] = [];
    for (const m of level) {
      if (isTerminal(m)) {
        atEnd(m);
        continue;
      }
      for (const code of m.enabledActors()) {
        const c = m.clone();
        c.apply(code);
        const k = keyer.key(c);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push(c);
      }
    }
    level = next;
  }
  return seen.size;
}

describe('fixed leaks nothing on the err_free_pseqs path, in every schedule (2 and 3 CPUs)', () => {
  const cases: [ScenarioName, number][] = [
    ['enable-disable', 2],
    ['enable-disable', 3],
    ['disable-vs-kick', 2],
    ['disable-vs-kick', 3],
    ['load-while-enabled', 2],
    ['load-while-enabled', 3],
  ];
  it.each(cases)('%s at %i CPUs', (scenario, cpus) => {
    const config = cfgOf(scenario, 'fixed', cpus, { failSchedAlloc: true });
    const r = explore(config);
    expect(r.complete).toBe(true);
    expect(r.violations.leak).toBeNull();
    expect(r.violations.useAfterFree).toBeNull();
    expect(r.violations.doubleFree).toBeNull();
    let ends = 0;
    everyEnd(config, (m) => {
      ends++;
      // Every array allocated was freed (after its grace period): none leaked, none still held. In
      // load-while-enabled loader B may start at any time, so both loads may get past the state check.
      expect(m.allocCount % cpus).toBe(0);
      expect(m.allocCount).toBeGreaterThanOrEqual(cpus);
      for (let id = 0; id < m.allocCount; id++) expect(m.allocState[id]).toBe(AL_FREED);
      expect(m.leakedArrays).toBe(0);
      expect(m.enableErrors[0]).toBe(-12);
      expect(m.bypassDepth).toBe(0);
    });
    expect(ends).toBeGreaterThan(0);
  });
});

describe('kicks while scx_enable() switches tasks in (bypass mode)', () => {
  /** Loader A, and CPU 0 kicks CPU 1 with SCX_KICK_WAIT as soon as `when` holds. */
  function machineKickingWhen(when: (m: Machine) => boolean): Machine {
    const cfg = cfgOf('enable-disable', 'fixed', 2);
    const script: Script = {
      loaders: [{ name: 'A' }],
      disableGuard: null,
      kicks: new Map([[0, [{ target: 1, flags: KICK_WAIT, guard: when }]]]),
      wakes: new Map(),
      stormKicks: 0,
      helperCpu: 1,
      cpuBound: new Set(),
    };
    return new Machine(cfg, script);
  }

  it('a kick while ENABLING (inside scx_bypass(true) … scx_bypass(false)) is dropped: no bits, no irq work', () => {
    const m = machineKickingWhen((x) => x.enableState === ST_ENABLING);
    step(m, 'boot');
    while (!can(m, 'bpf:0')) step(m, 'enable:A');
    expect(m.enableState).toBe(ST_ENABLING);
    step(m, 'bpf:0');
    expect(m.irqPending[0]).toBe(0);
    expect(m.masks[0]?.size ?? 0).toBe(0);
  });

  it('a kick after scx_bypass(false) (ENABLED) is queued as before', () => {
    const m = machineKickingWhen((x) => x.enableState === ST_ENABLED);
    step(m, 'boot');
    while (!can(m, 'bpf:0')) step(m, 'enable:A');
    step(m, 'bpf:0');
    expect(m.irqPending[0]).toBe(1);
    expect(m.masks[0]!.get(1)).toBe(1 | 8);
  });

  it('bypass is a depth: the enable leaving bypass does not end the disable path’s', () => {
    const m = createMachine(cfgOf('enable-disable', 'fixed', 2));
    step(m, 'boot');
    while (m.enableState !== ST_ENABLING) step(m, 'enable:A');
    m.bypassDepth++; // as scx_bypass(true) of a disable work queued meanwhile would
    step(m, 'enable:A');
    step(m, 'enable:A'); // scx_bypass(false)
    expect(m.bypassDepth).toBe(1);
  });
});
