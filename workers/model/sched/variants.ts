// Run configurations: the variant presets (which four toggles each commit amounts to), the default config,
// building a complete config from a partial one, and checking one.
import type { RunConfig, VariantName, Toggles } from './types.ts';
import { MAX_SCHED_CPUS, SCENARIOS, VARIANTS } from './types.ts';
import { SCENARIO_INFO } from './scenarios.ts';

export const VARIANT_TOGGLES: Record<VariantName, Toggles> = {
  before: { lazyAlloc: false, rcuFree: false, nullCheck: false, allocAfterStateCheck: false },
  'no-rcu': { lazyAlloc: true, rcuFree: false, nullCheck: false, allocAfterStateCheck: false },
  merged: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: false },
  fixed: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: true },
};

export const VARIANT_INFO: Record<VariantName, { title: string; commit: string; what: string }> = {
  before: { title: 'before', commit: 'v6.17', what: 'percpu arrays allocated at boot, never freed' },
  'no-rcu': { title: 'no-rcu', commit: '14c1da3895a1 v1 (pre-RCU)', what: 'lazy kvzalloc, plain pointer, kvfree at once: the race v2 closed' },
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
  kvmallocPath: 'kmalloc',
  failAllocAt: -1,
  seed: 1,
  policy: 'default',
  schedule: [],
  maxSteps: 2_000_000,
  stormKicks: 5000,
};

/** The variant whose toggles these are, or 'custom'. */
export function variantOf(t: Toggles): VariantName | 'custom' {
  for (const v of VARIANTS) {
    const p = VARIANT_TOGGLES[v];
    if (!p.lazyAlloc && !t.lazyAlloc) return 'before';
    if (p.lazyAlloc === t.lazyAlloc && p.rcuFree === t.rcuFree && p.nullCheck === t.nullCheck && p.allocAfterStateCheck === t.allocAfterStateCheck) return v;
  }
  return 'custom';
}

/** Build a complete config from a partial one: a variant name sets the toggles unless toggles are given. */
export function makeRunConfig(p: Partial<RunConfig> & { variant?: VariantName | 'custom' }): RunConfig {
  const variant = p.variant ?? DEFAULT_RUN_CONFIG.variant;
  const toggles = p.toggles ?? (variant === 'custom' ? DEFAULT_RUN_CONFIG.toggles : VARIANT_TOGGLES[variant]);
  return { ...DEFAULT_RUN_CONFIG, ...p, toggles: { ...toggles }, variant: variantOf(toggles), schedule: [...(p.schedule ?? [])] };
}

/** What is wrong with a config, in one line each; empty when it can run. */
export function validateRunConfig(c: RunConfig): string[] {
  const errs: string[] = [];
  if (!SCENARIOS.includes(c.scenario)) errs.push(`unknown scenario "${c.scenario}" (one of ${SCENARIOS.join(', ')})`);
  if (!Number.isInteger(c.cpus) || c.cpus < 1 || c.cpus > MAX_SCHED_CPUS) errs.push(`cpus must be an integer from 1 to ${MAX_SCHED_CPUS} (got ${c.cpus})`);
  else if (SCENARIOS.includes(c.scenario) && c.cpus < SCENARIO_INFO[c.scenario].minCpus)
    errs.push(`scenario ${c.scenario} needs at least ${SCENARIO_INFO[c.scenario].minCpus} CPUs (got ${c.cpus})`);
  if (!Number.isInteger(c.nodes) || c.nodes < 1 || c.nodes > 16) errs.push(`nodes must be an integer from 1 to 16 (got ${c.nodes})`);
  if (c.pageSize !== 4096 && c.pageSize !== 65536) errs.push(`page size must be 4096 or 65536 (got ${c.pageSize})`);
  if (c.pntRule !== '6.17' && c.pntRule !== 'a379fa1e2cae') errs.push(`pnt_seq rule must be 6.17 or a379fa1e2cae (got ${c.pntRule})`);
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > 0xffffffff) errs.push(`seed must be an integer from 0 to 4294967295 (got ${c.seed})`);
  if (!Number.isInteger(c.maxSteps) || c.maxSteps < 1 || c.maxSteps > 20_000_000) errs.push(`maxSteps must be an integer from 1 to 20000000 (got ${c.maxSteps})`);
  if (!Number.isInteger(c.stormKicks) || c.stormKicks < 1 || c.stormKicks > 10_000_000) errs.push(`stormKicks must be an integer from 1 to 10000000 (got ${c.stormKicks})`);
  return errs;
}
