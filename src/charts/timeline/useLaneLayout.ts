// The lanes of a window: which CPU rows get a lane of their own and which are folded into blocks,
// from the rows active in [startStep, endStep] (see timelineLanes.ts and timelineIndex.ts).
import { useCallback, useMemo } from 'react';
import type { TimelineData } from './drawTimeline.ts';
import { activeRowsBoth, createRowMarkBuckets } from './timelineIndex.ts';
import { computeLaneLayout, type ExtraLane, type LaneLayout } from './timelineLanes.ts';

export interface LaneLayoutInput {
  data: TimelineData;
  cpuCount: number;
  nodes: number;
  extraLanes: readonly ExtraLane[];
  /** CPU lanes before CPUs are aggregated into blocks. */
  maxCpuLanes: number;
  /** Span categories that make a row "active" merely by overlapping the window. */
  coverCounts: (spanCategory: number) => boolean;
}

/** A stable function from a window to its lane layout (changes only with the inputs). */
export function useLaneLayout(input: LaneLayoutInput): (startStep: number, endStep: number) => LaneLayout {
  const { data, cpuCount, nodes, extraLanes, maxCpuLanes, coverCounts } = input;
  const rowCount = Math.max(cpuCount, ...extraLanes.map((e) => e.row + 1));
  // Built with the data (not in the first zoom frame): which rows have marks, per bucket of steps.
  const rowBuckets = useMemo(
    () => (cpuCount > maxCpuLanes ? createRowMarkBuckets(data.marks, rowCount) : undefined),
    [data, rowCount, cpuCount, maxCpuLanes],
  );

  return useCallback(
    (startStep: number, endStep: number): LaneLayout => {
      let activeRows: Uint8Array = new Uint8Array(rowCount);
      if (cpuCount > maxCpuLanes) {
        // Rows with events (or span edges) in view always count; rows merely covered by a long span
        // (a CPU stuck in a read-side section) count too, unless that would overflow the lane budget
        // (thousands of spinning CPUs), which would keep blocks from ever splitting when zoomed in.
        const { withEvents, withCover } = activeRowsBoth(data.marks, data.spans, startStep, endStep, rowCount, coverCounts, rowBuckets);
        let covered = 0;
        for (let r = 0; r < cpuCount && covered <= maxCpuLanes; r++) covered += withCover[r];
        activeRows = covered <= maxCpuLanes ? withCover : withEvents;
      }
      return computeLaneLayout({ cpuCount, nodes, activeRows, maxCpuLanes, extraLanes });
    },
    [data, rowCount, rowBuckets, cpuCount, nodes, maxCpuLanes, extraLanes, coverCounts],
  );
}
