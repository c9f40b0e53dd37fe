// What the Compare view's Export items produce: the comparison's review report (file or clipboard text)
// and the file-name stem of its figures. Pure apart from the worker call, so a unit test can call these
// with the worker's own API object and compare the bytes with `sim diff --export text`.
import type { RunResult, TraceDiff } from '../../workers/api.ts';
import type { CompareSide, CompareUrlState } from '../compare/compareConfig.ts';
import { encodeSide } from '../compare/compareUrl.ts';
import { compareLink } from '../url/runLink.ts';
import type { ExportFile } from './exportFiles.ts';

type MaybePromise<T> = T | Promise<T>;

/** The worker call the compare report uses (the comlink remote, or the worker's own object in tests). */
export interface CompareExportApi {
  compareReport(runIdA: number, runIdB: number, diff: TraceDiff, link: string): MaybePromise<string>;
}

/** The loaded comparison an export reads: both kept runs and their alignment on screen. */
export interface LoadedComparison {
  a: { workerRunId: number; result: RunResult };
  b: { workerRunId: number; result: RunResult };
  diff: TraceDiff;
}

/** A side in a file name: "merged", "k-6.17.10", "1101-a379fa1e2cae". */
const sideStem = (s: CompareSide) => encodeSide(s).replace(/[^A-Za-z0-9.-]+/g, '-');

/** "load-while-enabled_merged-vs-fixed_3cpu_step12": scenario, both kernels, CPUs and A's cursor. */
export function compareFileStem(c: LoadedComparison, state: CompareUrlState): string {
  const cfg = c.a.result.config;
  return `${cfg.scenario}_${sideStem(state.params.a)}-vs-${sideStem(state.params.b)}_${cfg.cpus}cpu_step${state.cursor.a}`;
}

/** The link of the comparison on the page `pageUrl`: the machine the runs used, the view's own state. */
export function comparisonLink(c: LoadedComparison, state: CompareUrlState, pageUrl: string): string {
  const { cpus, nodes, pageSize } = c.a.result.config;
  return compareLink(pageUrl, { cpus, nodes, pageSize }, state);
}

export async function compareReportText(
  api: CompareExportApi,
  c: LoadedComparison,
  state: CompareUrlState,
  pageUrl: string,
): Promise<string> {
  return api.compareReport(c.a.workerRunId, c.b.workerRunId, c.diff, comparisonLink(c, state, pageUrl));
}

export async function compareReportFile(
  api: CompareExportApi,
  c: LoadedComparison,
  state: CompareUrlState,
  pageUrl: string,
): Promise<ExportFile> {
  const text = await compareReportText(api, c, state, pageUrl);
  return { name: `${compareFileStem(c, state)}.txt`, blob: new Blob([text], { type: 'text/plain;charset=utf-8' }) };
}

/** Why the comparison cannot be exported now, or null. */
export function compareExportProblem(
  run: { status: string; error?: string | null; data: { epoch: number } | null },
  epoch: number,
): string | null {
  if (run.status === 'running') return 'the two runs are still loading; try again when both have finished.';
  if (run.status === 'error') return `the comparison failed (${run.error ?? 'unknown error'}); there is nothing to export.`;
  if (!run.data) return 'no comparison is loaded yet.';
  if (run.data.epoch !== epoch) return 'the model worker restarted and is running both kernels again; try again in a moment.';
  return null;
}
