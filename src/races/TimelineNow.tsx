// The timeline's text alternative: what the canvas shows now, in one sentence (the steps in view, the
// cursor, and where the checkers' reports are). Its own component, so only it re-renders per step.
import type { RaceTimeline } from './raceTimeline.ts';
import { useAppStore } from '../state/store.ts';

/** The sentence, pure (tested in tests/ui/timelineNow.test.ts). */
export function describeTimelineNow(timeline: RaceTimeline, step: number, window: readonly [number, number] | null): string {
  // The x domain runs one step past the last state (where open spans end).
  const last = timeline.endStep - 1;
  const [a, b] = window ?? [0, last];
  const shown = `steps ${Math.floor(a)} to ${Math.min(last, Math.ceil(b))} of ${last} shown`;
  const reports = timeline.reportMarks.length
    ? `; reports: ${timeline.reportMarks.map((r) => `${r.title} at step ${r.step}`).join(', ')}`
    : '; no reports';
  return `The timeline: ${shown}, cursor at step ${step}${reports}.`;
}

export function TimelineNow({ timeline }: { timeline: RaceTimeline | null }) {
  const step = useAppStore((s) => s.raceStep);
  const window = useAppStore((s) => s.raceWindow);
  if (!timeline) return null;
  return <p className="sr-only">{describeTimelineNow(timeline, step, window)}</p>;
}
