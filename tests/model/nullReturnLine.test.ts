// The code cursor after kick_cpus_irq_workfn()'s NULL early return (issue 20): it sits on the NULL check's
// `return`, not on the function's final one, both as "runs next" and on the leave event itself.
import { describe, expect, it } from 'vitest';
import { lineOf } from '../../workers/model/sched/code.ts';
import { run } from '../../workers/model/sched/run.ts';
import { stepView, traceEvents } from '../../workers/model/sched/stepView.ts';
import { SCENARIOS } from '../../workers/model/sched/types.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';

const NULL_LINE = lineOf('kick_cpus_irq_workfn', 'null');
const LEAVE_LINE = lineOf('kick_cpus_irq_workfn', 'leave');

describe('the NULL early return in the code view', () => {
  it('merged, load-while-enabled: after the NULL check the irq work sits on its early return', () => {
    const rec = run(makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 4 }));
    const events = traceEvents(rec.result);
    const nul = events.find((e) => e.kind === 'null-return');
    expect(nul, 'the scenario takes the NULL early return').toBeDefined();
    if (!nul) return;
    const leave = events.find((e) => e.kind === 'irq-leave' && e.cpu === nul.cpu && e.step > nul.step);
    expect(leave?.line).toBe(NULL_LINE);
    // Event steps count from 0: the state after the NULL check is the view after nul.step + 1 steps.
    const at = stepView(rec, nul.step + 1).positions.find((p) => p.actor === `irq:${nul.cpu}`);
    expect(at).toEqual({ actor: `irq:${nul.cpu}`, cpu: nul.cpu, fn: 'kick_cpus_irq_workfn', line: NULL_LINE });
  });

  it('every irq work leaves by the early return exactly when it found a NULL slot (merged and fixed, default and random schedules)', () => {
    let early = 0;
    let normal = 0;
    for (const variant of ['merged', 'fixed'] as const)
      for (const scenario of SCENARIOS)
        for (let seed = 0; seed <= 6; seed++) {
          const policy = seed === 0 ? 'default' : 'random';
          const events = traceEvents(run(makeRunConfig({ scenario, variant, cpus: 4, policy, seed: Math.max(1, seed) })).result);
          const tookNull = new Set<number>();
          for (const e of events) {
            if (e.fn !== 'kick_cpus_irq_workfn') continue;
            if (e.kind === 'null-return') tookNull.add(e.cpu);
            if (e.kind !== 'irq-leave') continue;
            expect(e.line).toBe(tookNull.has(e.cpu) ? NULL_LINE : LEAVE_LINE);
            if (tookNull.delete(e.cpu)) early++;
            else normal++;
          }
        }
    expect(early).toBeGreaterThan(0);
    expect(normal).toBeGreaterThan(0);
  });
});
