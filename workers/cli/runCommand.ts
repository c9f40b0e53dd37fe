// `sim run`: run one scenario of the scheduler-core model and print its trace and verdict.
// Parses, calls workers/model/sched/run.ts and prints; every claim the UI makes can be scripted with it.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { EXIT_OK, UsageError, formatOptionsHelp, parseOptions, type CliIo, type Command } from './args.ts';
import { run, ScheduleError } from '../model/sched/run.ts';
import { makeRunConfig, VARIANT_TOGGLES } from '../model/sched/variants.ts';
import { traceEvents, scheduleOf } from '../model/sched/stepView.ts';
import { SCENARIOS, VARIANTS, MAX_SCHED_CPUS } from '../model/sched/types.ts';
import type { KvmallocPath, RunConfig, RunResult, VariantName, Toggles } from '../model/sched/types.ts';
import type { PageSize } from '../model/memory.ts';
import {
  DEFAULT_IRQ_DELIVERY,
  DEFAULT_IRQ_WORK,
  IRQ_DELIVERIES,
  IRQ_WORK_MODES,
  KICK_RULE_INFO,
  isKvmallocPath,
  pntRuleLabel,
  PNT_RULE_PRESETS,
  PNT_RULES,
} from '../model/constants.ts';
import type { KickRules, PntRule } from '../model/sched/types.ts';
import { irqOptionsText } from '../model/sched/irqOptions.ts';
import { EXPORT_RUN_OPTIONS, writeRunExport } from './exportOutput.ts';

const ONOFF = ['preset', 'on', 'off'] as const;

/** The four toggles and the injected -ENOMEM, shared by `sim run` and `sim explore`. */
export const TOGGLE_OPTIONS = {
  'lazy-alloc': { kind: 'enum', values: ONOFF, default: 'preset', help: 'override the lazyAlloc toggle' },
  'rcu-free': { kind: 'enum', values: ONOFF, default: 'preset', help: 'override the rcuFree toggle' },
  'null-check': { kind: 'enum', values: ONOFF, default: 'preset', help: 'override the nullCheck toggle' },
  'alloc-after-check': { kind: 'enum', values: ONOFF, default: 'preset', help: 'override the allocAfterStateCheck toggle' },
  'fail-alloc-at': {
    kind: 'int',
    min: -1,
    max: 1_000_000,
    default: -1,
    help: 'index of the kvzalloc_node() call that fails with -ENOMEM (-1: none)',
  },
  'fail-sched-alloc': {
    kind: 'flag',
    help: 'scx_alloc_and_add_sched() fails with -ENOMEM after the arrays were allocated (the err_free_pseqs path)',
  },
} as const;

/** Shared by `sim run` and `sim explore`; PNT_RULE_HELP says where the rule is explained. */
export const PNT_RULE_OPTION = {
  kind: 'enum',
  values: PNT_RULES,
  default: '6.17',
  help: 'where pnt_seq is incremented',
} as const;

/** The two commits of the a379fa1e2cae series one by one, over the --pnt-rule preset (shared with `sim explore`). */
export const KICK_RULE_OPTIONS = {
  'skip-higher-class': {
    kind: 'enum',
    values: ONOFF,
    default: 'preset',
    help: `${KICK_RULE_INFO.skipHigherClass.commit} "${KICK_RULE_INFO.skipHigherClass.title}" (default: as --pnt-rule)`,
  },
  'kick-wait-fix': {
    kind: 'enum',
    values: ONOFF,
    default: 'preset',
    help: `${KICK_RULE_INFO.bumpOnPick.commit} "${KICK_RULE_INFO.bumpOnPick.title}" (default: as --pnt-rule)`,
  },
} as const;

/** The --pnt-rule preset with the --skip-higher-class and --kick-wait-fix overrides. */
export function kickRulesFromOptions(
  rule: PntRule,
  opts: Record<'skip-higher-class' | 'kick-wait-fix', (typeof ONOFF)[number]>,
): KickRules {
  const r = { ...PNT_RULE_PRESETS[rule] };
  if (opts['skip-higher-class'] !== 'preset') r.skipHigherClass = opts['skip-higher-class'] === 'on';
  if (opts['kick-wait-fix'] !== 'preset') r.bumpOnPick = opts['kick-wait-fix'] === 'on';
  return r;
}
/** How the kick irq work runs and when it is delivered; shared by `sim run` and `sim explore`. */
export const IRQ_OPTIONS = {
  'irq-work': {
    kind: 'enum',
    values: IRQ_WORK_MODES,
    default: DEFAULT_IRQ_WORK,
    help: 'kick irq work: hard (IRQ_WORK_INIT_HARD, any non-RT kernel) or threaded (PREEMPT_RT before 36c6f3c03d10)',
  },
  'irq-delivery': {
    kind: 'enum',
    values: IRQ_DELIVERIES,
    default: DEFAULT_IRQ_DELIVERY,
    help: 'irq_work delivery: self-interrupt (x86, arm64) or tick (no irq_work interrupt; model version 1)',
  },
} as const;

export const IRQ_HELP =
  '--irq-work and --irq-delivery: defaults hard and self-interrupt (x86 or arm64, not PREEMPT_RT); see\n' +
  "workers/model/README.md, 'How the kick irq work runs: two options'.\n";

export const PNT_RULE_HELP =
  '--pnt-rule 6.17 increments pnt_seq in switch_class() only, a379fa1e2cae on every put/pick and skips CPUs\n' +
  'running a higher class; --skip-higher-class (a9c1fbbd6dad) and --kick-wait-fix (a379fa1e2cae) turn its\n' +
  "two commits on or off one by one. See workers/model/README.md, 'pnt_seq: where it is bumped'.\n";

export const RUN_OPTIONS = {
  scenario: { kind: 'enum', values: SCENARIOS, default: 'disable-vs-kick', help: 'built-in scenario' },
  variant: { kind: 'enum', values: VARIANTS, default: 'merged', help: 'preset of the four toggles' },
  cpus: { kind: 'int', min: 1, max: MAX_SCHED_CPUS, default: 4, help: 'nr_cpu_ids N' },
  nodes: { kind: 'int', min: 1, max: 16, default: 1, help: 'NUMA nodes' },
  'page-size': { kind: 'enum', values: ['4096', '65536'], default: '4096', help: 'PAGE_SIZE in bytes' },
  'pnt-rule': PNT_RULE_OPTION,
  ...KICK_RULE_OPTIONS,
  ...IRQ_OPTIONS,
  kvmalloc: {
    kind: 'string',
    default: 'kmalloc',
    help: 'path each kvzalloc_node() takes when S > PAGE_SIZE: kmalloc, vmalloc, every-K (every K-th CPU falls back to vmalloc, K 2–1024) or seeded (per CPU, from --seed); default kmalloc',
  },
  ...TOGGLE_OPTIONS,
  seed: { kind: 'int', min: 0, max: 4294967295, default: 1, help: 'seed of the random schedule and the kick storm' },
  random: { kind: 'flag', help: 'after the schedule prefix, choose actors at random (seeded) instead of the default interleaving' },
  schedule: { kind: 'string', help: 'file with actor ids (JSON array, or whitespace-separated): the first steps' },
  'max-steps': { kind: 'int', min: 1, max: 20_000_000, default: 2_000_000, help: 'stop after this many steps' },
  'storm-kicks': { kind: 'int', min: 1, max: 10_000_000, default: 5000, help: 'kick-storm: kicks BPF issues in all' },
  summary: { kind: 'flag', help: 'leave the events out' },
  json: { kind: 'flag', help: 'print one JSON object' },
  ...EXPORT_RUN_OPTIONS,
} as const;

const USAGE =
  'usage: sim run --scenario NAME --variant V --cpus N [--seed S | --schedule FILE] [--summary] [--json]\n' +
  '       sim run … --export text|perfetto [--step K] [--base-url URL] > FILE\n\n' +
  'Runs one scenario of the model: per-CPU pointer table, kvzalloc heap, RCU grace periods, the kick and\n' +
  'enable/disable paths. Same inputs give a byte-identical trace (see "traceHash").\n' +
  PNT_RULE_HELP +
  IRQ_HELP +
  '\n' +
  'options:\n' +
  formatOptionsHelp(RUN_OPTIONS);

function applyToggle(t: Toggles, key: keyof Toggles, v: (typeof ONOFF)[number]): void {
  if (v !== 'preset') t[key] = v === 'on';
}

/** The variant's preset with the --lazy-alloc, --rcu-free, --null-check and --alloc-after-check overrides. */
export function togglesFromOptions(
  variant: VariantName,
  opts: Record<'lazy-alloc' | 'rcu-free' | 'null-check' | 'alloc-after-check', (typeof ONOFF)[number]>,
): Toggles {
  const toggles = { ...VARIANT_TOGGLES[variant] };
  applyToggle(toggles, 'lazyAlloc', opts['lazy-alloc']);
  applyToggle(toggles, 'rcuFree', opts['rcu-free']);
  applyToggle(toggles, 'nullCheck', opts['null-check']);
  applyToggle(toggles, 'allocAfterStateCheck', opts['alloc-after-check']);
  return toggles;
}

/** Read a schedule file: a JSON array of strings, or ids separated by white space or commas. */
export function readScheduleFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--schedule: cannot read file ${JSON.stringify(path)}`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError(`--schedule: ${path} is not valid JSON`);
    }
    if (!v.is(v.array(v.string()), parsed)) throw new UsageError(`--schedule: ${path} must hold a JSON array of actor ids (strings)`);
    return parsed;
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

/** --kvmalloc: kmalloc, vmalloc, seeded or every-K; anything else is a usage error saying what is accepted. */
function kvmallocFromOption(raw: string): KvmallocPath {
  if (isKvmallocPath(raw)) return raw;
  throw new UsageError(`--kvmalloc must be kmalloc, vmalloc, seeded or every-K with K from 2 to 1024 (got ${JSON.stringify(raw)})`);
}

export function runConfigFromOptions(opts: ReturnType<typeof parseOptions<typeof RUN_OPTIONS>>): RunConfig {
  const toggles = togglesFromOptions(opts.variant, opts);
  const cfg = makeRunConfig({
    scenario: opts.scenario,
    variant: opts.variant,
    toggles,
    cpus: opts.cpus,
    nodes: opts.nodes,
    pageSize: Number(opts['page-size']) as PageSize,
    pntRule: opts['pnt-rule'],
    ...kickRulesFromOptions(opts['pnt-rule'], opts),
    kvmallocPath: kvmallocFromOption(opts.kvmalloc ?? 'kmalloc'),
    irqWork: opts['irq-work'],
    irqDelivery: opts['irq-delivery'],
    failAllocAt: opts['fail-alloc-at'],
    failSchedAlloc: opts['fail-sched-alloc'],
    seed: opts.seed,
    policy: opts.random ? 'random' : 'default',
    schedule: opts.schedule ? readScheduleFile(opts.schedule) : [],
    maxSteps: opts['max-steps'],
    stormKicks: opts['storm-kicks'],
  });
  if (cfg.scenario !== 'boot' && cfg.scenario !== 'kick-storm' && cfg.scenario !== 'enable-disable' && cfg.cpus < 2) {
    throw new UsageError(`--cpus must be at least 2 for scenario ${cfg.scenario} (got ${cfg.cpus})`);
  }
  return cfg;
}

/** The JSON object `sim run --json` prints. */
export function runJson(r: RunResult, withEvents: boolean): object {
  const out: Record<string, unknown> = {
    scenario: r.config.scenario,
    variant: r.config.variant,
    cpus: r.config.cpus,
    pntRule: r.pntRule,
    skipHigherClass: r.config.skipHigherClass,
    bumpOnPick: r.config.bumpOnPick,
    irqWork: r.config.irqWork,
    irqDelivery: r.config.irqDelivery,
    irqOptions: r.irqOptions,
    toggles: r.config.toggles,
    steps: r.steps,
    traceHash: r.traceHash,
    truncated: r.truncated,
    modelVersion: r.modelVersion,
  };
  if (withEvents) {
    out.events = traceEvents(r).map((e) => ({
      step: e.step,
      cpu: e.cpu,
      actor: e.actor,
      fn: e.fn,
      kind: e.kind,
      obj: e.obj,
      bytes: e.bytes,
      arg: e.arg,
      text: e.text,
    }));
    out.schedule = scheduleOf(r);
  }
  out.verdict = r.verdict;
  out.reports = r.reports.map((x) => ({ kind: x.kind, step: x.step, cpu: x.cpu, title: x.title, options: x.options }));
  return out;
}

function formatRun(r: RunResult, withEvents: boolean): string {
  const lines: string[] = [];
  lines.push(
    `${r.config.scenario} · ${r.config.variant} · ${r.config.cpus} CPUs · pnt_seq rule ${pntRuleLabel(r.config)} · ${r.steps} steps · trace ${r.traceHash}${r.truncated ? ' (stopped at --max-steps)' : ''}`,
  );
  lines.push(irqOptionsText(r.config));
  if (withEvents) {
    lines.push('');
    for (const e of traceEvents(r))
      lines.push(
        `${String(e.step + 1).padStart(6)}  CPU ${String(e.cpu).padEnd(4)} ${e.actor.padEnd(10)} ${(e.fn + '()').padEnd(26)} ${e.text}`,
      );
  }
  const v = r.verdict;
  lines.push('', `verdict (${irqOptionsText(r.config)}):`);
  lines.push(
    `  use-after-free ${v.useAfterFree ? 'YES' : 'no'} · NULL dereference ${v.nullDeref ? 'YES' : 'no'} · double free ${v.doubleFree ? 'YES' : 'no'}`,
  );
  lines.push(
    `  leaked arrays ${v.leakedArrays} (${v.leakedBytes} bytes) · dropped kicks ${v.droppedKicks} · boot panic ${v.bootPanic ? 'YES' : 'no'}`,
  );
  lines.push(
    `  stuck spin ${v.stuck ? 'YES' : 'no'} · RCU stall ${v.rcuStall ? 'YES' : 'no'} · scx_enable() returned [${v.enableErrors.join(', ')}]`,
  );
  for (const w of v.warnings) lines.push(`  ${w}`);
  for (const rep of r.reports) {
    lines.push('', `step ${rep.step + 1}: ${rep.title}`);
    for (const l of rep.lines) lines.push(`  ${l}`);
  }
  return lines.join('\n') + '\n';
}

export const runCommand: Command = {
  name: 'run',
  summary: 'run a scenario of the scheduler-core model and print its trace and verdict',
  usage: USAGE,
  run(argv: readonly string[], io: CliIo): number {
    const opts = parseOptions('sim run', argv, RUN_OPTIONS);
    const cfg = runConfigFromOptions(opts);
    if (opts.export !== 'none' && (opts.summary || opts.json))
      throw new UsageError(`--export ${opts.export} writes the whole run: leave out --summary and --json`);
    let r: RunResult;
    try {
      r = run(cfg, { trace: !opts.summary }).result;
    } catch (err) {
      if (err instanceof ScheduleError || err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    }
    if (opts.export !== 'none') {
      writeRunExport(io, opts.export, r, opts['base-url'] ?? '', opts.step);
      return EXIT_OK;
    }
    io.stdout(opts.json ? JSON.stringify(runJson(r, !opts.summary)) + '\n' : formatRun(r, !opts.summary));
    return EXIT_OK;
  },
};
