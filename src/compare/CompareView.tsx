// The compare view: one scenario and one schedule on two kernels ("what does this patch change, and is
// the backport complete?"). Inputs; the status line with the difference buttons; the aligned timelines;
// then the differences in words beside the verdicts, the memory curves and the code that differs.
import { CompareExport } from '../export/CompareExport.tsx';
import { SimErrorAlert } from '../sim/SimErrorAlert.tsx';
import { useAppStore } from '../state/store.ts';
import { ViewIntro } from '../ui/ViewIntro.tsx';
import { CodeDifferences } from './CodeDifferences.tsx';
import { CompareControls } from './CompareControls.tsx';
import { CompareTimelines } from './CompareTimelines.tsx';
import { DiffNavigator } from './DiffNavigator.tsx';
import { HunkList } from './HunkList.tsx';
import { MemoryOverlay } from './MemoryOverlay.tsx';
import { VerdictComparison } from './VerdictComparison.tsx';
import { useCompareRun } from './useCompareRun.ts';

export function CompareView() {
  useCompareRun();
  const error = useAppStore((s) => s.compareRun.error);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <ViewIntro title="Compare: what does the patch change on the same schedule?">
          <p>
            Run one scenario on two kernels with one schedule. The traces are aligned by what each step means (actor, CPU, kernel function,
            action, object) and the stretches that differ are marked on both timelines.
          </p>
        </ViewIntro>
        <div className="ml-auto flex items-center gap-2" data-slot="compare-export">
          <CompareExport />
        </div>
      </div>
      {error && <SimErrorAlert message={error} what="the comparison" />}
      <CompareControls />
      <div className="sticky top-0 z-20">
        <DiffNavigator />
      </div>
      <CompareTimelines />
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
        <HunkList />
        <div className="flex min-w-0 flex-col gap-3">
          <VerdictComparison />
          <MemoryOverlay />
          <CodeDifferences />
        </div>
      </div>
    </div>
  );
}
