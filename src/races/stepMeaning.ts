// The current step in words: what it did and why that matters, one sentence for the step bar. Pure: it reads
// the step's events (already described by the model) and adds the reason each kind of event matters.
import type { EventKind, TraceEvent } from '../../workers/api.ts';

/** Event kinds that are a checker's finding: the step bar turns red at a step that has one. */
export const VIOLATION_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'uaf',
  'null-deref',
  'double-free',
  'leak',
  'warn',
  'stuck',
  'rcu-stall',
  'panic',
]);

/** Why an event of this kind matters, as the second half of a sentence; absent for routine bookkeeping. */
const WHY: Partial<Record<EventKind, string>> = {
  boot: 'this is the machine before any scheduler is loaded',
  'percpu-alloc': 'the old design pays for these arrays at boot, loaded or not',
  'percpu-fail': 'the request is larger than the percpu allocator allows, so boot cannot continue',
  panic: 'the machine does not boot: this is what 14c1da3895a1 fixes',
  'mutex-lock': 'only one enable or disable runs at a time, but kicks do not take this mutex',
  warn: 'a second load found the slot taken: its arrays are about to be lost',
  alloc: 'the array exists but no reader can see it until it is published',
  'alloc-fail': 'the enable must unwind without leaving a half-built table',
  assign: 'from now on a kick on this CPU reads this array',
  'state-check': 'only a DISABLED scheduler may be loaded; anything else is refused',
  bypass: 'kicks in flight may still be running on other CPUs',
  'sync-call': 'the caller sleeps until every CPU has passed a quiescent state',
  'sync-return': 'every reader that started before the wait has finished',
  replace: 'new readers see NULL, but a reader already inside may still hold the old array',
  'call-rcu': 'the free waits for a grace period, so readers already inside stay safe',
  free: 'any reader still holding this array now reads freed memory',
  kick: 'the target CPU will be kicked from this CPU’s irq work',
  'kick-bypassed': 'the scheduler is going away, so the kick is dropped',
  'irq-queue': 'the irq work will run soon with IRQs off and read this CPU’s array',
  'irq-enter': 'with IRQs off it is an RCU reader: no grace period can end until it leaves',
  'slot-load': 'the reader now holds this array until it returns',
  'null-return': 'the array is gone, so the kicks are dropped instead of crashing',
  snapshot: 'it writes into the array it loaded, which must still be allocated',
  spin: 'SCX_KICK_WAIT keeps this CPU busy with IRQs off until the target switches tasks',
  'spin-done': 'the waiting kicker can move on',
  'irq-leave': 'this CPU is no longer a reader, so a grace period may end',
  uaf: 'this is memory corruption: the array was freed while a reader still used it',
  'null-deref': 'this is an oops: the reader followed a NULL pointer',
  leak: 'no pointer reaches this array any more, so it is never freed',
  'double-free': 'the allocator’s state is corrupted',
  'ctx-switch': 'a context switch is a quiescent state and bumps pnt_seq',
  'pnt-bump': 'a kicker waiting on this CPU can now stop spinning',
  'gp-start': 'callbacks queued before it run only once every CPU reports a quiescent state',
  qs: 'this CPU no longer holds up the grace period',
  'gp-end': 'every reader that could see the old arrays has finished, so they can be freed',
  'cb-invoke': 'the array is freed safely, after its readers',
  'enable-return': 'the load attempt is over',
  stuck: 'with IRQs off for ever this CPU hangs, and RCU can never finish a grace period',
  'rcu-stall': 'the RCU-deferred frees never run and the kernel reports a stall',
};

/** The event a step is about: a finding first, else the first event. */
export function mainEvent(events: readonly TraceEvent[]): TraceEvent | null {
  return events.find((e) => VIOLATION_KINDS.has(e.kind)) ?? events[0] ?? null;
}

/** Whether a step's events include a checker's finding. */
export function isViolation(events: readonly TraceEvent[]): boolean {
  return events.some((e) => VIOLATION_KINDS.has(e.kind));
}

/**
 * One sentence on what the step did and why it matters. The status line above it already names the CPU,
 * the function and the event, so the sentence leads with the consequence, in words.
 */
export function stepMeaning(step: number, events: readonly TraceEvent[]): string {
  if (step === 0) return 'Nothing has run yet: no scheduler is loaded and no CPU has been kicked.';
  const e = mainEvent(events);
  if (!e) return 'This actor moved without any visible effect.';
  const why = WHY[e.kind];
  const who = e.cpu >= 0 ? `CPU ${e.cpu}` : 'The kernel';
  return why ? `${who}: ${why}.` : `${who}: ${e.text}.`;
}
