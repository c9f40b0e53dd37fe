// The races view: step through a scenario's interleaving forwards and backwards, at 4 CPUs or 8192.
// Layout: the inputs in one row; then from 1280 px two columns, the timeline (memory over time and the
// code under it) beside the player (transport, status line, verdict) over the CPU grid and the run's
// explanation; then events beside the next-step chooser, and the reports.
import { Glossed } from '../ui/Term.tsx';
import { SimErrorAlert } from '../sim/SimErrorAlert.tsx';
import { useAppStore } from '../state/store.ts';
import { ViewIntro } from '../ui/ViewIntro.tsx';
import { CodePanel } from './CodePanel.tsx';
import { CpuGridPanel } from './CpuGridPanel.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { MemoryOverTime } from './MemoryOverTime.tsx';
import { NextStepPanel } from './NextStepPanel.tsx';
import { RacesControls } from './RacesControls.tsx';
import { RaceTransport } from './RaceTransport.tsx';
import { RacesTimelinePanel } from './RacesTimelinePanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { selectRaceError } from './raceSelectors.ts';
import { useRaceKeyboard } from './useRaceKeyboard.ts';
import { useRacePlayer } from './useRacePlayer.ts';
import { useRaceRun } from './useRaceRun.ts';
import { useRaceStepper } from './useRaceStepper.ts';
import { useFollowCursor } from './useFollowCursor.ts';
import { RacesExport } from '../export/RacesExport.tsx';

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
      <ViewIntro actions={<RacesExport />} title="Races: who frees the array while whom still reads it?">
        <p>
          <Glossed text="Step through an interleaving of the enable, disable and kick paths. Each CPU’s kick irq work reads its array with IRQs off, which makes it an RCU reader; the array may only be freed after a grace period that waits for it." />
        </p>
      </ViewIntro>
      {error && <SimErrorAlert message={error} what="the race" />}
      <RacesControls />
      {/* Two columns from 1280 px. Narrower, the columns dissolve (display: contents) into one, ordered
          player, timeline, memory, CPU grid, code, explanation; the DOM keeps the player first for the keyboard. */}
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,25rem)]">
        <div className="contents xl:col-start-2 xl:row-start-1 xl:flex xl:min-w-0 xl:flex-col xl:gap-3">
          {/* The step bar stays in view while the page scrolls (the column is as tall as the row). */}
          <div className="sticky top-0 z-20 order-1 min-w-0">
            <RaceTransport />
          </div>
          <div className="order-4 min-w-0">
            <CpuGridPanel />
          </div>
          <div className="order-6 min-w-0">
            <ExplanationPanel />
          </div>
        </div>
        <div className="contents xl:col-start-1 xl:row-start-1 xl:flex xl:min-w-0 xl:flex-col xl:gap-3">
          <div className="order-2 min-w-0">
            <RacesTimelinePanel />
          </div>
          <div className="order-3 min-w-0">
            <MemoryOverTime />
          </div>
          <div className="order-5 min-w-0">
            <CodePanel />
          </div>
        </div>
      </div>
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <EventsPanel />
        <NextStepPanel />
      </div>
      <ReportsPanel />
    </div>
  );
}
