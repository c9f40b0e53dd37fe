// Where a floating box goes beside its anchor so that it stays inside the viewport (pure; shared by the
// glossary's tooltips and the charts' hover boxes).

const MARGIN = 8;

export interface AnchorBox {
  left: number;
  top: number;
  bottom: number;
}

/** A (w × h) box below `anchor`, or above when there is no room below, kept MARGIN px inside (vw × vh). */
export function placeTooltip(anchor: AnchorBox, w: number, h: number, vw: number, vh: number): { left: number; top: number } {
  const left = Math.max(MARGIN, Math.min(anchor.left, vw - w - MARGIN));
  const below = anchor.bottom + 4;
  const top = below + h + MARGIN <= vh ? below : Math.max(MARGIN, anchor.top - 4 - h);
  return { left, top };
}
