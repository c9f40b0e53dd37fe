// The races timeline: the run's trace on a zoomable step axis, wired to the store (window, cursor)
// through subscriptions; the chart itself is the generic canvas Timeline.
import { useCallback, useMemo } from 'react';
import type { TimelineData } from '../charts/timeline/drawTimeline.ts';
import { Timeline, type TimelineChange } from '../charts/timeline/Timeline.tsx';
import { MIN_WINDOW_STEPS } from '../state/racesSlice.ts';
import { TimelineNow } from './TimelineNow.tsx';
import { useAppStore } from '../state/store.ts';
import { legendColor, TIMELINE_STYLE } from './racePalette.ts';
import { selectLoadedRace } from './raceSelectors.ts';
import { READER_SPAN } from './raceTimeline.ts';
import { EVENT_WORDS } from './eventWords.ts';
import { ReadableCpusOffer } from './ReadableCpusOffer.tsx';
import { LEGEND_ENTRIES, legendInWindow } from './timelineLegend.ts';
import type { RaceTimeline } from './raceTimeline.ts';
import { actorIdOfEvent, EVENT_KINDS, KERNEL_FNS } from './traceCodes.ts';
import { FIGURE_IDS } from '../export/figures/figureRegistry.ts';

const MAX_CPU_LANES = 24;
const coverCounts = (cat: number) => cat === READER_SPAN;

const subscribe = (onChange: (what: TimelineChange) => void) => {
  const offWindow = useAppStore.subscribe(
    (s) => s.raceWindow,
    () => onChange('window'),
  );
  const offCursor = useAppStore.subscribe(
    (s) => s.raceStep,
    () => onChange('cursor'),
  );
  return () => {
    offWindow();
    offCursor();
  };
};
const getWindow = () => useAppStore.getState().raceWindow;
const getCursor = () => useAppStore.getState().raceStep;

/** Only the entries drawn in the visible window: re-rendered when the window changes, not per step. */
function TimelineLegend({ timeline }: { timeline: RaceTimeline | null }) {
  const range = useAppStore((s) => s.raceWindow);
  const entries = useMemo(() => {
    if (!timeline) return [];
    const [from, to] = range ?? [0, timeline.endStep];
    return legendInWindow(LEGEND_ENTRIES, timeline.marks, timeline.spans, from, to);
  }, [timeline, range]);
  return (
    <ul className="mt-2 flex min-h-4 flex-wrap gap-x-3 gap-y-1 text-[11px] text-slate-600" aria-label="Timeline legend">
      {entries.map((entry) => (
        <li key={entry.label} className="flex items-center gap-1">
          <LegendSwatch color={legendColor(entry)} shape={entry.shape} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

function LegendSwatch({ color, shape }: { color: string; shape: 'ribbon' | 'overlay' | 'band' | 'mark' }) {
  const style =
    shape === 'overlay'
      ? { background: `${color}4d`, borderTop: `2px solid ${color}`, borderBottom: `2px solid ${color}` }
      : { background: color };
  const size = shape === 'mark' ? 'h-3 w-1.5' : shape === 'ribbon' ? 'h-1.5 w-4' : 'h-3 w-4';
  return <span className={`inline-block ${size} rounded-[1px]`} style={style} aria-hidden="true" />;
}

export function RacesTimelinePanel() {
  const race = useAppStore(selectLoadedRace);
  const zoomRaceToRange = useAppStore((s) => s.zoomRaceToRange);
  const resetRaceZoom = useAppStore((s) => s.resetRaceZoom);
  const setRaceStep = useAppStore((s) => s.setRaceStep);

  const timeline = race?.timeline ?? null;
  const data = useMemo<TimelineData | null>(
    () =>
      timeline && {
        marks: timeline.marks,
        spans: timeline.spans,
        endStep: timeline.endStep,
        markerSteps: timeline.reportMarks.map((r) => r.step),
      },
    [timeline],
  );

  const describeMark = useCallback(
    (i: number) => {
      if (!race) return '';
      const t = race.result.trace;
      const ev = race.timeline.marks.ref[i];
      const kind = EVENT_KINDS[t.kind[ev]];
      const fn = KERNEL_FNS[t.fn[ev]];
      const actor = actorIdOfEvent(t, ev, race.actorIds);
      const obj = t.obj[ev] >= 0 ? ` · array #${t.obj[ev]}` : '';
      return `Step ${t.step[ev] + 1} · CPU ${t.cpu[ev]} · ${actor} · ${fn}() · ${EVENT_WORDS[kind]}${obj}`;
    },
    [race],
  );

  const zoomBy = (factor: number) => {
    const s = useAppStore.getState();
    if (!timeline) return;
    const [a, b] = s.raceWindow ?? [0, timeline.endStep];
    const center = Math.min(Math.max(s.raceStep, a), b);
    const half = ((b - a) * factor) / 2;
    zoomRaceToRange(center - half, center + half);
  };

  return (
    <section
      role="region"
      aria-label="Timeline"
      className="chart-surface relative isolate min-w-0 rounded border border-slate-200 bg-white p-3"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Timeline: who did what, step by step</h3>
        <TimelineNow timeline={timeline} />
        <div className="flex gap-1">
          <ReadableCpusOffer />
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
            onClick={() => zoomBy(0.5)}
          >
            Zoom in
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
            onClick={() => zoomBy(2)}
          >
            Zoom out
          </button>
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100" onClick={resetRaceZoom}>
            Fit
          </button>
        </div>
      </div>
      {timeline && data ? (
        <Timeline
          label="Timeline"
          figureId={FIGURE_IDS.racesTimeline}
          data={data}
          style={TIMELINE_STYLE}
          cpuCount={timeline.cpus}
          nodes={timeline.nodes}
          extraLanes={timeline.extraLanes}
          maxCpuLanes={MAX_CPU_LANES}
          laneHeightPx={timeline.cpus + timeline.extraLanes.length <= 12 ? 24 : 13}
          coverCounts={coverCounts}
          getWindow={getWindow}
          getCursor={getCursor}
          subscribe={subscribe}
          onWindowChange={zoomRaceToRange}
          onPick={setRaceStep}
          describeMark={describeMark}
          minWindowSteps={MIN_WINDOW_STEPS}
        />
      ) : (
        <p className="py-8 text-center text-sm text-slate-500">Running the scenario…</p>
      )}
      <TimelineLegend timeline={timeline} />
      {timeline && timeline.cpus > MAX_CPU_LANES && (
        <p className="mt-1 text-[11px] text-slate-500">
          {timeline.cpus} CPUs: only CPUs with events in view get lanes, grouped in blocks inside their NUMA node; zoom in to split the
          blocks into single CPUs.
        </p>
      )}
    </section>
  );
}
