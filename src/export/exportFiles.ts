// What each export item produces: a named file (or the report text for the clipboard), from the loaded
// run or search through the worker API. Pure apart from the worker calls, so a unit test can call these
// with the worker's implementation and compare the bytes with the CLI's.
import type { ExploreReply, RunConfig, RunResult } from '../../workers/api.ts';
import { exploreLinks, runLink } from '../url/runLink.ts';
import type { RunState } from '../state/runState.ts';

/** A file to download. */
export interface ExportFile {
  name: string;
  blob: Blob;
}

type MaybePromise<T> = T | Promise<T>;

/** The worker calls the exports use (the comlink remote, or the worker's own object in tests). */
export interface ExportApi {
  runReport(runId: number, step: number, link: string): MaybePromise<string>;
  perfettoTrace(runId: number): MaybePromise<Blob>;
  exploreReport(
    config: RunConfig,
    result: ExploreReply,
    links: { link: string; counterexampleLinks: Partial<Record<string, string>> },
  ): MaybePromise<string>;
}

/** A loaded races run: the worker's id for it and its result. */
export interface LoadedRun {
  workerRunId: number;
  result: RunResult;
}

/** "disable-vs-kick_no-rcu_4cpu": scenario, kernel and CPU count, for every file of this config. */
export function configFileStem(c: RunConfig): string {
  return `${c.scenario}_${c.variant}_${c.cpus}cpu`;
}

/** "disable-vs-kick_no-rcu_4cpu_step31": a races file's name stem at a step. */
export function runFileStem(c: RunConfig, step: number): string {
  return `${configFileStem(c)}_step${step}`;
}

const textBlob = (text: string) => new Blob([text], { type: 'text/plain;charset=utf-8' });

/** The step a races export shows: the cursor, clamped to the run. */
const clampStep = (r: RunResult, step: number) => Math.max(0, Math.min(Math.round(step), r.steps));

/** The review report text of a run at `step`; its link opens that state on the page `pageUrl`. */
export async function raceReportText(api: ExportApi, race: LoadedRun, step: number, pageUrl: string): Promise<string> {
  const at = clampStep(race.result, step);
  return api.runReport(race.workerRunId, at, runLink(pageUrl, race.result.config, { view: 'races', step: at }));
}

export async function raceReportFile(api: ExportApi, race: LoadedRun, step: number, pageUrl: string): Promise<ExportFile> {
  const at = clampStep(race.result, step);
  return { name: `${runFileStem(race.result.config, at)}.txt`, blob: textBlob(await raceReportText(api, race, at, pageUrl)) };
}

/** The Perfetto trace of the whole run. */
export async function racePerfettoFile(api: ExportApi, race: LoadedRun): Promise<ExportFile> {
  return { name: `${configFileStem(race.result.config)}_perfetto.json`, blob: await api.perfettoTrace(race.workerRunId) };
}

export async function exploreReportText(api: ExportApi, config: RunConfig, result: ExploreReply, pageUrl: string): Promise<string> {
  return api.exploreReport(config, result, exploreLinks(pageUrl, config, result));
}

export async function exploreReportFile(api: ExportApi, config: RunConfig, result: ExploreReply, pageUrl: string): Promise<ExportFile> {
  return { name: `${configFileStem(config)}_explore.txt`, blob: textBlob(await exploreReportText(api, config, result, pageUrl)) };
}

/** Why the run cannot be exported now, or null. */
export function raceExportProblem(s: { raceRun: RunState<{ epoch: number }> }, epoch: number): string | null {
  const run = s.raceRun;
  if (run.status === 'running') return 'the run is still loading; try again when it has finished.';
  if (run.status === 'error') return `the run failed (${run.error ?? 'unknown error'}); there is nothing to export.`;
  if (!run.data) return 'no run is loaded yet.';
  if (run.data.epoch !== epoch) return 'the model worker restarted and is running the scenario again; try again in a moment.';
  return null;
}

/** Why a search cannot be reported now, or null. */
export function exploreExportProblem(status: string, hasResult: boolean): string | null {
  if (status === 'running') return 'the search is still running; export when it has finished.';
  if (!hasResult) return 'no search has finished yet: press "Explore all interleavings" first.';
  return null;
}
