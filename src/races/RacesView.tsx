// The races view: step through a scenario's interleaving forwards and backwards, at 4 CPUs or 8192.
// Layout: controls and status on top, the timeline (with memory over time) and the CPU grid side by
// side, then code, events, the next-step chooser, reports and the explanation.
import { SimErrorAlert } from '../sim/SimErrorAlert.tsx';
import { useAppStore } from '../state/store.ts';
import { CodePanel } from './CodePanel.tsx';
import { CpuGridPanel } from './CpuGridPanel.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { MemoryOverTime } from './MemoryOverTime.tsx';
import { NextStepPanel } from './NextStepPanel.tsx';
import { RacesControls } from './RacesControls.tsx';
import { RacesStatus } from './RacesStatus.tsx';
import { RacesTimelinePanel } from './RacesTimelinePanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { selectRaceError } from './raceSelectors.ts';
import { useRaceKeyboard } from './useRaceKeyboard.ts';
import { useRacePlayer } from './useRacePlayer.ts';
import { useRaceRun } from './useRaceRun.ts';
import { useRaceStepper } from './useRaceStepper.ts';
import { useFollowCursor } from './useFollowCursor.ts';

export function RacesView() {
  const catalogError = useRaceRun();
  useRaceStepper();
  useRacePlayer();
  useRaceKeyboard();
  useFollowCursor();
  const runError = useAppStore(selectRaceError);
  const error = catalogError ?? runError;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h2 className="text-base font-semibold">Races: who frees the array while whom still reads it?</h2>
        <p className="max-w-5xl text-sm text-slate-600">
          Step through an interleaving of the enable, disable and kick paths. Each CPU’s kick irq work reads its array with IRQs off, which
          makes it an RCU reader; the array may only be freed after a grace period that waits for it.
        </p>
      </div>
      {error && <SimErrorAlert message={error} what="the race" />}
      <RacesControls />
      <RacesStatus />
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,25rem)]">
        <div className="flex min-w-0 flex-col gap-3">
          <RacesTimelinePanel />
          <MemoryOverTime />
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          <CpuGridPanel />
          <ExplanationPanel />
        </div>
      </div>
      <CodePanel />
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <EventsPanel />
        <NextStepPanel />
      </div>
      <ReportsPanel />
    </div>
  );
}
