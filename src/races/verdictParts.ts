// The verdict in parts: what the checkers found so far (up to the step shown) or by the end of the run,
// split into what this kernel introduced and what the `before` kernel already had (the model decides the
// origin of each report: workers/model/sched/origin.ts). Pure.
import type { Report, ReportKind } from '../../workers/api.ts';

/** Worst first. */
const ORDER: ReportKind[] = ['boot-panic', 'uaf', 'null-deref', 'double-free', 'stuck', 'rcu-stall', 'leak', 'warn', 'dropped-kicks'];

const PHRASE: Record<ReportKind, string> = {
  'boot-panic': 'boot panic',
  uaf: 'use-after-free',
  'null-deref': 'NULL dereference',
  'double-free': 'double free',
  stuck: 'stuck spin',
  'rcu-stall': 'RCU stall',
  leak: 'arrays leaked',
  warn: 'WARN',
  'dropped-kicks': 'kicks dropped',
};

export interface VerdictGroup {
  /** Short phrases, worst first. */
  phrases: string[];
  /** Why these are (or are not) this kernel's doing; one reason per group. */
  why: string;
}

export interface VerdictSplit {
  introduced: VerdictGroup[];
  preExisting: VerdictGroup[];
}

/** Reports found by view step `step` (a report at trace step s shows from view step s + 1); all when step is null. */
export function reportsUpTo(reports: readonly Report[], step: number | null): Report[] {
  return step === null ? [...reports] : reports.filter((r) => r.step + 1 <= step);
}

/** Group reports by origin, then by reason; each kind once, worst first. */
export function splitVerdict(reports: readonly Report[]): VerdictSplit {
  const groups = (origin: Report['origin']): VerdictGroup[] => {
    const byWhy = new Map<string, Set<ReportKind>>();
    for (const r of reports) {
      if (r.origin !== origin) continue;
      const kinds = byWhy.get(r.originWhy) ?? new Set<ReportKind>();
      kinds.add(r.kind);
      byWhy.set(r.originWhy, kinds);
    }
    return [...byWhy].map(([why, kinds]) => ({ why, phrases: ORDER.filter((k) => kinds.has(k)).map((k) => PHRASE[k]) }));
  };
  return { introduced: groups('introduced'), preExisting: groups('pre-existing') };
}

/** "stuck spin, RCU stall (why)" for each group, joined. */
export function groupText(groups: readonly VerdictGroup[]): string {
  return groups.map((g) => `${g.phrases.join(', ')} (${g.why})`).join('; ');
}
