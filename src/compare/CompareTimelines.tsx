// The two runs' timelines, one above the other, on one step axis: they share the zoom window, each has
// its own cursor (moved together through the alignment), and a strip under each marks the differences
// (numbered, the current one darker) and the steps where the kernel could not follow the schedule.
import { useCallback, useMemo } from 'react';
import type { TimelineData } from '../charts/timeline/drawTimeline.ts';
import { Timeline, type TimelineChange } from '../charts/timeline/Timeline.tsx';
import { FIGURE_IDS } from '../export/figures/figureRegistry.ts';
import { EVENT_WORDS } from '../races/eventWords.ts';
import { TIMELINE_STYLE } from '../races/racePalette.ts';
import { READER_SPAN } from '../races/raceTimeline.ts';
import { actorIdOfEvent, EVENT_KINDS, KERNEL_FNS } from '../races/traceCodes.ts';
import { MIN_WINDOW_STEPS } from '../state/racesSlice.ts';
import { useAppStore } from '../state/store.ts';
import type { Side } from './alignSteps.ts';
import { compareEndStep, type CompareRun } from './compareSlice.ts';
import { DiffStrip } from './DiffStrip.tsx';

const MAX_CPU_LANES = 16;
const coverCounts = (cat: number) => cat === READER_SPAN;
const getWindow = () => useAppStore.getState().compareWindow;

function subscribeFor(side: Side) {
  return (onChange: (what: TimelineChange) => void) => {
    const offWindow = useAppStore.subscribe(
      (s) => s.compareWindow,
      () => onChange('window'),
    );
    const offCursor = useAppStore.subscribe(
      (s) => s.compareCursor[side],
      () => onChange('cursor'),
    );
    return () => {
      offWindow();
      offCursor();
    };
  };
}
const SUBSCRIBE: Record<Side, ReturnType<typeof subscribeFor>> = { a: subscribeFor('a'), b: subscribeFor('b') };
const GET_CURSOR: Record<Side, () => number> = {
  a: () => useAppStore.getState().compareCursor.a,
  b: () => useAppStore.getState().compareCursor.b,
};

function SideTimeline({ side, run, endStep }: { side: Side; run: CompareRun; endStep: number }) {
  const setStep = useAppStore((s) => s.setCompareStep);
  const zoom = useAppStore((s) => s.zoomCompareToRange);
  const hunks = useAppStore((s) => s.compareRun.data?.diff.hunks);
  const blocked = useAppStore((s) => s.compareRun.data?.blocked[side]);
  const data = useMemo<TimelineData>(
    () => ({
      marks: run.timeline.marks,
      spans: run.timeline.spans,
      endStep,
      markerSteps: [...(hunks ?? []).map((h) => h[side][0] + 1), ...(blocked ?? []).map((b) => b.step + 1)],
    }),
    [run, endStep, hunks, blocked, side],
  );
  const describeMark = useCallback(
    (i: number) => {
      const t = run.result.trace;
      const ev = run.timeline.marks.ref[i];
      const kind = EVENT_KINDS[t.kind[ev]];
      const obj = t.obj[ev] >= 0 ? ` · array #${t.obj[ev]}` : '';
      return `Step ${t.step[ev] + 1} · CPU ${t.cpu[ev]} · ${actorIdOfEvent(t, ev, run.actorIds)} · ${KERNEL_FNS[t.fn[ev]]}() · ${EVENT_WORDS[kind]}${obj}`;
    },
    [run],
  );
  const title = side === 'a' ? 'Kernel A' : 'Kernel B';
  return (
    <div className="min-w-0">
      <h4 className={`text-xs font-semibold ${side === 'a' ? 'text-sky-800' : 'text-fuchsia-800'}`}>
        {title}: {run.result.steps} steps
      </h4>
      <Timeline
        label={`${title} timeline`}
        figureId={side === 'a' ? FIGURE_IDS.compareTimelineA : FIGURE_IDS.compareTimelineB}
        data={data}
        style={TIMELINE_STYLE}
        cpuCount={run.timeline.cpus}
        nodes={run.timeline.nodes}
        extraLanes={run.timeline.extraLanes}
        maxCpuLanes={MAX_CPU_LANES}
        laneHeightPx={run.timeline.cpus + run.timeline.extraLanes.length <= 12 ? 18 : 11}
        coverCounts={coverCounts}
        getWindow={getWindow}
        getCursor={GET_CURSOR[side]}
        subscribe={SUBSCRIBE[side]}
        onWindowChange={zoom}
        onPick={(step) => setStep(side, step)}
        describeMark={describeMark}
        minWindowSteps={MIN_WINDOW_STEPS}
      />
      <DiffStrip side={side} endStep={endStep} />
    </div>
  );
}

export function CompareTimelines() {
  const run = useAppStore((s) => s.compareRun.data);
  const zoom = useAppStore((s) => s.zoomCompareToRange);
  const reset = useAppStore((s) => s.resetCompareZoom);
  const endStep = compareEndStep(run);
  const zoomBy = (factor: number) => {
    const s = useAppStore.getState();
    const [a, b] = s.compareWindow ?? [0, endStep];
    const center = Math.min(Math.max(s.compareCursor.a, a), b);
    const half = ((b - a) * factor) / 2;
    zoom(center - half, center + half);
  };
  const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100';
  return (
    <section role="region" aria-label="Aligned timelines" className="relative isolate min-w-0 rounded border border-slate-200 bg-white p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Aligned timelines: one step axis, differences marked</h3>
        <div className="flex gap-1">
          <button type="button" className={button} onClick={() => zoomBy(0.5)}>
            Zoom in
          </button>
          <button type="button" className={button} onClick={() => zoomBy(2)}>
            Zoom out
          </button>
          <button type="button" className={button} onClick={reset}>
            Fit
          </button>
        </div>
      </div>
      {run ? (
        <div className="flex flex-col gap-3">
          <SideTimeline side="a" run={run.a} endStep={endStep} />
          <SideTimeline side="b" run={run.b} endStep={endStep} />
        </div>
      ) : (
        <p className="py-8 text-center text-sm text-slate-500">Running both kernels…</p>
      )}
    </section>
  );
}
