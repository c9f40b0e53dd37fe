// The memory view's Export menu: the memory chart and the CPU grid as PNG and SVG.
import { useAppStore } from '../state/store.ts';
import { currentShareUrl } from '../url/useUrlSync.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { figureItems } from './figures/figureItems.ts';
import { memoryCaption, memoryFigure } from './figures/memoryFigures.ts';

export function MemoryExport() {
  const ready = useAppStore((s) => s.memoryRun.data !== null && s.curveRun.data !== null && s.memoryRun.status !== 'running');
  const stem = useAppStore((s) => `memory_${s.cpus}cpu_${s.nodes}node_${s.pageSize / 1024}k`);
  const problem = ready ? null : 'the memory figures are still being computed; try again in a moment.';
  const caption = () => {
    const s = useAppStore.getState();
    return memoryCaption({
      cpus: s.cpus,
      nodes: s.nodes,
      pageSize: s.pageSize,
      log: s.memoryLogScale,
      design: s.memoryGridDesign,
      link: currentShareUrl(),
    });
  };
  const items = [
    ...figureItems({ label: 'Memory chart', fileStem: `${stem}_chart`, make: () => memoryFigure('chart', caption()) }, problem),
    ...figureItems({ label: 'CPU grid', fileStem: `${stem}_cpu-grid`, make: () => memoryFigure('cpu-grid', caption()) }, problem),
  ];
  return <ExportMenu items={items} />;
}
