// The races view's Export menu: the review report (file or clipboard) and the Perfetto trace of the run
// on screen. While a run loads, fails, or lives in a worker that restarted, each item says so instead.
import { useAppStore } from '../state/store.ts';
import { getSimEpoch } from '../sim/simClient.ts';
import { requestSim } from '../sim/simRequest.ts';
import { currentPageUrl } from '../url/useUrlSync.ts';
import { copyText, downloadBlob } from './download.ts';
import { ExportMenu, type ExportMenuItem } from './ExportMenu.tsx';
import {
  raceExportProblem,
  racePerfettoFile,
  raceReportFile,
  raceReportText,
  runFileStem,
  type ExportFile,
  type LoadedRun,
} from './exportFiles.ts';
import { figureItems } from './figures/figureItems.ts';
import { raceCaption, raceFigure } from './figures/raceFigures.ts';

async function save(make: () => Promise<ExportFile>): Promise<string> {
  const file = await make();
  if (file.blob.size === 0) throw new Error('the export came out empty; nothing was saved.');
  downloadBlob(file.name, file.blob);
  return `Saved ${file.name}`;
}

export function RacesExport() {
  const run = useAppStore((s) => s.raceRun);
  const step = useAppStore((s) => s.raceStep);
  const problem = raceExportProblem({ raceRun: run }, getSimEpoch());
  const loaded = (): LoadedRun => {
    const data = useAppStore.getState().raceRun.data;
    if (!data || raceExportProblem(useAppStore.getState(), getSimEpoch())) throw new Error('the run changed meanwhile; try again.');
    return { workerRunId: data.workerRunId, result: data.result };
  };
  const items: ExportMenuItem[] = [
    {
      label: 'Review report (.txt)',
      unavailable: problem,
      run: () => save(() => requestSim((sim) => raceReportFile(sim, loaded(), step, currentPageUrl()))),
    },
    {
      label: 'Copy report',
      unavailable: problem,
      run: async () => {
        const text = await requestSim((sim) => raceReportText(sim, loaded(), step, currentPageUrl()));
        await copyText(text);
        return 'Report copied';
      },
    },
    {
      label: 'Perfetto trace (.json)',
      unavailable: problem,
      run: () => save(() => requestSim((sim) => racePerfettoFile(sim, loaded()))),
    },
  ];
  const caption = () => {
    const { result } = loaded();
    const at = Math.max(0, Math.min(Math.round(step), result.steps));
    const commit = useAppStore.getState().raceCatalog?.variants.find((v) => v.name === result.config.variant)?.commit ?? '';
    return raceCaption(result.config, at, result.steps, commit, currentPageUrl());
  };
  const stem = run.data ? runFileStem(run.data.result.config, Math.max(0, Math.min(Math.round(step), run.data.result.steps))) : 'race';
  const figures = [
    { label: 'CPU grid', fileStem: `${stem}_cpu-grid`, make: () => raceFigure('cpu-grid', caption()) },
    { label: 'Timeline, visible window', fileStem: `${stem}_timeline-window`, make: () => raceFigure('timeline-visible', caption()) },
    { label: 'Timeline, whole run', fileStem: `${stem}_timeline-run`, make: () => raceFigure('timeline-whole', caption()) },
  ];
  for (const f of figures) items.push(...figureItems(f, problem));
  return <ExportMenu items={items} />;
}
