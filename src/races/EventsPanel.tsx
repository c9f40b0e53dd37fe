// The event log around the cursor: every trace event of the run (or a window of them for long runs),
// numbered by the step that shows it, the current step highlighted. The model's wording of an event
// arrives with the step view; events of steps not visited yet show their columns (CPU, actor,
// function, kind, array). Long runs are virtualised: only the rows in (or next to) the scrolled part
// of the list are in the DOM, so a step re-renders and repaints a couple of dozen rows, not the window.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StepView } from '../../workers/api.ts';
import type { LoadedRace } from '../state/racesSlice.ts';
import { useAppStore } from '../state/store.ts';
import { selectLoadedRace } from './raceSelectors.ts';
import { useRaceViewWhenVisible } from './useRaceViewWhenVisible.ts';
import { actorIdOfEvent, EVENT_KINDS, KERNEL_FNS } from './traceCodes.ts';

/** Runs with at most this many events list them all; longer ones list a window around the cursor. */
const LIST_ALL_MAX = 400;
const WINDOW_EVENTS = 120;
const CHUNK = 40;
/** Every row is one line this tall, so scrolling to the current step needs no layout read. */
const ROW_PX = 20;
/** Inner height of the list (h-80 less its border). */
const LIST_PX = 318;
/**
 * Rows rendered above and below the visible ones (a scroll shows them before React catches up). Rows
 * are their own paint layers and have no clipped cells (the list clips long rows at its edge): rows
 * entering and leaving the list then add no clip nodes, which would re-layerize the page every step.
 */
const OVERSCAN_ROWS = 3;

/**
 * The model's words for events of steps seen before, per run (filled from step views after they are
 * shown; the shown view's own words are read from it directly). Module-level, so a panel mounted again
 * for the same run still has them.
 */
const textCache = new WeakMap<LoadedRace, Map<number, string>>();

function rememberTexts(race: LoadedRace, view: StepView): void {
  if (view.step <= 0) return;
  let texts = textCache.get(race);
  if (!texts) {
    texts = new Map();
    textCache.set(race, texts);
  }
  const from = race.result.stepEventStart[view.step - 1];
  view.events.forEach((e, k) => texts.set(from + k, e.text));
}

/** Event index range [from, to) of the state after `step` steps (its step's events). */
function eventsOfStep(race: LoadedRace, step: number): [number, number] {
  if (step <= 0) return [0, 0];
  const s = race.result.stepEventStart;
  return [s[step - 1], s[step]];
}

/**
 * Scroll offset that shows the current rows [top, bottom) (px in the list): `scrolled` if they are in
 * view, otherwise one that puts them a third of the way down.
 */
function followScroll(scrolled: number, top: number, bottom: number, rows: number): number {
  const max = Math.max(0, rows * ROW_PX - LIST_PX);
  const clamped = Math.max(0, Math.min(scrolled, max));
  if (bottom <= top || (top >= clamped && bottom <= clamped + LIST_PX)) return clamped;
  return Math.max(0, Math.min(top - LIST_PX / 3, max));
}

interface RowProps {
  race: LoadedRace;
  index: number;
  current: boolean;
  text: string | undefined;
}

const EventRow = memo(function EventRow({ race, index, current, text }: RowProps) {
  const t = race.result.trace;
  const step = t.step[index] + 1;
  const obj = t.obj[index];
  return (
    <li
      data-step={step}
      aria-current={current ? 'step' : undefined}
      title={text}
      className={`overflow-hidden px-2 font-mono text-[11px] leading-5 whitespace-pre [contain:strict] ${current ? 'bg-sky-100 text-slate-950' : 'text-slate-700'}`}
      style={{ height: ROW_PX }}
    >
      {/* The fixed columns as one padded run of monospace text: fewer boxes to shape and lay out when a jump rewrites every row. */}
      {`${String(step).padEnd(7)}${`CPU ${t.cpu[index]}`.padEnd(10)}${actorIdOfEvent(t, index, race.actorIds).padEnd(12)}`}
      <span className="text-slate-600">{KERNEL_FNS[t.fn[index]]}() </span>
      <span className="font-semibold">{EVENT_KINDS[t.kind[index]]}</span>
      {`${obj >= 0 ? ` · array #${obj}` : ''}${text ? ` · ${text}` : ''}`}
    </li>
  );
});

interface ScrollState {
  /** Scroll offset of the list, px (the last one the list reported or was given). */
  top: number;
  /** What it was derived for: the window start and the current step's first event. */
  from: number;
  curFrom: number;
  curTo: number;
}

export function EventsPanel() {
  const race = useAppStore(selectLoadedRace);
  const sectionRef = useRef<HTMLElement>(null);
  const view = useRaceViewWhenVisible(sectionRef);
  const listRef = useRef<HTMLDivElement>(null);
  /** The scroll offset last given to or reported by the list (reading scrollTop could force a layout). */
  const appliedRef = useRef(0);
  /** The view, if it is a view of this run. */
  const ownView = race && view && view.steps === race.result.steps ? view : null;
  // After the commit, not during render: the rows of a later step read this step's words from the cache.
  useEffect(() => {
    if (race && ownView) rememberTexts(race, ownView);
  }, [race, ownView]);

  const count = race?.result.trace.count ?? 0;
  const [curFrom, curTo] = race && view ? eventsOfStep(race, Math.min(view.step, race.result.steps)) : [0, 0];
  // The listed window moves in chunks, so stepping mostly changes only the highlight.
  const anchor = Math.floor(curFrom / CHUNK) * CHUNK;
  const [from, to] = useMemo(() => {
    if (count <= LIST_ALL_MAX) return [0, count];
    const a = Math.max(0, anchor - WINDOW_EVENTS / 2);
    return [a, Math.min(count, a + WINDOW_EVENTS + CHUNK)];
  }, [count, anchor]);

  // Follow the cursor: when its rows leave the visible part, scroll them back in (arithmetic only).
  const [scroll, setScroll] = useState<ScrollState>({ top: 0, from: 0, curFrom: 0, curTo: 0 });
  let scrollTop = scroll.top;
  if (scroll.from !== from || scroll.curFrom !== curFrom || scroll.curTo !== curTo) {
    scrollTop = followScroll(scroll.top - (from - scroll.from) * ROW_PX, (curFrom - from) * ROW_PX, (curTo - from) * ROW_PX, to - from);
    setScroll({ top: scrollTop, from, curFrom, curTo });
  }

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || appliedRef.current === scrollTop) return;
    appliedRef.current = scrollTop;
    list.scrollTop = scrollTop;
  }, [scrollTop]);

  const virtual = count > LIST_ALL_MAX;
  const firstRow = virtual ? Math.max(from, from + Math.floor(scrollTop / ROW_PX) - OVERSCAN_ROWS) : from;
  const endRow = virtual ? Math.min(to, from + Math.ceil((scrollTop + LIST_PX) / ROW_PX) + OVERSCAN_ROWS) : to;
  const texts = race ? textCache.get(race) : undefined;
  const rows = [];
  if (race) {
    for (let i = firstRow; i < endRow; i++) {
      // Keyed by position in the rendered window: a jump rewrites the rows in place instead of replacing them.
      const current = i >= curFrom && i < curTo;
      const text = current && ownView ? ownView.events[i - curFrom]?.text : texts?.get(i);
      rows.push(<EventRow key={i - firstRow} race={race} index={i} current={current} text={text} />);
    }
  }
  return (
    <section
      ref={sectionRef}
      role="region"
      aria-label="Events"
      className="flex min-w-0 flex-col rounded border border-slate-200 bg-white p-3 [contain:content]"
    >
      <h3 className="mb-1 text-sm font-semibold">Events</h3>
      <p className="mb-2 text-xs text-slate-500">
        {count <= LIST_ALL_MAX
          ? `All ${count} events of this run; the current step is highlighted.`
          : `Events ${from + 1}–${to} of ${count.toLocaleString('en-US')}, around the cursor.`}
      </p>
      <div
        ref={listRef}
        className="h-80 overflow-x-hidden overflow-y-auto rounded border border-slate-100 [contain:strict]"
        tabIndex={0}
        role="group"
        aria-label="Events list (scrolls)"
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop;
          if (top === appliedRef.current) return;
          appliedRef.current = top;
          setScroll((s) => ({ ...s, top }));
        }}
      >
        <div className="relative" style={{ height: (to - from) * ROW_PX }}>
          <ol className="absolute inset-x-0" style={{ top: (firstRow - from) * ROW_PX }}>
            {rows}
          </ol>
        </div>
      </div>
    </section>
  );
}
