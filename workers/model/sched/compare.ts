// Two kernels on one schedule (the compare view and `sim diff`): the shared run inputs, each kernel's
// variant, toggles and pnt_seq rule, and the schedule that drives both. Where a kernel cannot follow the
// schedule, it takes the scenario's default choice and the step is recorded (RunRecord.blocked).
import type { IrqWork, PntRule, RunConfig, Toggles, VariantName } from './types.ts';
import { kernelVersion, PNT_RULE_PRESETS } from '../constants.ts';
import { makeRunConfig, VARIANT_TOGGLES } from './variants.ts';
import { run, type BlockedStep, type RunRecord } from './run.ts';
import { scheduleOf } from './stepView.ts';
import { diffRuns, type DiffOptions, type TraceDiff } from './diff.ts';

/** One side of a comparison: a kernel version from the table, or a variant with toggles and a rule. */
export interface KernelChoice {
  /** A KERNEL_VERSIONS id; when set, it decides variant, toggles and rule. */
  kernel?: string;
  variant: VariantName | 'custom';
  toggles: Toggles;
  /** A preset of the two a379fa1e2cae-series switches (both off, or both on). */
  pntRule: PntRule;
  /** How this kernel runs the kick irq work (PREEMPT_RT before 36c6f3c03d10: threaded); default: the base's. */
  irqWork?: IrqWork;
}

/**
 * The schedule both kernels run: 'default' (each kernel the scenario's default interleaving), 'random' (A's
 * seeded random run, which B then follows), or 'hand' (these actor ids first, then the default).
 */
export type CompareSchedule = { kind: 'default' } | { kind: 'random' } | { kind: 'hand'; actors: string[] };

export interface CompareConfig {
  /** The shared inputs (scenario, CPUs, seed …); its variant, toggles, rule, policy and schedule are ignored. */
  base: RunConfig;
  a: KernelChoice;
  b: KernelChoice;
  schedule: CompareSchedule;
}

export interface CompareRecord {
  a: RunRecord;
  b: RunRecord;
  /** The schedule that drove both (empty for 'default'). */
  schedule: string[];
  blocked: { a: BlockedStep[]; b: BlockedStep[] };
  diff: TraceDiff;
}

/** The kernel choice with a version's variant and rule filled in; throws RangeError on an unknown version. */
export function resolveKernel(k: KernelChoice): KernelChoice {
  if (k.kernel === undefined) return k;
  const v = kernelVersion(k.kernel);
  if (!v) throw new RangeError(`unknown kernel version "${k.kernel}"`);
  return { kernel: v.id, variant: v.variant, toggles: { ...VARIANT_TOGGLES[v.variant] }, pntRule: v.pntRule, irqWork: v.irqWork };
}

/** A kernel choice from a variant name (its preset toggles) and rule. */
export function kernelChoice(variant: VariantName, pntRule: PntRule = '6.17'): KernelChoice {
  return { variant, toggles: { ...VARIANT_TOGGLES[variant] }, pntRule };
}

function sideConfig(base: RunConfig, k: KernelChoice, policy: RunConfig['policy'], schedule: string[]): RunConfig {
  const r = resolveKernel(k);
  return makeRunConfig({
    ...base,
    variant: r.variant,
    toggles: r.toggles,
    pntRule: r.pntRule,
    ...PNT_RULE_PRESETS[r.pntRule],
    irqWork: r.irqWork ?? base.irqWork,
    policy,
    schedule,
  });
}

/** Run both kernels on one schedule and diff their traces. Throws RangeError on a bad config. */
export function compareRuns(c: CompareConfig, opts: DiffOptions = {}): CompareRecord {
  let schedule: string[];
  let a: RunRecord;
  if (c.schedule.kind === 'random') {
    a = run(sideConfig(c.base, c.a, 'random', []));
    schedule = scheduleOf(a.result);
  } else {
    schedule = c.schedule.kind === 'hand' ? [...c.schedule.actors] : [];
    a = run(sideConfig(c.base, c.a, 'default', schedule), { onBlocked: 'default' });
  }
  const b = run(sideConfig(c.base, c.b, 'default', schedule), { onBlocked: 'default' });
  return { a, b, schedule, blocked: { a: a.blocked, b: b.blocked }, diff: diffRuns(a.result, b.result, opts) };
}
