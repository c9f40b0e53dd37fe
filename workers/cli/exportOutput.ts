// `--export` of `sim run` and `sim explore`: exactly the bytes the UI downloads for the same state (the
// report and trace builders are the model's, the links src/url/runLink.ts's), written to stdout.
import type { CliIo } from './args.ts';
import type { RunConfig, RunResult } from '../model/sched/types.ts';
import type { ExploreResult } from '../model/sched/explore.ts';
import { exploreReportText, runReportText } from '../model/export/reportText.ts';
import { perfettoChunks } from '../model/export/perfetto.ts';
import type { CompareRecord } from '../model/sched/compare.ts';
import { traceCompareReport } from '../model/export/compareHunks.ts';
import type { CompareUrlState } from '../../src/compare/compareConfig.ts';
import { compareLink, DEFAULT_BASE_URL, exploreLinks, runLink } from '../../src/url/runLink.ts';

export const EXPORT_RUN_OPTIONS = {
  export: {
    kind: 'enum',
    values: ['none', 'text', 'perfetto'],
    default: 'none',
    help: "write the UI's export instead: the review report (text) or a Perfetto trace (Trace Event JSON)",
  },
  'base-url': { kind: 'string', default: DEFAULT_BASE_URL, help: 'page the review report links to' },
  step: { kind: 'int', min: -1, max: 20_000_000, default: -1, help: 'report: the step the link opens (default: the last)' },
} as const;

export const EXPORT_EXPLORE_OPTIONS = {
  export: { kind: 'enum', values: ['none', 'text'], default: 'none', help: "write the UI's review report of the search instead" },
  'base-url': EXPORT_RUN_OPTIONS['base-url'],
} as const;

export const EXPORT_DIFF_OPTIONS = {
  export: { kind: 'enum', values: ['none', 'text'], default: 'none', help: "write the Compare view's review report instead" },
  'base-url': EXPORT_RUN_OPTIONS['base-url'],
} as const;

/** Writes a run's export; `step` < 0 means the last step. */
export function writeRunExport(io: CliIo, kind: 'text' | 'perfetto', r: RunResult, baseUrl: string, step: number): void {
  if (kind === 'perfetto') {
    for (const chunk of perfettoChunks(r)) io.stdout(chunk);
    return;
  }
  const at = step < 0 ? r.steps : Math.min(step, r.steps);
  io.stdout(runReportText({ result: r, step: at, link: runLink(baseUrl, r.config, { view: 'races', step: at }) }));
}

export function writeExploreExport(io: CliIo, config: RunConfig, r: ExploreResult, baseUrl: string): void {
  io.stdout(exploreReportText({ config, result: r, ...exploreLinks(baseUrl, config, r) }));
}

/** The comparison's review report; `state` is the Compare view's link state of these inputs (cursors at 0). */
export function writeDiffExport(io: CliIo, rec: CompareRecord, state: CompareUrlState, baseUrl: string): void {
  const { cpus, nodes, pageSize } = rec.a.result.config;
  io.stdout(traceCompareReport(rec.a.result, rec.b.result, rec.diff, compareLink(baseUrl, { cpus, nodes, pageSize }, state)));
}
