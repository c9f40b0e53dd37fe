// The exhaustive-search part of the worker API: explore every interleaving of one scenario (1–8 CPUs) and
// report per checker a shortest counterexample. Progress goes back through a callback (a comlink proxy from
// the UI); cancelling means terminating the worker (the search is one synchronous call). Time is measured
// here, outside the model, which stays clock-free.
import type { RunConfig } from './model/sched/types.ts';
import { explore, type ExploreResult } from './model/sched/explore.ts';
import { makeRunConfig, validateRunConfig } from './model/sched/variants.ts';
import { EXPLORE_MAX_CPUS } from './model/constants.ts';
import { exploreReportText } from './model/export/reportText.ts';

export type { CheckerName, Counterexample, ExploreResult } from './model/sched/explore.ts';
import type { CheckerName } from './model/sched/explore.ts';

export interface ExploreRequestOptions {
  maxSteps?: number;
  maxStates?: number;
  /** Memory budget in bytes (default DEFAULT_BROWSER_MEMORY). */
  maxMemory?: number;
  symmetry?: boolean;
  por?: boolean;
}

/** Progress of a search in flight, at most every PROGRESS_MS. */
export interface ExploreProgressReport {
  states: number;
  transitions: number;
  depth: number;
  frontier: number;
  /** Bytes the search holds and its budget (explore.ts memoryOf). */
  memoryBytes: number;
  maxMemory: number;
  /** The checkers some schedule already tripped. */
  found: CheckerName[];
  /** Seconds since the search started (measured by the worker). */
  seconds: number;
}

export interface ExploreReply extends ExploreResult {
  /** Seconds the search took (measured by the worker, not the model). */
  seconds: number;
}

export interface ExploreApi {
  /**
   * Explore every schedule of `config`'s scenario (its schedule and policy are ignored). Throws a one-line
   * RangeError for a bad config or more than EXPLORE_MAX_CPUS CPUs. Blocks the worker until done.
   */
  explore(config: RunConfig, options?: ExploreRequestOptions, onProgress?: (p: ExploreProgressReport) => void): ExploreReply;
  /** The review report of a finished search of `config` (workers/model/export/reportText.ts). */
  exploreReport(
    config: RunConfig,
    result: ExploreResult,
    links: { link: string; counterexampleLinks: Partial<Record<string, string>> },
  ): string;
}

const PROGRESS_MS = 100;
/** Default memory budget of a search in the browser: 512 MiB (the CLI's is 1 GiB). */
export const DEFAULT_BROWSER_MEMORY = 512 * 2 ** 20;

export const exploreApi: ExploreApi = {
  explore(config, options = {}, onProgress) {
    const cfg = makeRunConfig({ ...config, schedule: [] });
    const errs = validateRunConfig(cfg);
    if (cfg.cpus > EXPLORE_MAX_CPUS) errs.push(`the exhaustive search runs at 1 to ${EXPLORE_MAX_CPUS} CPUs (got ${cfg.cpus})`);
    if (errs.length) throw new RangeError(errs.join('; '));
    const t0 = performance.now();
    let last = -Infinity;
    const result = explore(cfg, {
      maxSteps: options.maxSteps,
      maxStates: options.maxStates,
      maxMemory: options.maxMemory ?? DEFAULT_BROWSER_MEMORY,
      symmetry: options.symmetry,
      por: options.por,
      progressEvery: 512,
      onProgress: onProgress
        ? (p) => {
            const now = performance.now();
            if (now - last < PROGRESS_MS) return;
            last = now;
            // Through comlink this returns a promise; nobody needs to wait for it.
            const sent = onProgress({ ...p, seconds: (now - t0) / 1000 }) as unknown;
            if (sent instanceof Promise) sent.catch(() => {});
          }
        : undefined,
    });
    return { ...result, seconds: (performance.now() - t0) / 1000 };
  },
  exploreReport: (config, result, links) => exploreReportText({ config: makeRunConfig({ ...config, schedule: [] }), result, ...links }),
};
