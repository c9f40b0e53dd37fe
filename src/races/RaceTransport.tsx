// The races view's transport: step back, play/pause, step forward, reset, speed, and the step scrubber
// over the whole trace.
import { useId } from 'react';
import { RACE_SPEEDS } from '../state/racesSlice.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import {
  selectRaceAtEnd,
  selectRaceAtStart,
  selectRaceLoaded,
  selectRacePlaying,
  selectRaceSpeed,
  selectRaceStep,
  selectRaceSteps,
} from './raceSelectors.ts';

const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-sky-600';

/** Step back, play/pause, step forward, reset, speed: re-rendered only when one of them changes, not per step. */
function TransportButtons() {
  const atStart = useAppStore(selectRaceAtStart);
  const atEnd = useAppStore(selectRaceAtEnd);
  const playing = useAppStore(selectRacePlaying);
  const speed = useAppStore(selectRaceSpeed);
  const loaded = useAppStore(selectRaceLoaded);
  const stepRaceBy = useAppStore((s) => s.stepRaceBy);
  const toggleRacePlaying = useAppStore((s) => s.toggleRacePlaying);
  const setRacePlaying = useAppStore((s) => s.setRacePlaying);
  const resetRace = useAppStore((s) => s.resetRace);
  const setRaceSpeed = useAppStore((s) => s.setRaceSpeed);
  return (
    <div className="flex flex-wrap items-end gap-2">
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
      <button type="button" className={`${buttonClass} w-20`} disabled={!loaded} onClick={toggleRacePlaying}>
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
      <LabeledSelect label="Speed" className="ml-2" value={speed} onChange={(v) => setRaceSpeed(Number(v))}>
        {RACE_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v} step{v === 1 ? '' : 's'}/s
          </option>
        ))}
      </LabeledSelect>
      <p className="ml-auto self-center text-xs text-slate-500">Keys: ← → step · Space play/pause · Home/End</p>
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
    <div className="flex items-center gap-3">
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
      <span className="w-28 bg-white text-right font-mono text-xs tabular-nums text-slate-600">
        {step} / {steps}
      </span>
    </div>
  );
}

/** Its own paint layer: a step repaints the transport, not the inputs above it. */
export function RaceTransport() {
  return (
    <div className="relative isolate flex w-full flex-col gap-2">
      <TransportButtons />
      <Scrubber />
    </div>
  );
}
