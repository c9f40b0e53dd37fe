// Which findings this kernel introduced and which the `before` kernel (v6.17) already had, decided per
// checker from kernel knowledge (workers/model/README.md, "Introduced or pre-existing"). Not by running
// `before` on the same schedule: that schedule does not replay there (its enable path has no allocation
// steps, so the actor ids part ways within the first steps), and `before` on its own schedule is another
// interleaving, whose verdict would say nothing about this one.
import type { PntRule, ReportKind, VariantName } from './types.ts';

export type Origin = 'introduced' | 'pre-existing';

export interface FindingOrigin {
  origin: Origin;
  /** Why, in a few words: for "pre-existing: stuck spin (…)". */
  why: string;
}

/** The SCX_KICK_WAIT bug of 6.17, as the UI names it. */
export const KICK_WAIT_BUG = 'the 6.17 SCX_KICK_WAIT bug, fixed by a379fa1e2cae';

/** The SCX_KICK_WAIT hang with only one of the two a379fa1e2cae-series commits, as the UI names it. */
export const KICK_WAIT_HALF_FIX = 'the SCX_KICK_WAIT bug, fixed only by both a9c1fbbd6dad and a379fa1e2cae';

/**
 * Whether a finding of this kind, in this kernel under this pnt_seq rule ('custom': one of the two commits of the
 * a379fa1e2cae series without the other), is new with the kick-pseqs change.
 */
export function originOf(kind: ReportKind, variant: VariantName | 'custom', rule: PntRule | 'custom'): FindingOrigin {
  if (variant === 'before') return { origin: 'pre-existing', why: 'this is the before kernel itself' };
  switch (kind) {
    case 'stuck':
    case 'rcu-stall':
      // Under the 6.17 rule the spin can outlive its target's SCX task in `before` as well; the stall is that
      // spin holding IRQs off. Under the a379fa1e2cae rule the spin always ends, so a hang would be new.
      // With only one of the two commits the before kernel hangs too (kick-wait-repick, disable-vs-kick).
      if (rule === 'custom') return { origin: 'pre-existing', why: KICK_WAIT_HALF_FIX };
      return rule === '6.17'
        ? { origin: 'pre-existing', why: KICK_WAIT_BUG }
        : { origin: 'introduced', why: 'under the a379fa1e2cae rule the before kernel’s spin always ends' };
    case 'boot-panic':
      return { origin: 'pre-existing', why: 'the boot-time percpu arrays, which 14c1da3895a1 removes' };
    case 'uaf':
    case 'null-deref':
    case 'double-free':
    case 'leak':
    case 'warn':
    case 'dropped-kicks':
      // uaf, NULL dereference, double free, leak, the slot WARN and dropped kicks all need arrays that are
      // allocated, replaced or freed at run time; `before` allocates them once at boot and never frees them.
      return { origin: 'introduced', why: 'the before kernel never frees or replaces its arrays' };
  }
}
