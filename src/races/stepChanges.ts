// Which CPUs the current step touched, for the CPU grid's emphasis: the CPU each event ran on, the CPU
// whose slot an allocation, publish or unpublish names, and the CPUs where a checker fired (pure).
import type { EventKind, StepView } from '../../workers/api.ts';
import { VIOLATION_KINDS } from './stepMeaning.ts';

/** Events whose `arg` is the CPU whose slot they act on. */
const SLOT_ARG: ReadonlySet<EventKind> = new Set<EventKind>(['alloc', 'alloc-fail', 'assign', 'replace', 'warn']);

export interface StepChanges {
  /** CPUs the step changed (ascending), violations excluded. */
  changed: number[];
  /** CPUs where a checker fired at this step (ascending). */
  violated: number[];
}

export const NO_CHANGES: StepChanges = { changed: [], violated: [] };

export function stepChanges(view: Pick<StepView, 'cpus' | 'events'> | null): StepChanges {
  if (!view || view.events.length === 0) return NO_CHANGES;
  const changed = new Set<number>();
  const violated = new Set<number>();
  const inRange = (c: number) => Number.isInteger(c) && c >= 0 && c < view.cpus;
  for (const e of view.events) {
    const target = VIOLATION_KINDS.has(e.kind) ? violated : changed;
    if (inRange(e.cpu)) target.add(e.cpu);
    if (SLOT_ARG.has(e.kind) && inRange(e.arg)) target.add(e.arg);
  }
  for (const c of violated) changed.delete(c);
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { changed: sorted(changed), violated: sorted(violated) };
}

/** "CPU 3", "CPUs 0, 2", or "CPUs 0, 1, 2, 3, … (12 in all)". */
export function cpuList(cpus: readonly number[], max = 6): string {
  if (cpus.length === 1) return `CPU ${cpus[0]}`;
  const shown = cpus.slice(0, max).join(', ');
  return cpus.length > max ? `CPUs ${shown}, … (${cpus.length} in all)` : `CPUs ${shown}`;
}
