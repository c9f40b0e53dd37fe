// The Compare view's Export menu: the comparison's review report (file or clipboard) and the memory
// overlay as PNG and SVG. While either run loads, fails, or lives in a worker that restarted, each item
// says so instead.
import { compareUrlStateOf } from '../compare/compareUrlState.ts';
import { sideTitle } from '../compare/compareConfig.ts';
import { useAppStore } from '../state/store.ts';
import { getSimEpoch } from '../sim/simClient.ts';
import { requestSim } from '../sim/simRequest.ts';
import { currentPageUrl } from '../url/useUrlSync.ts';
import { copyText, downloadBlob } from './download.ts';
import { ExportMenu, type ExportMenuItem } from './ExportMenu.tsx';
import {
  compareExportProblem,
  compareFileStem,
  compareReportFile,
  compareReportText,
  comparisonLink,
  type LoadedComparison,
} from './compareFiles.ts';
import { figureItems } from './figures/figureItems.ts';
import { compareMemoryFigure, compareTimelineFigure, type CompareFigureState } from './figures/compareFigures.ts';

/** The loaded comparison and the view's link state now; throws when it changed since the menu opened. */
function current() {
  const s = useAppStore.getState();
  const data = s.compareRun.data;
  if (!data || compareExportProblem(s.compareRun, getSimEpoch())) throw new Error('the comparison changed meanwhile; try again.');
  const loaded: LoadedComparison = { a: data.a, b: data.b, diff: data.diff };
  return { loaded, state: compareUrlStateOf(s) };
}

export function CompareExport() {
  const run = useAppStore((s) => s.compareRun);
  const cursorA = useAppStore((s) => Math.round(s.compareCursor.a));
  const problem = compareExportProblem(run, getSimEpoch());
  const items: ExportMenuItem[] = [
    {
      label: 'Review report (.txt)',
      unavailable: problem,
      run: async () => {
        const { loaded, state } = current();
        const file = await requestSim((sim) => compareReportFile(sim, loaded, state, currentPageUrl()));
        if (file.blob.size === 0) throw new Error('the export came out empty; nothing was saved.');
        downloadBlob(file.name, file.blob);
        return `Saved ${file.name}`;
      },
    },
    {
      label: 'Copy report',
      unavailable: problem,
      run: async () => {
        const { loaded, state } = current();
        await copyText(await requestSim((sim) => compareReportText(sim, loaded, state, currentPageUrl())));
        return 'Report copied';
      },
    },
  ];
  const stem = run.data
    ? compareFileStem(run.data, { ...compareUrlStateOf(useAppStore.getState()), cursor: { a: cursorA, b: 0 } })
    : 'compare';
  const figureState = (): CompareFigureState => {
    const { loaded, state } = current();
    const cfg = loaded.a.result.config;
    return {
      scenario: cfg.scenario,
      cpus: cfg.cpus,
      a: sideTitle(state.params.a),
      b: sideTitle(state.params.b),
      cursor: state.cursor,
      link: comparisonLink(loaded, state, currentPageUrl()),
    };
  };
  const figures = [
    { label: 'Memory over time, A and B', fileStem: `${stem}_memory`, make: () => compareMemoryFigure(figureState()) },
    ...(['a', 'b'] as const).flatMap((side) =>
      [false, true].map((whole) => ({
        label: `Timeline ${side.toUpperCase()}, ${whole ? 'whole run' : 'visible window'}`,
        fileStem: `${stem}_timeline-${side}-${whole ? 'run' : 'window'}`,
        make: () => compareTimelineFigure(figureState(), side, whole),
      })),
    ),
  ];
  for (const f of figures) items.push(...figureItems(f, problem));
  return <ExportMenu items={items} />;
}
