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

/** How far to move a box at `rect` so that it lies MARGIN px inside a (vw × vh) viewport (0, 0 when it does). */
export function shiftIntoViewport(rect: { left: number; top: number; right: number; bottom: number }, vw: number, vh: number) {
  const dx =
    rect.right > vw - MARGIN ? Math.max(vw - MARGIN - rect.right, MARGIN - rect.left) : rect.left < MARGIN ? MARGIN - rect.left : 0;
  const dy = rect.bottom > vh - MARGIN ? Math.max(vh - MARGIN - rect.bottom, MARGIN - rect.top) : rect.top < MARGIN ? MARGIN - rect.top : 0;
  return { dx, dy };
}
