// `sim explore`: every interleaving of a scenario at 1–8 CPUs, and for each checker the shortest schedule that
// trips it. Parses, calls workers/model/sched/explore.ts and prints; the time is measured here, not in the model.
import { EXIT_OK, UsageError, formatOptionsHelp, parseOptions, type CliIo, type Command } from './args.ts';
import { formatTable } from './format.ts';
import { explore, type ExploreResult } from '../model/sched/explore.ts';
import { CHECKERS, CHECKER_TITLES, EXPLORE_MAX_CPUS, pntRuleLabel, sleepSetsText } from '../model/constants.ts';
import { makeRunConfig, validateRunConfig } from '../model/sched/variants.ts';
import { SCENARIOS, VARIANTS } from '../model/sched/types.ts';
import type { RunConfig } from '../model/sched/types.ts';
import { EXPORT_EXPLORE_OPTIONS, writeExploreExport } from './exportOutput.ts';
import {
  IRQ_HELP,
  IRQ_OPTIONS,
  KICK_RULE_OPTIONS,
  PNT_RULE_HELP,
  PNT_RULE_OPTION,
  TOGGLE_OPTIONS,
  kickRulesFromOptions,
  togglesFromOptions,
} from './runCommand.ts';
import { irqOptionsText } from '../model/sched/irqOptions.ts';

export const EXPLORE_OPTIONS = {
  scenario: { kind: 'enum', values: SCENARIOS, default: 'disable-vs-kick', help: 'built-in scenario' },
  variant: { kind: 'enum', values: VARIANTS, default: 'merged', help: 'preset of the four toggles' },
  cpus: { kind: 'int', min: 1, max: EXPLORE_MAX_CPUS, default: 2, help: `nr_cpu_ids N (exhaustive search: 1..${EXPLORE_MAX_CPUS} only)` },
  'pnt-rule': PNT_RULE_OPTION,
  ...KICK_RULE_OPTIONS,
  ...IRQ_OPTIONS,
  'max-steps': { kind: 'int', min: 1, max: 100_000, default: 1000, help: 'longest schedule explored' },
  'max-states': { kind: 'int', min: 1, max: 50_000_000, default: 5_000_000, help: 'stop after this many distinct states' },
  'max-memory': {
    kind: 'int',
    min: 1,
    max: 1_048_576,
    default: 1024,
    help: 'memory budget in MiB: stop cleanly when the search would hold more',
  },
  'hash-compaction': { kind: 'flag', help: 'store 64-bit fingerprints instead of whole states (less memory, tiny collision risk)' },
  'storm-kicks': { kind: 'int', min: 1, max: 100, default: 1, help: 'kick-storm: kicks BPF issues in all (pass the same to sim run)' },
  ...TOGGLE_OPTIONS,
  'no-symmetry': { kind: 'flag', help: 'do not treat idle-symmetric CPUs as interchangeable' },
  'no-por': { kind: 'flag', help: 'no partial-order reduction of quiescent-state reports' },
  'no-sleep-sets': { kind: 'flag', help: 'no sleep sets for quiescent-state reports (same states, more transitions)' },
  json: { kind: 'flag', help: 'print one JSON object' },
  ...EXPORT_EXPLORE_OPTIONS,
} as const;

const USAGE =
  'usage: sim explore --scenario NAME --variant V --cpus N [--max-steps K] [--pnt-rule 6.17|a379fa1e2cae]\n' +
  '                   [--skip-higher-class on|off] [--kick-wait-fix on|off]\n' +
  '                   [toggle overrides] [--fail-alloc-at K] [--fail-sched-alloc] [--no-symmetry] [--no-por] [--no-sleep-sets]\n' +
  '                   [--max-memory MIB] [--hash-compaction] [--json]\n\n' +
  'Explores every schedule of a scenario (breadth-first over machine states) and reports, per checker,\n' +
  'whether some schedule trips it and a shortest one that does. Each schedule replays with\n' +
  '`sim run --scenario NAME --variant V --cpus N --pnt-rule R --irq-work W --irq-delivery D --schedule FILE` (FILE: the JSON array).\n' +
  PNT_RULE_HELP +
  IRQ_HELP +
  '\n' +
  'options:\n' +
  formatOptionsHelp(EXPLORE_OPTIONS);

type ExploreOpts = ReturnType<typeof parseOptions<typeof EXPLORE_OPTIONS>>;

export function exploreConfigFromOptions(opts: ExploreOpts): RunConfig {
  const cfg = makeRunConfig({
    scenario: opts.scenario,
    variant: opts.variant,
    toggles: togglesFromOptions(opts.variant, opts),
    cpus: opts.cpus,
    pntRule: opts['pnt-rule'],
    ...kickRulesFromOptions(opts['pnt-rule'], opts),
    irqWork: opts['irq-work'],
    irqDelivery: opts['irq-delivery'],
    failAllocAt: opts['fail-alloc-at'],
    failSchedAlloc: opts['fail-sched-alloc'],
    stormKicks: opts['storm-kicks'],
  });
  const errs = validateRunConfig(cfg);
  if (errs.length) throw new UsageError(errs.join('; '));
  return cfg;
}

/** The JSON object `sim explore --json` prints. */
export function exploreJson(r: ExploreResult, seconds: number): object {
  const violations: Record<string, { schedule: string[]; steps: number } | null> = {};
  for (const name of CHECKERS) violations[name] = r.violations[name];
  return {
    scenario: r.scenario,
    variant: r.variant,
    cpus: r.cpus,
    pntRule: r.pntRule,
    skipHigherClass: r.skipHigherClass,
    bumpOnPick: r.bumpOnPick,
    states: r.states,
    transitions: r.transitions,
    complete: r.complete,
    seconds: Math.round(seconds * 1000) / 1000,
    violations,
    depth: r.depth,
    maxSteps: r.maxSteps,
    cutBy: r.cutBy,
    store: r.store,
    collisionProbability: r.collisionProbability,
    memoryBytes: r.memoryBytes,
    maxMemory: r.maxMemory,
    symmetry: r.symmetry,
    symmetricCpus: r.symmetricCpus,
    por: r.por,
    reducedStates: r.reducedStates,
    sleepSets: r.sleepSets,
    sleptTransitions: r.sleptTransitions,
    toggles: r.toggles,
    failAllocAt: r.failAllocAt,
    irqWork: r.irqWork,
    irqDelivery: r.irqDelivery,
    failSchedAlloc: r.failSchedAlloc,
  };
}

function completeness(r: ExploreResult): string {
  switch (r.cutBy) {
    case null:
      return 'complete: every schedule explored';
    case 'max-steps':
      return `bounded at ${r.maxSteps} steps: longer schedules not explored`;
    case 'max-states':
      return `incomplete: --max-states reached, holding ${r.states} states`;
    case 'max-memory':
      return `incomplete: --max-memory budget of ${Math.round(r.maxMemory / 2 ** 20)} MiB reached, holding ${r.states} states`;
    case 'stopped':
      return `incomplete: stopped, holding ${r.states} states`;
  }
}

export function formatExplore(r: ExploreResult, seconds: number): string {
  const lines: string[] = [];
  lines.push(`${r.scenario} · ${r.variant} · ${r.cpus} CPU${r.cpus === 1 ? '' : 's'} · pnt_seq rule ${pntRuleLabel(r)}`);
  lines.push(irqOptionsText(r));
  if (r.variant === 'custom')
    lines.push(
      `toggles: ${Object.entries(r.toggles)
        .map(([k, v]) => `${k} ${v ? 'on' : 'off'}`)
        .join(', ')}`,
    );
  if (r.failAllocAt >= 0) lines.push(`kvzalloc_node() call ${r.failAllocAt} (0-based) fails with -ENOMEM in every schedule`);
  if (r.failSchedAlloc) lines.push('scx_alloc_and_add_sched() fails with -ENOMEM in every schedule');
  lines.push(`${r.states} states, ${r.transitions} transitions, depth ${r.depth} · ${completeness(r)} · ${seconds.toFixed(2)} s`);
  const sym = !r.symmetry
    ? 'off'
    : r.symmetricCpus.length
      ? `on (CPUs ${r.symmetricCpus.join(', ')} interchangeable)`
      : 'on (no interchangeable CPUs at this size)';
  const store =
    r.store === 'exact'
      ? 'states stored exactly'
      : `hash compaction: 64-bit fingerprints, collision probability ${r.collisionProbability.toExponential(1)}`;
  lines.push(
    `${store} · ${(r.memoryBytes / 2 ** 20).toFixed(1)} MiB held (${Math.round(r.memoryBytes / Math.max(1, r.states))} bytes/state)`,
  );
  lines.push(`symmetry ${sym} · partial-order reduction ${r.por ? `on (${r.reducedStates} states reduced)` : 'off'} · ${sleepSetsText(r)}`);
  lines.push('');
  const rows = [['checker', 'reached', 'steps']];
  for (const name of CHECKERS) {
    const v = r.violations[name];
    rows.push([CHECKER_TITLES[name], v ? 'YES' : r.complete ? 'no' : 'not found so far', v ? String(v.steps) : '']);
  }
  let out = lines.join('\n') + '\n' + formatTable(rows);
  const found = CHECKERS.filter((n) => r.violations[n]);
  if (found.length) {
    out += '\nshortest schedules (JSON, for sim run --schedule FILE):\n';
    for (const name of found) out += `  ${CHECKER_TITLES[name]}: ${JSON.stringify(r.violations[name]!.schedule)}\n`;
  }
  return out;
}

export const exploreCommand: Command = {
  name: 'explore',
  summary: 'explore every interleaving of a scenario (1–8 CPUs) and print a shortest schedule per checker',
  usage: USAGE,
  run(argv: readonly string[], io: CliIo): number {
    const opts = parseOptions('sim explore', argv, EXPLORE_OPTIONS);
    const cfg = exploreConfigFromOptions(opts);
    const t0 = performance.now();
    const r = explore(cfg, {
      maxSteps: opts['max-steps'],
      maxStates: opts['max-states'],
      symmetry: !opts['no-symmetry'],
      por: !opts['no-por'],
      sleepSets: !opts['no-sleep-sets'],
      maxMemory: opts['max-memory'] * 2 ** 20,
      store: opts['hash-compaction'] ? 'fingerprint' : 'exact',
    });
    const seconds = (performance.now() - t0) / 1000;
    if (opts.export === 'text') {
      if (opts.json) throw new UsageError('--export text writes the review report: leave out --json');
      writeExploreExport(io, cfg, r, opts['base-url'] ?? '');
      return EXIT_OK;
    }
    io.stdout(opts.json ? JSON.stringify(exploreJson(r, seconds)) + '\n' : formatExplore(r, seconds));
    return EXIT_OK;
  },
};
