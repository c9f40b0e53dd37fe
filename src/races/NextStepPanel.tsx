// "Choose the next step yourself": the actors that can move now and what their next step does.
// Picking one forks the run at the cursor (the worker replays the schedule up to here, takes that
// actor, and lets the scenario continue); every view then follows the new run.
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { forkRace } from './raceActions.ts';
import { selectLoadedRace, selectRaceBusy, selectRaceScheduleNote } from './raceSelectors.ts';
import { useRaceViewWhenVisible } from './useRaceViewWhenVisible.ts';

const FIRST_SHOWN = 24;

/** One actor that can move: a step of this run, or a fork. Memoised: a step re-renders only the rows that changed. */
const ActorChoice = memo(function ActorChoice({
  id,
  next,
  isNext,
  busy,
  onChoose,
}: {
  id: string;
  next: string;
  isNext: boolean;
  busy: boolean;
  onChoose: (id: string, isNext: boolean) => void;
}) {
  return (
    <li>
      <button
        type="button"
        disabled={busy}
        onClick={() => onChoose(id, isNext)}
        className={`flex w-full items-baseline gap-2 rounded border px-2 py-1 text-left text-xs hover:bg-sky-50 disabled:opacity-50 ${
          isNext ? 'border-sky-400 bg-sky-50' : 'border-slate-200'
        }`}
      >
        <span className="w-20 shrink-0 font-mono font-semibold">{id}</span>
        <span className="min-w-0 flex-1 text-slate-700">{next}</span>
        {isNext && <span className="shrink-0 text-[10px] font-medium text-sky-800">this run</span>}
      </button>
    </li>
  );
});

export function NextStepPanel() {
  const sectionRef = useRef<HTMLElement>(null);
  const view = useRaceViewWhenVisible(sectionRef);
  const shownStep = useRef<number | null>(null);
  useLayoutEffect(() => {
    shownStep.current = view?.step ?? null;
  }, [view]);
  /** Take a choice only when it was made at the step shown (a panel catching up lists another step's actors). */
  const onChoose = useCallback((id: string, isNext: boolean) => {
    if (useAppStore.getState().raceView?.step !== shownStep.current) return;
    if (isNext) useAppStore.getState().stepRaceBy(1);
    else void forkRace(id);
  }, []);
  const race = useAppStore(selectLoadedRace);
  const busy = useAppStore(selectRaceBusy);
  const scheduleNote = useAppStore(selectRaceScheduleNote);
  const [showAll, setShowAll] = useState(false);
  const enabled = view?.enabled ?? [];
  const nextInRun = race && view && view.step < race.result.steps ? race.actorIds[view.step] : null;
  const shown = showAll ? enabled : enabled.slice(0, FIRST_SHOWN);
  return (
    <section
      ref={sectionRef}
      role="region"
      aria-label="Next step"
      className="flex min-w-0 flex-col rounded border border-slate-200 bg-white p-3 [contain:content]"
    >
      <h3 className="text-sm font-semibold">Choose the next step</h3>
      <p className="mb-2 text-xs text-slate-500">
        Who can move at step {view?.step ?? 0}. Picking another actor than this run's forks a new schedule from here.
      </p>
      {view?.halted || enabled.length === 0 ? (
        <p className="text-sm text-slate-600">No actor can move: the run ends here.</p>
      ) : (
        <ul className="flex max-h-72 flex-col gap-1 overflow-auto">
          {shown.map((a) => (
            <ActorChoice key={a.id} id={a.id} next={a.next} isNext={a.id === nextInRun} busy={busy} onChoose={onChoose} />
          ))}
        </ul>
      )}
      {(enabled.length > FIRST_SHOWN || view?.enabledTruncated) && (
        <button type="button" className="mt-1 self-start text-xs font-medium text-sky-800 underline" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${enabled.length}${view?.enabledTruncated ? '+' : ''} actors`}
        </button>
      )}
      {race && race.result.config.schedule.length > 0 && scheduleNote && (
        <p className="mt-2 text-xs text-slate-600">{scheduleNote} Reset returns to the scenario’s own interleaving.</p>
      )}
    </section>
  );
}
