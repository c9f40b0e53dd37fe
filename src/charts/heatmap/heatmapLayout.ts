// Pure geometry of the CPU grid: one square cell per CPU, CPUs grouped into contiguous blocks
// (NUMA nodes) with a label strip above each block. Hit-testing is arithmetic, no DOM per cell.

export interface GridLayoutOptions {
  /** Space between blocks, CSS px. */
  gapPx?: number;
  /** Height of the label strip above each block, CSS px (0 = no labels). */
  labelPx?: number;
  /** Largest cell side, CSS px, so a handful of CPUs does not become giant tiles. */
  maxCellPx?: number;
}

/** One block of cells: group `index` holds cells start..start+count−1, row-major, `cols` wide. */
export interface GridBlock {
  /** Index of the group in the `groupSizes` passed in (empty groups get no block). */
  index: number;
  start: number;
  count: number;
  /** Left edge of the first cell, CSS px. */
  x: number;
  /** Top edge of the first cell row, CSS px (the label strip sits above it). */
  y: number;
}

export interface GridLayout {
  cellCount: number;
  /** Cell pitch, CSS px (integer ≥ 1). */
  cellPx: number;
  /** Blank margin at the right and bottom of each cell, CSS px (0 for small cells). */
  gutterPx: number;
  /** Columns and rows of every block (blocks share one shape). */
  cols: number;
  rows: number;
  labelPx: number;
  blocks: GridBlock[];
  /** Extent of everything drawn, CSS px; may exceed the requested height when nothing fits. */
  widthPx: number;
  heightPx: number;
}

export interface CellRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULTS: Required<GridLayoutOptions> = { gapPx: 10, labelPx: 14, maxCellPx: 40 };

/** Gutter for a given pitch: none below 6 px, so tiny cells stay solid pixels. */
export function gutterForCell(cellPx: number): number {
  if (cellPx >= 20) return 2;
  if (cellPx >= 6) return 1;
  return 0;
}

interface Candidate {
  cellPx: number;
  cols: number;
  rows: number;
  blockCols: number;
  heightPx: number;
}

/**
 * Lay out `sum(groupSizes)` cells in blocks (one per non-empty group) inside widthPx × heightPx,
 * choosing the block arrangement that gives the largest integer cell. If even 1 px cells do not
 * fit the height, 1 px cells are used and the layout is taller than asked. O(groups · maxCellPx).
 */
export function computeGridLayout(
  groupSizes: readonly number[],
  widthPx: number,
  heightPx: number,
  options: GridLayoutOptions = {},
): GridLayout {
  const { gapPx, labelPx, maxCellPx } = { ...DEFAULTS, ...options };
  const groups: { index: number; start: number; count: number }[] = [];
  let cellCount = 0;
  groupSizes.forEach((size, index) => {
    const count = Math.max(0, Math.floor(size));
    if (count > 0) groups.push({ index, start: cellCount, count });
    cellCount += count;
  });
  const empty: GridLayout = {
    cellCount,
    cellPx: 1,
    gutterPx: 0,
    cols: 0,
    rows: 0,
    labelPx,
    blocks: [],
    widthPx: 0,
    heightPx: 0,
  };
  if (groups.length === 0) return empty;

  const blockCount = groups.length;
  const largest = Math.max(...groups.map((g) => g.count));
  const width = Math.max(1, Math.floor(widthPx));
  const height = Math.max(1, Math.floor(heightPx));
  let best: Candidate | null = null;
  let fallback: Candidate | null = null;

  for (let blockCols = 1; blockCols <= blockCount; blockCols++) {
    const blockRows = Math.ceil(blockCount / blockCols);
    const blockW = Math.floor((width - gapPx * (blockCols - 1)) / blockCols);
    const blockH = Math.floor((height - blockRows * labelPx - gapPx * (blockRows - 1)) / blockRows);
    if (blockW < 1) continue;
    for (let cellPx = maxCellPx; cellPx >= 1; cellPx--) {
      const cols = Math.min(largest, Math.floor(blockW / cellPx));
      if (cols < 1) continue;
      const rows = Math.ceil(largest / cols);
      const totalH = blockRows * (labelPx + rows * cellPx) + gapPx * (blockRows - 1);
      const candidate = { cellPx, cols, rows, blockCols, heightPx: totalH };
      if (rows * cellPx <= blockH) {
        if (!best || cellPx > best.cellPx) best = candidate;
        break;
      }
      if (cellPx === 1 && (!fallback || totalH < fallback.heightPx)) fallback = candidate;
    }
  }
  const chosen = best ?? fallback ?? { cellPx: 1, cols: 1, rows: largest, blockCols: 1, heightPx: 0 };
  const { cellPx, cols, rows, blockCols } = chosen;
  const blockW = cols * cellPx;
  const blockH = rows * cellPx;
  const blocks = groups.map((g, k) => ({
    ...g,
    x: (k % blockCols) * (blockW + gapPx),
    y: Math.floor(k / blockCols) * (labelPx + blockH + gapPx) + labelPx,
  }));
  const usedCols = Math.min(blockCols, blockCount);
  const usedRows = Math.ceil(blockCount / blockCols);
  return {
    cellCount,
    cellPx,
    gutterPx: gutterForCell(cellPx),
    cols,
    rows,
    labelPx,
    blocks,
    widthPx: usedCols * blockW + (usedCols - 1) * gapPx,
    heightPx: usedRows * (labelPx + blockH) + (usedRows - 1) * gapPx,
  };
}

/** The block holding `cellIndex` (binary search over block starts), or null when out of range. */
export function blockOfCell(layout: GridLayout, cellIndex: number): GridBlock | null {
  const { blocks } = layout;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (cellIndex < b.start) hi = mid - 1;
    else if (cellIndex >= b.start + b.count) lo = mid + 1;
    else return b;
  }
  return null;
}

/** The drawn square of one cell in CSS px (pitch minus gutter), or null for an index outside the grid. */
export function cellRect(layout: GridLayout, cellIndex: number): CellRect | null {
  const block = blockOfCell(layout, cellIndex);
  if (!block) return null;
  const local = cellIndex - block.start;
  const col = local % layout.cols;
  const row = Math.floor(local / layout.cols);
  const side = layout.cellPx - layout.gutterPx;
  return { x: block.x + col * layout.cellPx, y: block.y + row * layout.cellPx, width: side, height: side };
}

/** The cell under CSS-px point (x, y), counting its gutter as part of it; null over gaps and labels. O(blocks). */
export function cellAtPoint(layout: GridLayout, x: number, y: number): number | null {
  const { cellPx, cols, rows } = layout;
  for (const block of layout.blocks) {
    const dx = x - block.x;
    const dy = y - block.y;
    if (dx < 0 || dy < 0 || dx >= cols * cellPx || dy >= rows * cellPx) continue;
    const local = Math.floor(dy / cellPx) * cols + Math.floor(dx / cellPx);
    return local < block.count ? block.start + local : null;
  }
  return null;
}
