// `sim diff`: run one scenario on two kernels with one schedule and print the diff of their traces and
// verdicts (workers/model/sched/diff.ts): the JSON the compare view is built from, or a short table.
import { EXIT_OK, UsageError, formatOptionsHelp, parseOptions, type CliIo, type Command } from './args.ts';
import { IRQ_OPTIONS, PNT_RULE_OPTION, readScheduleFile } from './runCommand.ts';
import { formatTable } from './format.ts';
import { compareRuns, kernelChoice, type CompareSchedule, type KernelChoice } from '../model/sched/compare.ts';
import { diffStatus } from '../model/sched/diff.ts';
import { makeRunConfig } from '../model/sched/variants.ts';
import { SCENARIOS, VARIANTS, MAX_SCHED_CPUS } from '../model/sched/types.ts';
import { CHECKER_TITLES, KERNEL_VERSIONS, SCENARIO_MIN_CPUS } from '../model/constants.ts';
import type { CompareRecord } from '../model/sched/compare.ts';
import { EXPORT_DIFF_OPTIONS, writeDiffExport } from './exportOutput.ts';
import type { CompareSide, CompareUrlState } from '../../src/compare/compareConfig.ts';

const KERNEL_IDS = KERNEL_VERSIONS.map((k) => k.id);

export const DIFF_OPTIONS = {
  scenario: { kind: 'enum', values: SCENARIOS, default: 'disable-vs-kick', help: 'built-in scenario' },
  cpus: { kind: 'int', min: 1, max: MAX_SCHED_CPUS, default: 4, help: 'nr_cpu_ids N' },
  a: { kind: 'enum', values: VARIANTS, default: 'merged', help: 'kernel A: variant preset' },
  b: { kind: 'enum', values: VARIANTS, default: 'fixed', help: 'kernel B: variant preset' },
  'pnt-rule-a': { ...PNT_RULE_OPTION, help: 'kernel A: where pnt_seq is incremented' },
  'pnt-rule-b': { ...PNT_RULE_OPTION, help: 'kernel B: where pnt_seq is incremented' },
  'kernel-a': { kind: 'string', help: `kernel A: a kernel version (${KERNEL_IDS.join(', ')}); overrides --a and --pnt-rule-a` },
  'kernel-b': { kind: 'string', help: `kernel B: a kernel version (${KERNEL_IDS.join(', ')}); overrides --b and --pnt-rule-b` },
  'irq-delivery': { ...IRQ_OPTIONS['irq-delivery'], help: `${IRQ_OPTIONS['irq-delivery'].help}; one machine, both kernels` },
  seed: { kind: 'int', min: 0, max: 4294967295, default: 1, help: 'seed of the random schedule and the kick storm' },
  random: { kind: 'flag', help: "the schedule is A's seeded random run, which B follows" },
  schedule: { kind: 'string', help: 'file with actor ids (JSON array, or whitespace-separated): the first steps of both' },
  'max-steps': { kind: 'int', min: 1, max: 20_000_000, default: 2_000_000, help: 'stop after this many steps' },
  'storm-kicks': { kind: 'int', min: 1, max: 10_000_000, default: 5000, help: 'kick-storm: kicks BPF issues in all' },
  json: { kind: 'flag', help: 'print one JSON object' },
  ...EXPORT_DIFF_OPTIONS,
} as const;

const USAGE =
  'usage: sim diff --scenario S --cpus N --a V --b V [--kernel-a K] [--kernel-b K] [--irq-delivery D] [--seed S --random | --schedule FILE] [--json | --export text [--base-url URL]]\n\n' +
  'Runs the scenario on kernel A and kernel B with one schedule and aligns the two traces by what each step\n' +
  'means (actor, CPU, kernel function, action, object). Hunks give half-open 0-based step ranges [from, to).\n' +
  'Where a kernel cannot follow the schedule it takes the scenario default choice (listed as "blocked").\n' +
  'Both kernels run on one machine, so --irq-delivery (default self-interrupt: x86 or arm64) is shared; each\n' +
  'kernel runs its kick irq work as its kernel version says (PREEMPT_RT before 36c6f3c03d10: threaded),\n' +
  "otherwise hard. See workers/model/README.md, 'How the kick irq work runs: two options'.\n\n" +
  'options:\n' +
  formatOptionsHelp(DIFF_OPTIONS);

/** A kernel side as the Compare view's link names it. */
function linkSide(k: KernelChoice): CompareSide {
  return { kernel: k.kernel ?? null, variant: k.variant, toggles: null, pntRule: k.pntRule };
}

function side(kernel: string | undefined, variant: (typeof VARIANTS)[number], rule: KernelChoice['pntRule'], flag: string): KernelChoice {
  if (kernel === undefined) return kernelChoice(variant, rule);
  if (!KERNEL_IDS.includes(kernel))
    throw new UsageError(`--${flag} must be one of ${KERNEL_IDS.join(', ')} (got ${JSON.stringify(kernel)})`);
  return { ...kernelChoice(variant, rule), kernel };
}

/** The options in force: the shared irq_work delivery and each kernel's kick irq work. */
function irqOptions(rec: CompareRecord) {
  const ca = rec.a.result.config;
  const cb = rec.b.result.config;
  return { irqDelivery: ca.irqDelivery, irqWork: { a: ca.irqWork, b: cb.irqWork } };
}

/**
 * The JSON object `sim diff --json` prints (the shape issue 13 gives, plus the schedule's blocked steps and
 * the irq-work options in force).
 */
export function diffJson(rec: CompareRecord): object {
  const d = rec.diff;
  return {
    steps: d.steps,
    hunks: d.hunks.map((h) => ({ a: h.a, b: h.b, aEvents: h.aEvents, bEvents: h.bEvents })),
    firstDifference: d.firstDifference,
    verdicts: { a: rec.a.result.verdict, b: rec.b.result.verdict },
    verdictDifferences: d.verdictDifferences,
    blocked: rec.blocked,
    window: d.window,
    ...irqOptions(rec),
  };
}

function formatDiff(rec: CompareRecord): string {
  const d = rec.diff;
  const ca = rec.a.result.config;
  const cb = rec.b.result.config;
  const lines = [
    `${ca.scenario} · ${ca.cpus} CPUs · A ${ca.variant} (pnt_seq ${ca.pntRule}) ${d.steps.a} steps · B ${cb.variant} (pnt_seq ${cb.pntRule}) ${d.steps.b} steps`,
    `irq_work delivery ${ca.irqDelivery} · kick irq work A ${ca.irqWork}, B ${cb.irqWork}`,
    diffStatus(d),
  ];
  if (d.window)
    lines.push(`aligned only A steps ${d.window.a[0] + 1}–${d.window.a[1]} against B steps ${d.window.b[0] + 1}–${d.window.b[1]}`);
  if (d.hunks.length) {
    const rows = [['#', 'A steps', 'B steps', 'A', 'B']];
    d.hunks.forEach((h, i) => rows.push([String(i + 1), `${h.a[0] + 1}–${h.a[1]}`, `${h.b[0] + 1}–${h.b[1]}`, h.aSummary, h.bSummary]));
    lines.push('', formatTable(rows).trimEnd());
  }
  for (const [k, list] of [
    ['A', rec.blocked.a],
    ['B', rec.blocked.b],
  ] as const)
    for (const x of list) lines.push(`${k} cannot follow the schedule at step ${x.step + 1} (${x.wanted}): ran ${x.used} instead`);
  lines.push('', 'verdicts differ: ' + (d.verdictDifferences.map((c) => CHECKER_TITLES[c]).join(', ') || 'none'));
  return lines.join('\n') + '\n';
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'run a scenario on two kernels with one schedule and print the diff of their traces',
  usage: USAGE,
  run(argv: readonly string[], io: CliIo): number {
    const o = parseOptions('sim diff', argv, DIFF_OPTIONS);
    if (o.cpus < SCENARIO_MIN_CPUS[o.scenario])
      throw new UsageError(`--cpus must be at least ${SCENARIO_MIN_CPUS[o.scenario]} for scenario ${o.scenario} (got ${o.cpus})`);
    if (o.random && o.schedule !== undefined) throw new UsageError('--random and --schedule cannot be combined');
    const schedule: CompareSchedule =
      o.schedule !== undefined
        ? { kind: 'hand', actors: readScheduleFile(o.schedule) }
        : o.random
          ? { kind: 'random' }
          : { kind: 'default' };
    const base = makeRunConfig({
      scenario: o.scenario,
      cpus: o.cpus,
      seed: o.seed,
      maxSteps: o['max-steps'],
      stormKicks: o['storm-kicks'],
      irqDelivery: o['irq-delivery'],
    });
    const a = side(o['kernel-a'], o.a, o['pnt-rule-a'], 'kernel-a');
    const b = side(o['kernel-b'], o.b, o['pnt-rule-b'], 'kernel-b');
    let rec: CompareRecord;
    try {
      rec = compareRuns({ base, a, b, schedule });
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    }
    if (o.export === 'text') {
      if (o.json) throw new UsageError('--export and --json cannot be combined');
      const state: CompareUrlState = {
        params: {
          scenario: o.scenario,
          a: linkSide(a),
          b: linkSide(b),
          scheduleKind: schedule.kind,
          schedule: schedule.kind === 'hand' ? schedule.actors : [],
          seed: o.seed,
          irqDelivery: o['irq-delivery'],
        },
        cursor: { a: 0, b: 0 },
        window: null,
      };
      writeDiffExport(io, rec, state, o['base-url'] ?? '');
      return EXIT_OK;
    }
    io.stdout(o.json ? JSON.stringify(diffJson(rec)) + '\n' : formatDiff(rec));
    return EXIT_OK;
  },
};
