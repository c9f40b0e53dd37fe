// The "CPUs" range slider: positions are rungs of a log-spaced ladder of CPU counts (cpuSliderScale),
// arrows step to the next rung above or below the current N, even when N was typed off the ladder.
import type { KeyboardEvent } from 'react';
import { SLIDER_MAX_POSITION, cpusToPosition, positionToCpus, stepCpusDown, stepCpusUp } from './cpuSliderScale.ts';

const TICKS = [1, 16, 64, 256, 1024, 4096, 16384];
const PAGE_STEPS = 16; // one doubling

interface CpuSliderProps {
  cpus: number;
  onChange: (cpus: number) => void;
  /** CPU counts to flag on the track (e.g. the old design's limit). */
  marks?: readonly { cpus: number; label: string }[];
}

export function CpuSlider({ cpus, onChange, marks = [] }: CpuSliderProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next: Record<string, () => number> = {
      ArrowRight: () => stepCpusUp(cpus),
      ArrowUp: () => stepCpusUp(cpus),
      ArrowLeft: () => stepCpusDown(cpus),
      ArrowDown: () => stepCpusDown(cpus),
      PageUp: () => stepCpusUp(cpus, PAGE_STEPS),
      PageDown: () => stepCpusDown(cpus, PAGE_STEPS),
      Home: () => positionToCpus(0),
      End: () => positionToCpus(SLIDER_MAX_POSITION),
    };
    const step = next[e.key];
    if (!step) return;
    e.preventDefault();
    onChange(step());
  };
  const percentOf = (n: number) => (cpusToPosition(n) / SLIDER_MAX_POSITION) * 100;
  return (
    <div className="flex flex-col gap-1">
      <input
        type="range"
        aria-label="CPUs"
        aria-valuetext={`${cpus} CPU${cpus === 1 ? '' : 's'}`}
        min={0}
        max={SLIDER_MAX_POSITION}
        step={1}
        value={cpusToPosition(cpus)}
        onChange={(e) => onChange(positionToCpus(Number(e.currentTarget.value)))}
        onKeyDown={onKeyDown}
        className="w-full accent-sky-700"
      />
      <div className="relative h-4 text-[10px] text-slate-500" aria-hidden="true">
        {TICKS.map((n) => (
          <span key={n} className="absolute -translate-x-1/2" style={{ left: `${percentOf(n)}%` }}>
            {n}
          </span>
        ))}
      </div>
      {marks.length > 0 && (
        <div className="relative h-4 text-[10px] font-medium text-red-700" aria-hidden="true">
          {marks.map((m) => (
            <span
              key={m.label}
              className="absolute -translate-x-1/2 border-l border-red-600 pl-0.5 whitespace-nowrap"
              style={{ left: `${percentOf(m.cpus)}%` }}
            >
              {m.label}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
