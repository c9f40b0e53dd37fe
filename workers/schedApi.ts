// The scheduler-core part of the worker API: run a scenario, read any step, fork a schedule, list the code.
// The worker keeps the last few runs (snapshots included) so that any step can be shown without a replay
// from step 0. Everything here is deterministic; the UI re-runs after a worker restart.
import type { RunConfig, RunResult, StepView, KernelFn, Toggles, KickRules, ScenarioName, VariantName } from './model/sched/types.ts';
import { run, type RunRecord } from './model/sched/run.ts';
import { makeRunConfig, validateRunConfig, VARIANT_INFO, VARIANT_TOGGLES } from './model/sched/variants.ts';
import { stepView, scheduleOf } from './model/sched/stepView.ts';
import { SCENARIO_INFO } from './model/sched/scenarios.ts';
import { CODE } from './model/sched/code.ts';
import { runReportText } from './model/export/reportText.ts';
import { perfettoChunks } from './model/export/perfetto.ts';

export type {
  RunConfig,
  RunResult,
  StepView,
  KernelFn,
  Toggles,
  PntRule,
  KickRules,
  IrqWork,
  IrqDelivery,
  ScenarioName,
  VariantName,
} from './model/sched/types.ts';
export type {
  TraceColumns,
  TraceEvent,
  Report,
  ReportKind,
  Verdict,
  EnabledActor,
  ActorPosition,
  CellState,
  EventKind,
  MemorySeries,
} from './model/sched/types.ts';

export interface RunHandle {
  runId: number;
  result: RunResult;
  /** The view at the requested step (clamped to the run). */
  view: StepView;
}

export interface CodeLineView {
  label: string;
  text: string;
  /** Part of this variant's listing. */
  shown: boolean;
  /** Differs between variants. */
  differs: boolean;
}

export interface CatalogEntry {
  name: string;
  title: string;
  description: string;
}

export interface Catalog {
  scenarios: (CatalogEntry & { name: ScenarioName; minCpus: number })[];
  variants: (CatalogEntry & { name: VariantName; commit: string; toggles: Toggles })[];
}

export interface SchedApi {
  /** Run a scenario (validated; throws with a one-line message on a bad config or schedule). */
  runScenario(config: RunConfig, atStep?: number): RunHandle;
  /** The state after `step` steps of a kept run. */
  stepView(runId: number, step: number): StepView;
  /** A new run: the first `step` choices of run `runId`, then `actorId`, then the scenario's policy. */
  fork(runId: number, step: number, actorId: string): RunHandle;
  /** The chosen actors of a kept run, as ids (for links and the CLI). */
  schedule(runId: number, upTo?: number): string[];
  /** Our pseudo-code of every kernel function, marked for one variant. */
  codeListing(toggles: Toggles, rules: KickRules): Record<KernelFn, CodeLineView[]>;
  /** Scenario and variant names, titles and descriptions. */
  catalog(): Catalog;
  /** The review report of a kept run at `step`, linking to `link` (workers/model/export/reportText.ts). */
  runReport(runId: number, step: number, link: string): string;
  /** The Perfetto trace (Trace Event JSON) of a kept run, streamed chunk by chunk into a Blob. */
  perfettoTrace(runId: number): Blob;
}

/** Blob parts of about 1 MiB: the chunk strings are released as soon as each part holds them. */
const BLOB_PART_CHARS = 1 << 20;

/** Concatenates the chunks into a Blob without ever holding the whole text as one string. */
export function chunksToBlob(chunks: Iterable<string>, type: string): Blob {
  const parts: Blob[] = [];
  let pending: string[] = [];
  let size = 0;
  for (const c of chunks) {
    pending.push(c);
    size += c.length;
    if (size >= BLOB_PART_CHARS) {
      parts.push(new Blob(pending));
      pending = [];
      size = 0;
    }
  }
  if (pending.length) parts.push(new Blob(pending));
  return new Blob(parts, { type });
}

// Six: the races view's run and fork, plus the compare view's two kernels, with room to spare.
const KEEP_RUNS = 6;
const runs = new Map<number, RunRecord>();
let nextRunId = 1;

/** Keep a run for stepView() and fork(); returns its id (the compare API keeps its two runs here too). */
export function keep(rec: RunRecord): number {
  const id = nextRunId++;
  runs.set(id, rec);
  while (runs.size > KEEP_RUNS) runs.delete(runs.keys().next().value!);
  return id;
}

/** A kept run; throws when the worker no longer keeps it. */
export function get(runId: number): RunRecord {
  const rec = runs.get(runId);
  if (!rec) throw new Error(`run ${runId} is no longer kept by the worker; run it again`);
  return rec;
}

export function handle(rec: RunRecord, atStep: number): RunHandle {
  const runId = keep(rec);
  return { runId, result: rec.result, view: stepView(rec, atStep) };
}

export const schedApi: SchedApi = {
  runScenario(config, atStep = 0) {
    const cfg = makeRunConfig(config);
    const errs = validateRunConfig(cfg);
    if (errs.length) throw new RangeError(errs.join('; '));
    return handle(run(cfg), atStep);
  },
  stepView: (runId, step) => stepView(get(runId), step),
  fork(runId, step, actorId) {
    const rec = get(runId);
    const prefix = scheduleOf(rec.result, Math.min(step, rec.result.steps));
    const cfg = makeRunConfig({ ...rec.result.config, schedule: [...prefix, actorId] });
    return handle(run(cfg), prefix.length + 1);
  },
  schedule: (runId, upTo) => scheduleOf(get(runId).result, upTo),
  codeListing(toggles, rules) {
    const out = {} as Record<KernelFn, CodeLineView[]>;
    for (const [fn, lines] of Object.entries(CODE) as [KernelFn, (typeof CODE)[KernelFn]][]) {
      out[fn] = lines.map((l) => ({ label: l.label, text: l.text, shown: !l.when || l.when(toggles, rules), differs: !!l.differs }));
    }
    return out;
  },
  runReport: (runId, step, link) => runReportText({ result: get(runId).result, step, link }),
  perfettoTrace: (runId) => chunksToBlob(perfettoChunks(get(runId).result), 'application/json'),
  catalog: () => ({
    scenarios: Object.values(SCENARIO_INFO).map((s) => ({ name: s.name, title: s.title, description: s.description, minCpus: s.minCpus })),
    variants: (Object.keys(VARIANT_INFO) as VariantName[]).map((v) => ({
      name: v,
      title: VARIANT_INFO[v].title,
      description: VARIANT_INFO[v].what,
      commit: VARIANT_INFO[v].commit,
      toggles: VARIANT_TOGGLES[v],
    })),
  }),
};
