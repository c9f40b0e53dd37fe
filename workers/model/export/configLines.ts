// The kernel and the run's inputs, described one option per entry: a new RunConfig option is one more
// entry in DESCRIBED_OPTIONS (a label and its value in words, or null to leave it out).
import type { RunConfig } from '../sched/types.ts';
import { IRQ_DELIVERY_INFO, IRQ_WORK_INFO, KICK_RULE_INFO, TOGGLE_NAMES } from '../constants.ts';
import { VARIANT_INFO } from '../sched/variants.ts';
import { SCENARIO_INFO } from '../sched/scenarios.ts';
import { labelled } from './plainText.ts';

export interface DescribedOption {
  label: string;
  /** The option in words, or null when it does not apply (left out of the report). */
  value: (c: RunConfig) => string | null;
  /** Part of a run's inputs but not of an exhaustive search's (its schedule is every schedule). */
  runOnly?: boolean;
}

const onOff = (b: boolean) => (b ? 'on' : 'off');

export const DESCRIBED_OPTIONS: readonly DescribedOption[] = [
  {
    label: 'kernel',
    value: (c) => (c.variant === 'custom' ? 'custom set of toggles' : `${c.variant}: ${VARIANT_INFO[c.variant].commit}`),
  },
  { label: 'toggles', value: (c) => TOGGLE_NAMES.map((t) => `${t} ${onOff(c.toggles[t])}`).join(', ') },
  {
    label: 'pnt_seq rule',
    value: (c) =>
      c.pntRule === '6.17'
        ? '6.17 (bumped in switch_class() only)'
        : c.pntRule === 'a379fa1e2cae'
          ? 'a379fa1e2cae series (a9c1fbbd6dad + a379fa1e2cae)'
          : 'custom: one commit of the a379fa1e2cae series',
  },
  {
    label: KICK_RULE_INFO.skipHigherClass.commit,
    value: (c) => (c.pntRule === 'custom' ? `${onOff(c.skipHigherClass)} (${KICK_RULE_INFO.skipHigherClass.title})` : null),
  },
  {
    label: KICK_RULE_INFO.bumpOnPick.commit,
    value: (c) => (c.pntRule === 'custom' ? `${onOff(c.bumpOnPick)} (${KICK_RULE_INFO.bumpOnPick.title})` : null),
  },
  { label: 'kick irq work', value: (c) => IRQ_WORK_INFO[c.irqWork].label },
  { label: 'irq_work delivery', value: (c) => IRQ_DELIVERY_INFO[c.irqDelivery].label },
  { label: 'backport set', value: (c) => backportSet(c) },
  { label: 'scenario', value: (c) => `${c.scenario} (${SCENARIO_INFO[c.scenario].title})` },
  { label: 'CPUs', value: (c) => `${c.cpus} (nr_cpu_ids), ${c.nodes} node${c.nodes === 1 ? '' : 's'}, PAGE_SIZE ${c.pageSize}` },
  { label: 'kvzalloc path', value: (c) => (c.cpus * 8 + 16 > c.pageSize ? c.kvmallocPath : null) },
  { label: '-ENOMEM at', value: (c) => (c.failAllocAt >= 0 ? `kvzalloc_node() call ${c.failAllocAt} (0-based)` : null) },
  { label: 'sched alloc', value: (c) => (c.failSchedAlloc ? 'scx_alloc_and_add_sched() fails (err_free_pseqs)' : null) },
  { label: 'storm kicks', value: (c) => (c.scenario === 'kick-storm' ? String(c.stormKicks) : null) },
  {
    label: 'schedule',
    runOnly: true,
    value: (c) =>
      (c.schedule.length ? `${c.schedule.length} chosen steps, then ` : '') +
      (c.policy === 'random' || c.scenario === 'kick-storm' ? `seeded random (seed ${c.seed})` : "the scenario's own interleaving"),
  },
];

/**
 * The upstream commits a stable kernel needs for this change to be complete, for the kernel this run models:
 * 14c1da3895a1 and its fix 05e63305c85c, plus 36c6f3c03d10 on PREEMPT_RT (before it the kick irq work is
 * threaded there and no RCU reader), plus the a379fa1e2cae series for the SCX_KICK_WAIT hang.
 */
export function backportSet(c: RunConfig): string | null {
  if (!c.toggles.lazyAlloc) return null;
  const set = ['14c1da3895a1', '05e63305c85c'];
  const missing: string[] = [];
  if (!c.toggles.allocAfterStateCheck) missing.push('05e63305c85c');
  if (c.irqWork === 'threaded') missing.push('36c6f3c03d10 (PREEMPT_RT)');
  if (!c.skipHigherClass) missing.push('a9c1fbbd6dad');
  if (!c.bumpOnPick) missing.push('a379fa1e2cae');
  const full = [...set, '36c6f3c03d10 on PREEMPT_RT', 'a9c1fbbd6dad', 'a379fa1e2cae'];
  return `${full.join(' + ')}; this kernel lacks ${missing.length ? missing.join(', ') : 'none'}`;
}

const LABEL_WIDTH = Math.max(...DESCRIBED_OPTIONS.map((o) => o.label.length));

/** The kernel/input section's lines, for a run (`search` false) or an exhaustive search. */
export function configLines(c: RunConfig, search = false): string[] {
  const out: string[] = [];
  for (const o of DESCRIBED_OPTIONS) {
    if (search && o.runOnly) continue;
    const v = o.value(c);
    if (v !== null) out.push(...labelled(o.label, v, LABEL_WIDTH));
  }
  return out;
}
