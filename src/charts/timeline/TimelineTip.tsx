// The timeline's tooltip: beside the pointer, flipped to its left near the right edge, kept in the viewport.
import { useRef } from 'react';
import { useKeepInViewport } from '../../ui/useKeepInViewport.ts';
import type { TimelineTooltip } from './useTimelineHover.ts';

export function TimelineTip({ tooltip }: { tooltip: TimelineTooltip | null }) {
  const tipRef = useRef<HTMLDivElement>(null);
  useKeepInViewport(tipRef, tooltip);
  if (!tooltip) return null;
  return (
    <div
      ref={tipRef}
      role="tooltip"
      className="pointer-events-none absolute z-10 max-w-md rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow"
      style={
        tooltip.fromRightPx < 320
          ? { right: tooltip.fromRightPx + 12, top: tooltip.yPx + 12 }
          : { left: tooltip.xPx + 12, top: tooltip.yPx + 12 }
      }
    >
      {tooltip.text}
    </div>
  );
}
