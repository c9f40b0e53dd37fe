// Pure helpers of the compare view: its inputs (scenario, two kernel sides, the schedule), the model's
// CompareConfig they stand for, and a canonical key per config so equal comparisons run once.
import type {
  CompareConfig,
  CompareSchedule,
  IrqDelivery,
  KernelChoice,
  PntRule,
  ScenarioName,
  Toggles,
  VariantName,
} from '../../workers/api.ts';
import {
  DEFAULT_IRQ_DELIVERY,
  DEFAULT_IRQ_WORK,
  DEFAULT_MAX_STEPS,
  kernelVersion,
  PNT_RULE_PRESETS,
  SCENARIO_MIN_CPUS,
  TOGGLE_NAMES,
  VARIANT_TOGGLES,
} from '../../workers/model/constants.ts';
import { clampRaceCpus, type RaceVariant } from '../races/raceConfig.ts';

/** One kernel: a kernel version from the table, or a variant (with its preset or custom toggles) and a rule. */
export interface CompareSide {
  /** A KERNEL_VERSIONS id; when set, variant and pntRule are that version's (the actions keep them so). */
  kernel: string | null;
  variant: RaceVariant;
  /** Explicit toggles, exactly when variant is 'custom'. */
  toggles: Toggles | null;
  pntRule: PntRule;
}

export type CompareScheduleKind = CompareSchedule['kind'];
export const COMPARE_SCHEDULE_KINDS: readonly CompareScheduleKind[] = ['default', 'random', 'hand'];

export interface CompareParams {
  scenario: ScenarioName;
  a: CompareSide;
  b: CompareSide;
  scheduleKind: CompareScheduleKind;
  /** The hand-chosen schedule (actor ids from step 0), used when scheduleKind is 'hand'. */
  schedule: readonly string[];
  /** Seed of the random schedule and the kick storm. */
  seed: number;
  /** irq_work delivery, one machine for both kernels (an architecture property, not a kernel version's). */
  irqDelivery: IrqDelivery;
}

/** Kicks a kick storm issues in the compare view (the races view's default). */
export const COMPARE_STORM_KICKS = 5000;

export const sideOfVariant = (variant: VariantName, pntRule: PntRule = '6.17'): CompareSide => ({
  kernel: null,
  variant,
  toggles: null,
  pntRule,
});

export const DEFAULT_COMPARE_PARAMS: CompareParams = {
  scenario: 'disable-vs-kick',
  a: sideOfVariant('merged'),
  b: sideOfVariant('fixed'),
  scheduleKind: 'default',
  schedule: [],
  seed: 1,
  irqDelivery: DEFAULT_IRQ_DELIVERY,
};

/** The side for a kernel version id (unknown ids leave the side as it was). */
export function sideOfKernel(id: string, prev: CompareSide): CompareSide {
  const k = kernelVersion(id);
  return k ? { kernel: k.id, variant: k.variant, toggles: null, pntRule: k.pntRule } : prev;
}

/** The toggles a side runs with. */
export function sideToggles(s: CompareSide): Toggles {
  return s.toggles ?? VARIANT_TOGGLES[s.variant === 'custom' ? 'merged' : s.variant];
}

export function sideChoice(s: CompareSide): KernelChoice {
  return { ...(s.kernel ? { kernel: s.kernel } : {}), variant: s.variant, toggles: { ...sideToggles(s) }, pntRule: s.pntRule };
}

/** "6.17.10 with 05e63305c85c" or "merged · pnt_seq 6.17" or "custom 1101 · pnt_seq a379fa1e2cae". */
export function sideTitle(s: CompareSide): string {
  const k = s.kernel ? kernelVersion(s.kernel) : undefined;
  if (k) return k.label;
  const name = s.variant === 'custom' ? `custom ${TOGGLE_NAMES.map((t) => (sideToggles(s)[t] ? '1' : '0')).join('')}` : s.variant;
  return `${name} · pnt_seq ${s.pntRule}`;
}

/** The CompareConfig of the inputs at the shared CPU count (clamped like the races view's). */
export function buildCompareConfig(p: CompareParams, machine: { cpus: number; nodes: number; pageSize: 4096 | 65536 }): CompareConfig {
  const cpus = clampRaceCpus(machine.cpus, SCENARIO_MIN_CPUS[p.scenario]).cpus;
  const schedule: CompareSchedule = p.scheduleKind === 'hand' ? { kind: 'hand', actors: [...p.schedule] } : { kind: p.scheduleKind };
  return {
    base: {
      scenario: p.scenario,
      variant: 'merged',
      toggles: { ...VARIANT_TOGGLES.merged },
      cpus,
      nodes: machine.nodes,
      pageSize: machine.pageSize,
      pntRule: '6.17',
      ...PNT_RULE_PRESETS['6.17'],
      irqWork: DEFAULT_IRQ_WORK,
      irqDelivery: p.irqDelivery,
      kvmallocPath: 'kmalloc',
      failAllocAt: -1,
      failSchedAlloc: false,
      seed: p.seed,
      policy: 'default',
      schedule: [],
      maxSteps: DEFAULT_MAX_STEPS,
      stormKicks: COMPARE_STORM_KICKS,
    },
    a: sideChoice(p.a),
    b: sideChoice(p.b),
    schedule,
  };
}

function choiceKey(k: KernelChoice): string {
  const bits = TOGGLE_NAMES.map((t) => (k.toggles[t] ? '1' : '0')).join('');
  return [k.kernel ?? '', k.variant, bits, k.pntRule, k.irqWork ?? ''].join('/');
}

/** Canonical key of a comparison (equal keys: the same two runs). */
export function compareConfigKey(c: CompareConfig): string {
  const b = c.base;
  const sched = c.schedule.kind === 'hand' ? `hand:${c.schedule.actors.join(',')}` : c.schedule.kind;
  const irq = `${b.irqWork}/${b.irqDelivery}`;
  return [b.scenario, b.cpus, b.nodes, b.pageSize, b.seed, b.stormKicks, irq, choiceKey(c.a), choiceKey(c.b), sched].join('|');
}

/** The compare view's part of a link (src/compare/compareUrl.ts): its inputs, both cursors, the zoom window. */
export interface CompareUrlState {
  params: CompareParams;
  /** The two cursors (view steps). */
  cursor: { a: number; b: number };
  /** The shared zoom window, or null for the whole run. */
  window: readonly [number, number] | null;
}

export const DEFAULT_COMPARE_URL_STATE: CompareUrlState = { params: DEFAULT_COMPARE_PARAMS, cursor: { a: 0, b: 0 }, window: null };
