// Checks of a link that need its run: a schedule the model cannot replay (run() throws a
// ScheduleError naming the step) and a cursor past the end of the run. Pure: messages only.
import type { UrlIssue } from './urlCodec.ts';

/** The model's message for a schedule it cannot replay: "schedule step 3: actor "irq:2" cannot move …". */
const SCHEDULE_ERROR_RE = /schedule step \d+: /;

export function isScheduleError(message: string | null | undefined): boolean {
  return !!message && SCHEDULE_ERROR_RE.test(message);
}

/** The issue for a schedule the run rejected (it is dropped and the scenario's own interleaving shown). */
export function scheduleRunIssue(error: string): UrlIssue {
  const at = error.search(SCHEDULE_ERROR_RE);
  const what = at >= 0 ? error.slice(at) : error;
  return {
    key: 'schedule-run',
    message: `The link's schedule cannot be replayed (${what}); it was dropped: showing the scenario's own interleaving`,
  };
}

/** The issue for a link's step past the end of its run (the last step is shown), or null. */
export function stepPastEndIssue(step: number, steps: number): UrlIssue | null {
  return step > steps
    ? { key: 'step-run', message: `step=${step} is past the end of this run (${steps} steps); showing step ${steps}` }
    : null;
}
