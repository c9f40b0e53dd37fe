// Live progress of a search (and what it reached when stopped): states, states/s, depth, frontier and the
// memory held, with a bar against the memory budget, and the checkers some schedule already tripped.
import type { ExploreProgressReport } from '../../workers/api.ts';
import { CHECKER_TITLES } from '../../workers/model/constants.ts';
import { mib } from './exploreConfig.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

/** One line of numbers, e.g. "120,000 states · 41,000 states/s · depth 17 · frontier 9,000 · 60 MiB of 512 MiB". */
export function progressNumbers(p: ExploreProgressReport): string {
  const rate = Math.round(p.states / Math.max(p.seconds, 1e-3));
  return `${fmt(p.states)} states · ${fmt(p.transitions)} transitions · ${fmt(rate)} states/s · depth ${p.depth} · frontier ${fmt(p.frontier)} · ${mib(p.memoryBytes)} of ${mib(p.maxMemory)}`;
}

export function ExploreProgress({ progress, stopped }: { progress: ExploreProgressReport; stopped: boolean }) {
  const share = Math.min(1, progress.memoryBytes / progress.maxMemory);
  return (
    <div className="flex w-full flex-col gap-1" aria-label="Search progress">
      <div className="flex items-center gap-2 text-xs text-slate-700">
        <span>memory</span>
        <div
          role="progressbar"
          aria-label="Memory used of the search budget"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          aria-valuetext={`${mib(progress.memoryBytes)} of ${mib(progress.maxMemory)}`}
          className="h-2 w-48 overflow-hidden rounded bg-slate-200"
        >
          <div className="h-full bg-sky-700" style={{ width: `${(share * 100).toFixed(1)}%` }} />
        </div>
        <span className="font-mono">
          {mib(progress.memoryBytes)} of {mib(progress.maxMemory)}
        </span>
      </div>
      <p className="text-xs text-slate-700">
        {stopped ? 'Found before the stop: ' : 'Found so far: '}
        {progress.found.length ? progress.found.map((c) => CHECKER_TITLES[c]).join(', ') : 'none'}
        {stopped && '; everything else: not found so far (search stopped).'}
      </p>
    </div>
  );
}
