// Run configurations: the variant presets (which four toggles each commit amounts to), the default config,
// building a complete config from a partial one, and checking one.
import type { PntRule, RunConfig, VariantName, Toggles } from './types.ts';
import {
  DEFAULT_IRQ_DELIVERY,
  DEFAULT_IRQ_WORK,
  DEFAULT_MAX_STEPS,
  IRQ_DELIVERIES,
  IRQ_WORK_MODES,
  MAX_NODES,
  MAX_SCHED_CPUS,
  MIN_NODES,
  PAGE_SIZES,
  PNT_RULES,
  PNT_RULE_PRESETS,
  SCENARIOS,
  SEED_MAX,
  STORM_KICKS_MAX,
  STORM_KICKS_MIN,
  VARIANT_TOGGLES,
  VARIANTS,
  pntRuleOf,
  isKvmallocPath,
} from '../constants.ts';
import { SCENARIO_INFO } from './scenarios.ts';

export { VARIANT_TOGGLES };

export const VARIANT_INFO: Record<VariantName, { title: string; commit: string; what: string }> = {
  before: { title: 'before', commit: 'v6.17', what: 'percpu arrays allocated at boot, never freed' },
  'no-rcu': {
    title: 'no-rcu',
    commit: '14c1da3895a1 v1 (pre-RCU)',
    what:
      'lazy kvzalloc, plain pointer, kvfree at once: the race v2 closed. Our reconstruction: v1 is not in our sources; ' +
      '"no NULL check, immediate kvfree" is read from the v2/v3 changelog',
  },
  merged: { title: 'merged', commit: '14c1da3895a1', what: 'RCU-protected lazy arrays, allocated before the enable-state check' },
  fixed: { title: 'fixed', commit: '14c1da3895a1 + 05e63305c85c', what: 'allocation moved after the enable-state check' },
};

export const DEFAULT_RUN_CONFIG: RunConfig = {
  scenario: 'disable-vs-kick',
  variant: 'merged',
  toggles: VARIANT_TOGGLES.merged,
  cpus: 4,
  nodes: 1,
  pageSize: 4096,
  pntRule: '6.17',
  ...PNT_RULE_PRESETS['6.17'],
  kvmallocPath: 'kmalloc',
  irqWork: DEFAULT_IRQ_WORK,
  irqDelivery: DEFAULT_IRQ_DELIVERY,
  failAllocAt: -1,
  failSchedAlloc: false,
  seed: 1,
  policy: 'default',
  schedule: [],
  maxSteps: DEFAULT_MAX_STEPS,
  stormKicks: 5000,
};

/** The variant whose toggles these are, or 'custom'. */
export function variantOf(t: Toggles): VariantName | 'custom' {
  for (const v of VARIANTS) {
    const p = VARIANT_TOGGLES[v];
    if (!p.lazyAlloc && !t.lazyAlloc) return 'before';
    if (
      p.lazyAlloc === t.lazyAlloc &&
      p.rcuFree === t.rcuFree &&
      p.nullCheck === t.nullCheck &&
      p.allocAfterStateCheck === t.allocAfterStateCheck
    )
      return v;
  }
  return 'custom';
}

/**
 * Build a complete config from a partial one: a variant name sets the toggles unless toggles are given, and a
 * pnt_seq rule preset sets skipHigherClass and bumpOnPick unless they are given; variant and pntRule are then
 * derived from what is in effect ('custom' when it matches no preset).
 */
export function makeRunConfig(p: Partial<RunConfig> & { variant?: VariantName | 'custom' }): RunConfig {
  const variant = p.variant ?? DEFAULT_RUN_CONFIG.variant;
  const toggles = p.toggles ?? (variant === 'custom' ? DEFAULT_RUN_CONFIG.toggles : VARIANT_TOGGLES[variant]);
  const rule = p.pntRule ?? DEFAULT_RUN_CONFIG.pntRule;
  const preset =
    rule === 'custom' || !PNT_RULES.includes(rule) ? PNT_RULE_PRESETS[DEFAULT_RUN_CONFIG.pntRule as PntRule] : PNT_RULE_PRESETS[rule];
  const kick = { skipHigherClass: p.skipHigherClass ?? preset.skipHigherClass, bumpOnPick: p.bumpOnPick ?? preset.bumpOnPick };
  // An unknown rule name is kept so that validateRunConfig() can name it.
  const pntRule = rule !== 'custom' && !PNT_RULES.includes(rule) ? rule : pntRuleOf(kick);
  return {
    ...DEFAULT_RUN_CONFIG,
    ...p,
    ...kick,
    pntRule,
    toggles: { ...toggles },
    variant: variantOf(toggles),
    schedule: [...(p.schedule ?? [])],
  };
}

/** What is wrong with a config, in one line each; empty when it can run. */
export function validateRunConfig(c: RunConfig): string[] {
  const errs: string[] = [];
  if (!SCENARIOS.includes(c.scenario)) errs.push(`unknown scenario "${c.scenario}" (one of ${SCENARIOS.join(', ')})`);
  if (!Number.isInteger(c.cpus) || c.cpus < 1 || c.cpus > MAX_SCHED_CPUS)
    errs.push(`cpus must be an integer from 1 to ${MAX_SCHED_CPUS} (got ${c.cpus})`);
  else if (SCENARIOS.includes(c.scenario) && c.cpus < SCENARIO_INFO[c.scenario].minCpus)
    errs.push(`scenario ${c.scenario} needs at least ${SCENARIO_INFO[c.scenario].minCpus} CPUs (got ${c.cpus})`);
  if (!Number.isInteger(c.nodes) || c.nodes < MIN_NODES || c.nodes > MAX_NODES)
    errs.push(`nodes must be an integer from ${MIN_NODES} to ${MAX_NODES} (got ${c.nodes})`);
  if (!PAGE_SIZES.includes(c.pageSize)) errs.push(`page size must be ${PAGE_SIZES.join(' or ')} (got ${c.pageSize})`);
  if (c.pntRule !== 'custom' && !PNT_RULES.includes(c.pntRule))
    errs.push(`pnt_seq rule must be ${PNT_RULES.join(' or ')} (got ${c.pntRule})`);
  else if (typeof c.skipHigherClass !== 'boolean' || typeof c.bumpOnPick !== 'boolean')
    errs.push('skipHigherClass and bumpOnPick must be true or false');
  else if (c.pntRule !== pntRuleOf(c)) errs.push(`pnt_seq rule ${c.pntRule} does not match its two switches (they make ${pntRuleOf(c)})`);
  if (!IRQ_WORK_MODES.includes(c.irqWork)) errs.push(`kick irq work must be ${IRQ_WORK_MODES.join(' or ')} (got ${c.irqWork})`);
  if (!IRQ_DELIVERIES.includes(c.irqDelivery)) errs.push(`irq_work delivery must be ${IRQ_DELIVERIES.join(' or ')} (got ${c.irqDelivery})`);
  if (!isKvmallocPath(c.kvmallocPath))
    errs.push(`kvmalloc path must be kmalloc, vmalloc, seeded or every-K with K from 2 to 1024 (got ${String(c.kvmallocPath)})`);
  if (typeof c.failSchedAlloc !== 'boolean') errs.push(`failSchedAlloc must be true or false (got ${String(c.failSchedAlloc)})`);
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > SEED_MAX)
    errs.push(`seed must be an integer from 0 to ${SEED_MAX} (got ${c.seed})`);
  if (!Number.isInteger(c.maxSteps) || c.maxSteps < 1 || c.maxSteps > 20_000_000)
    errs.push(`maxSteps must be an integer from 1 to 20000000 (got ${c.maxSteps})`);
  if (!Number.isInteger(c.stormKicks) || c.stormKicks < STORM_KICKS_MIN || c.stormKicks > STORM_KICKS_MAX)
    errs.push(`stormKicks must be an integer from ${STORM_KICKS_MIN} to ${STORM_KICKS_MAX} (got ${c.stormKicks})`);
  return errs;
}
