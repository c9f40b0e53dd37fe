import { describe, expect, it } from 'vitest';
import { blockOfCell, cellAtPoint, cellRect, computeGridLayout } from '../../src/charts/heatmap/heatmapLayout.ts';

describe('computeGridLayout', () => {
  it('draws a handful of CPUs as large cells in one row, capped at the maximum cell size', () => {
    const layout = computeGridLayout([8], 1000, 320);
    expect(layout.cellPx).toBe(40);
    expect(layout.cols).toBe(8);
    expect(layout.rows).toBe(1);
    expect(layout.heightPx).toBe(14 + 40);
  });

  it('shrinks 16384 CPUs to small gutterless cells, down to 1-2 px in a small box', () => {
    const wide = computeGridLayout([16384], 1000, 320);
    expect(wide.cellPx).toBe(4);
    expect(wide.gutterPx).toBe(0);
    expect(wide.cols * wide.rows).toBeGreaterThanOrEqual(16384);
    expect(wide.heightPx).toBeLessThanOrEqual(320);
    const small = computeGridLayout(
      Array.from({ length: 16 }, () => 1024),
      500,
      200,
    );
    expect(small.cellPx).toBeLessThanOrEqual(2);
    expect(small.heightPx).toBeLessThanOrEqual(200);
  });

  it('gives each non-empty node its own block, skipping nodes without CPUs', () => {
    const layout = computeGridLayout([3, 0, 2], 400, 200);
    expect(layout.blocks.map((b) => [b.index, b.start, b.count])).toEqual([
      [0, 0, 3],
      [2, 3, 2],
    ]);
    expect(blockOfCell(layout, 4)?.index).toBe(2);
  });

  it('falls back to 1 px cells, taller than asked, when nothing fits', () => {
    const layout = computeGridLayout([5000], 30, 20);
    expect(layout.cellPx).toBe(1);
    expect(layout.heightPx).toBeGreaterThan(20);
  });

  it('maps the last cpu to the bottom-right used cell and returns null past it', () => {
    const layout = computeGridLayout([10], 3 * 40, 400);
    expect(layout.cols).toBe(3);
    const last = cellRect(layout, 9)!;
    expect(last.x).toBe(0);
    expect(last.y).toBe(14 + 3 * 40);
    expect(cellAtPoint(layout, 45, 14 + 3 * 40 + 5)).toBeNull();
    expect(cellRect(layout, 10)).toBeNull();
    expect(cellAtPoint(layout, 5, 5)).toBeNull(); // the label strip
  });
});
