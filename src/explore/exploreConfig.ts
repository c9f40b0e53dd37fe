// Pure helpers of the explore view: the CPU range of the exhaustive search, checker names in words, and
// the completeness line.
import type { CheckerName, ExploreReply } from '../../workers/api.ts';

/** The exhaustive search runs at 1..4 CPUs (EXPLORE_MAX_CPUS in workers/exploreApi.ts). */
export const EXPLORE_MAX_CPUS = 4;

/** The checkers in the order the table lists them. */
export const EXPLORE_CHECKERS: readonly CheckerName[] = [
  'useAfterFree',
  'nullDeref',
  'leak',
  'doubleFree',
  'warn',
  'droppedKicks',
  'stuck',
  'rcuStall',
  'bootPanic',
];

export const CHECKER_TITLES: Record<CheckerName, string> = {
  useAfterFree: 'use-after-free',
  nullDeref: 'NULL dereference',
  leak: 'leak',
  doubleFree: 'double free',
  warn: 'WARN',
  droppedKicks: 'dropped kicks',
  stuck: 'stuck spin (SCX_KICK_WAIT)',
  rcuStall: 'RCU stall',
  bootPanic: 'boot panic',
};

/** Why the shared CPU count cannot be searched, or null when it can. */
export function exploreCpusProblem(cpus: number, minCpus: number): string | null {
  if (cpus > EXPLORE_MAX_CPUS)
    return `The exhaustive search runs at 1 to ${EXPLORE_MAX_CPUS} CPUs; the CPU count is ${cpus.toLocaleString('en-US')}. Pick a smaller one.`;
  if (cpus < minCpus) return `This scenario needs at least ${minCpus} CPUs.`;
  return null;
}

/** "complete: every schedule explored" or why not. */
export function completenessText(r: ExploreReply): string {
  switch (r.cutBy) {
    case null:
      return 'complete: every schedule explored';
    case 'max-steps':
      return `bounded at ${r.maxSteps} steps`;
    case 'max-states':
      return `incomplete: stopped at ${r.states.toLocaleString('en-US')} states`;
    case 'stopped':
      return 'incomplete: stopped';
  }
}
