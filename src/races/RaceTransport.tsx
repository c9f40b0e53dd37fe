// The races view's step bar: step back, play/pause, step forward, reset, the step scrubber over the whole
// trace, the status line, the step in words and the verdict (RacesStatus.tsx) beside them, then the speed. It lays itself out by
// its own width (a container query): stacked in the narrow column beside the timeline, in rows when wide.
import { useId } from 'react';
import { RACE_SPEEDS } from '../state/racesSlice.ts';
import { effectivePlaySpeed, REDUCED_MOTION_MAX_SPEED, usePrefersReducedMotion } from './reducedMotion.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import { RacesStatus } from './RacesStatus.tsx';
import { isViolation } from './stepMeaning.ts';
import {
  selectRaceAtEnd,
  selectRaceAtStart,
  selectRaceLoaded,
  selectRacePlaying,
  selectRaceSpeed,
  selectRaceStep,
  selectRaceSteps,
  selectRaceView,
} from './raceSelectors.ts';

const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-sky-600';

/** Step back, play/pause, step forward, reset: re-rendered only when one of them changes, not per step. */
function TransportButtons() {
  const atStart = useAppStore(selectRaceAtStart);
  const atEnd = useAppStore(selectRaceAtEnd);
  const playing = useAppStore(selectRacePlaying);
  const loaded = useAppStore(selectRaceLoaded);
  const stepRaceBy = useAppStore((s) => s.stepRaceBy);
  const toggleRacePlaying = useAppStore((s) => s.toggleRacePlaying);
  const setRacePlaying = useAppStore((s) => s.setRacePlaying);
  const resetRace = useAppStore((s) => s.resetRace);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={buttonClass}
        disabled={!loaded || atStart}
        onClick={() => {
          setRacePlaying(false);
          stepRaceBy(-1);
        }}
      >
        Step back
      </button>
      <button type="button" className={`${buttonClass} w-16`} disabled={!loaded} onClick={toggleRacePlaying}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={!loaded || atEnd}
        onClick={() => {
          setRacePlaying(false);
          stepRaceBy(1);
        }}
      >
        Step forward
      </button>
      <button type="button" className={buttonClass} onClick={resetRace}>
        Reset
      </button>
    </div>
  );
}

/** Playing speed, and the keys. */
function SpeedAndKeys() {
  const speed = useAppStore(selectRaceSpeed);
  const setRaceSpeed = useAppStore((s) => s.setRaceSpeed);
  const reduced = usePrefersReducedMotion();
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <LabeledSelect label="Speed" inline selectClassName="py-0 text-xs" value={speed} onChange={(v) => setRaceSpeed(Number(v))}>
        {RACE_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v} step{v === 1 ? '' : 's'}/s
          </option>
        ))}
      </LabeledSelect>
      {reduced && effectivePlaySpeed(speed, true) < speed && (
        <p className="text-xs text-slate-600">Reduced motion: Play shows {REDUCED_MOTION_MAX_SPEED} step/s</p>
      )}
      <p className="text-xs text-slate-600" title="Keys: ← → step · Space play/pause · Home/End">
        Keys: ← → · Space · Home/End
      </p>
    </div>
  );
}

/** The step scrubber and "k / n": the only part of the controls that re-renders per step. */
function Scrubber() {
  const step = useAppStore(selectRaceStep);
  const steps = useAppStore(selectRaceSteps);
  const loaded = useAppStore(selectRaceLoaded);
  const setRaceStep = useAppStore((s) => s.setRaceStep);
  const scrubId = useId();
  return (
    <div className="flex min-w-64 flex-1 items-center gap-3">
      <label htmlFor={scrubId} className="text-xs font-medium text-slate-600">
        Step
      </label>
      <input
        id={scrubId}
        type="range"
        min={0}
        max={steps}
        step={1}
        value={step}
        disabled={!loaded}
        aria-valuetext={`step ${step} of ${steps}`}
        onChange={(e) => setRaceStep(Number(e.currentTarget.value))}
        className="w-full accent-sky-700"
      />
      {/* Painted background: the text's paint bounds stay the box's, whatever its width (a change of bounds re-layerizes the page). */}
      <span className="w-24 shrink-0 bg-inherit text-right font-mono text-xs tabular-nums text-slate-600">
        {step} / {steps}
      </span>
    </div>
  );
}

/**
 * The step bar: its own paint layer (a step repaints the player, not the page around it). It sticks to the
 * top of the window while the page scrolls, and turns red at a step where a checker finds a violation.
 */
export function RaceTransport() {
  const view = useAppStore(selectRaceView);
  const violating = view ? isViolation(view.events) : false;
  return (
    <div
      aria-label="Step bar"
      role="group"
      data-violation={violating || undefined}
      className={`@container relative isolate flex min-w-0 flex-col gap-1 rounded border px-3 py-2 shadow-sm ${
        violating ? 'border-red-400 bg-red-50' : 'border-slate-200 bg-white'
      }`}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <TransportButtons />
        <Scrubber />
      </div>
      <RacesStatus />
      <SpeedAndKeys />
    </div>
  );
}
