// Pure helpers of the explore view: why a CPU count cannot be searched, and the completeness line.
import type { ExploreReply } from '../../workers/api.ts';
import { EXPLORE_MAX_CPUS } from '../../workers/model/constants.ts';

/** Why the shared CPU count cannot be searched, or null when it can. */
export function exploreCpusProblem(cpus: number, minCpus: number): string | null {
  if (cpus > EXPLORE_MAX_CPUS)
    return `The exhaustive search of this scenario runs at ${minCpus} to ${EXPLORE_MAX_CPUS} CPUs; the CPU count is ${cpus.toLocaleString('en-US')}. Pick a smaller one.`;
  if (cpus < minCpus) return `This scenario needs at least ${minCpus} CPUs: the search runs at ${minCpus} to ${EXPLORE_MAX_CPUS}.`;
  return null;
}

/** Bytes as MiB, for the memory budget. */
export const mib = (bytes: number): string => {
  const m = bytes / 2 ** 20;
  return `${m < 10 ? m.toFixed(1) : Math.round(m).toLocaleString('en-US')} MiB`;
};

/** "complete: every schedule explored" or why not. */
/** What a result covers, in words: "this scenario, at 3 CPUs, every schedule". */
export function coverageText(r: ExploreReply): string {
  const which =
    r.cutBy === null
      ? 'every schedule'
      : r.cutBy === 'max-steps'
        ? `every schedule up to ${r.maxSteps} steps`
        : 'only the schedules explored before it stopped';
  return `This result covers this scenario (${r.scenario}), at ${r.cpus} CPU${r.cpus === 1 ? '' : 's'}, ${which}.`;
}

export function completenessText(r: ExploreReply): string {
  switch (r.cutBy) {
    case null:
      return 'complete: every schedule explored';
    case 'max-steps':
      return `bounded at ${r.maxSteps} steps`;
    case 'max-states':
      return `incomplete: stopped at ${r.states.toLocaleString('en-US')} states`;
    case 'max-memory':
      return `incomplete: stopped at the ${mib(r.maxMemory)} memory budget, holding ${r.states.toLocaleString('en-US')} states`;
    case 'stopped':
      return 'incomplete: stopped';
  }
}
