// The 6.17 SCX_KICK_WAIT re-pick regression (kick-wait-repick) and the two commits of the a379fa1e2cae series as
// separate switches: complete explorer searches at 2 and 3 CPUs, the verdict table of the three kick-wait
// scenarios under the four combinations (pinned here and printed in workers/model/README.md), and the default run.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { explore } from '../../workers/model/sched/explore.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { traceEvents } from '../../workers/model/sched/stepView.ts';
import { originOf, KICK_WAIT_HALF_FIX } from '../../workers/model/sched/origin.ts';
import { CHECKERS, CHECKER_TITLES, VARIANTS } from '../../workers/model/constants.ts';
import type { IrqDelivery, KickRules, PntRule, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

// Prettier pads table cells: compare with runs of spaces collapsed.
const README = readFileSync(new URL('../../workers/model/README.md', import.meta.url), 'utf8').replace(/ +/g, ' ');

/** The four combinations, in the README's column order. */
const COMBOS: [string, KickRules][] = [
  ['neither (6.17)', { skipHigherClass: false, bumpOnPick: false }],
  ['a9c1fbbd6dad only', { skipHigherClass: true, bumpOnPick: false }],
  ['a379fa1e2cae only', { skipHigherClass: false, bumpOnPick: true }],
  ['both (a379fa1e2cae preset)', { skipHigherClass: true, bumpOnPick: true }],
];
const SCENARIOS: ScenarioName[] = ['disable-vs-kick', 'load-while-enabled', 'kick-wait-repick'];

function found(scenario: ScenarioName, variant: VariantName, cpus: number, rules: KickRules, irqDelivery: IrqDelivery): string {
  const r = explore(makeRunConfig({ scenario, variant, cpus, ...rules, irqDelivery }));
  expect(r.complete, `${scenario}/${variant}/${cpus}/${JSON.stringify(rules)}`).toBe(true);
  return (
    CHECKERS.filter((c) => r.violations[c])
      .map((c) => CHECKER_TITLES[c])
      .join(', ') || 'none'
  );
}

describe('kick-wait-repick: every schedule, complete searches', () => {
  for (const cpus of [2, 3])
    for (const rule of ['6.17', 'a379fa1e2cae'] as PntRule[])
      it(`${cpus} CPUs, rule ${rule}: ${rule === '6.17' ? 'some schedule spins for ever and stalls RCU' : 'no schedule spins for ever'}`, () => {
        for (const variant of VARIANTS) {
          const r = explore(makeRunConfig({ scenario: 'kick-wait-repick', variant, cpus, pntRule: rule }));
          expect(r.complete, variant).toBe(true);
          expect(r.violations.stuck !== null, variant).toBe(rule === '6.17');
          expect(r.violations.rcuStall !== null, variant).toBe(rule === '6.17');
        }
      });
});

describe('the verdict table of the four combinations (workers/model/README.md#the-two-commits-one-by-one)', () => {
  // What each checker finds in some schedule, identical at 2 and 3 CPUs, under timer-tick delivery (model
  // version 1's timing). Under self-interrupt delivery a queued kick runs before its CPU's next quiescent state,
  // so the disable races lose their use-after-free, NULL dereference and dropped kicks (SELF_INTERRUPT below).
  const TICK: Record<string, string[]> = {
    'disable-vs-kick/no-rcu': [
      'use-after-free, NULL dereference, stuck spin (SCX_KICK_WAIT), RCU stall',
      'stuck spin (SCX_KICK_WAIT), RCU stall',
      'use-after-free, NULL dereference, stuck spin (SCX_KICK_WAIT), RCU stall',
      'none',
    ],
    'disable-vs-kick/merged': [
      'dropped kicks, stuck spin (SCX_KICK_WAIT), RCU stall',
      'dropped kicks, stuck spin (SCX_KICK_WAIT), RCU stall',
      'dropped kicks, stuck spin (SCX_KICK_WAIT), RCU stall',
      'dropped kicks',
    ],
    'load-while-enabled/no-rcu': Array(4).fill('use-after-free, NULL dereference, leak, WARN'),
    'load-while-enabled/merged': Array(4).fill('leak, WARN, dropped kicks'),
    'kick-wait-repick/no-rcu': [
      'use-after-free, NULL dereference, stuck spin (SCX_KICK_WAIT), RCU stall',
      'stuck spin (SCX_KICK_WAIT), RCU stall',
      'use-after-free, NULL dereference, stuck spin (SCX_KICK_WAIT), RCU stall',
      'none',
    ],
    'kick-wait-repick/merged': [
      'dropped kicks, stuck spin (SCX_KICK_WAIT), RCU stall',
      'dropped kicks, stuck spin (SCX_KICK_WAIT), RCU stall',
      'dropped kicks, stuck spin (SCX_KICK_WAIT), RCU stall',
      'dropped kicks',
    ],
  };
  const hangUntilBoth: string[] = [...Array<string>(3).fill('stuck spin (SCX_KICK_WAIT), RCU stall'), 'none'];
  const SELF_INTERRUPT: Record<string, string[]> = {
    'disable-vs-kick/no-rcu': hangUntilBoth,
    'disable-vs-kick/merged': hangUntilBoth,
    'load-while-enabled/no-rcu': TICK['load-while-enabled/no-rcu'],
    'load-while-enabled/merged': TICK['load-while-enabled/merged'],
    'kick-wait-repick/no-rcu': hangUntilBoth,
    'kick-wait-repick/merged': hangUntilBoth,
  };
  const EXPECTED: Record<IrqDelivery, Record<string, string[]>> = { 'self-interrupt': SELF_INTERRUPT, tick: TICK };
  for (const cpus of [2, 3])
    for (const delivery of ['self-interrupt', 'tick'] as IrqDelivery[])
      it(`at ${cpus} CPUs, ${delivery} delivery, and the README prints it`, () => {
        for (const scenario of SCENARIOS)
          for (const variant of ['no-rcu', 'merged'] as VariantName[]) {
            const cells = COMBOS.map(([, rules]) => found(scenario, variant, cpus, rules, delivery));
            expect(cells, `${scenario}/${variant}/${delivery}`).toEqual(EXPECTED[delivery][`${scenario}/${variant}`]);
            expect(README).toContain(`| \`${scenario}\` | \`${variant}\` | ${delivery} | ${cells.join(' | ')} |`);
          }
      });
  it('the README table has the four combinations as its columns', () => {
    expect(README).toContain(`| scenario | variant | irq_work delivery | ${COMBOS.map(([t]) => t).join(' | ')} |`);
  });
});

describe('kick-wait-repick: the default interleaving', () => {
  it('under 6.17 CPU 1 picks its task again, CPU 0 spins for ever and the unload stalls RCU', () => {
    const r = run(makeRunConfig({ scenario: 'kick-wait-repick', variant: 'fixed', cpus: 2 })).result;
    expect(r.verdict.stuck).toBe(true);
    expect(r.verdict.rcuStall).toBe(true);
    const text = traceEvents(r).map((e) => e.text);
    const repick = text.findIndex((t) => t.startsWith('pick_task_scx() picks the same SCX task again'));
    expect(repick).toBeGreaterThan(text.findIndex((t) => t.startsWith('pseqs[1] = ')));
    expect(text.some((t) => t.includes('pnt_seq →'))).toBe(false); // nothing ever moves CPU 1's counter
    const stuck = r.reports.find((x) => x.kind === 'stuck')!;
    expect(stuck.lines[0]).toBe('watchdog: Watchdog detected hard LOCKUP on cpu 0');
    expect(stuck.explanation).toMatch(/picked the preempted task again/);
    expect(stuck.explanation).toMatch(/a379fa1e2cae.*top of pick_task_scx\(\)/);
    expect(r.reports.some((x) => x.kind === 'rcu-stall')).toBe(true);
    expect(stuck.origin).toBe('pre-existing');
  });
  it('under a379fa1e2cae the re-pick bumps pnt_seq in pick_task_scx() and the wait ends', () => {
    const r = run(makeRunConfig({ scenario: 'kick-wait-repick', variant: 'fixed', cpus: 2, pntRule: 'a379fa1e2cae' })).result;
    expect(r.verdict.stuck).toBe(false);
    expect(r.verdict.rcuStall).toBe(false);
    const text = traceEvents(r).map((e) => e.text);
    const repick = text.findIndex((t) => t.startsWith('pick_task_scx() picks the same SCX task again'));
    expect(text[repick + 1]).toBe('pick_task_scx(): pnt_seq → 1');
    expect(text[repick + 2]).toBe("CPU 1's pnt_seq moved: stop waiting for it");
  });
  it('with one commit alone a hang is pre-existing: the before kernel with that commit hangs as well', () => {
    expect(originOf('stuck', 'merged', 'custom')).toEqual({ origin: 'pre-existing', why: KICK_WAIT_HALF_FIX });
    for (const rules of [COMBOS[1][1], COMBOS[2][1]]) {
      const r = explore(makeRunConfig({ scenario: 'kick-wait-repick', variant: 'before', cpus: 2, ...rules }));
      expect(r.violations.stuck).not.toBeNull();
    }
  });
});
