// The explore view's Export menu: the review report of the last finished search (file or clipboard).
import { useAppStore } from '../state/store.ts';
import { requestSim } from '../sim/simRequest.ts';
import { currentPageUrl } from '../url/useUrlSync.ts';
import { buildRaceConfig } from '../races/raceConfig.ts';
import { copyText, downloadBlob } from './download.ts';
import { ExportMenu, type ExportMenuItem } from './ExportMenu.tsx';
import { exploreExportProblem, exploreReportFile, exploreReportText } from './exportFiles.ts';

function searched() {
  const s = useAppStore.getState();
  const result = s.exploreResult;
  const target = s.exploreTarget;
  if (!result || !target) throw new Error('no finished search to report.');
  const config = buildRaceConfig(target.params, { cpus: target.cpus, nodes: s.nodes, pageSize: s.pageSize }, s.raceCatalog);
  if (!config) throw new Error('the searched configuration is no longer known; run the search again.');
  return { config, result };
}

export function ExploreExport() {
  const status = useAppStore((s) => s.exploreStatus);
  const hasResult = useAppStore((s) => s.exploreResult !== null);
  const problem = exploreExportProblem(status, hasResult);
  const items: ExportMenuItem[] = [
    {
      label: 'Review report (.txt)',
      unavailable: problem,
      run: async () => {
        const { config, result } = searched();
        const file = await requestSim((sim) => exploreReportFile(sim, config, result, currentPageUrl()));
        downloadBlob(file.name, file.blob);
        return `Saved ${file.name}`;
      },
    },
    {
      label: 'Copy report',
      unavailable: problem,
      run: async () => {
        const { config, result } = searched();
        await copyText(await requestSim((sim) => exploreReportText(sim, config, result, currentPageUrl())));
        return 'Report copied';
      },
    },
  ];
  return <ExportMenu items={items} />;
}
