import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAtPoint, cellRect, computeGridLayout, type GridLayout } from '../../src/charts/heatmap/heatmapLayout.ts';

const groupSizesArb = fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: 1, maxLength: 16 });
const boxArb = fc.record({ widthPx: fc.integer({ min: 20, max: 1600 }), heightPx: fc.integer({ min: 20, max: 900 }) });

function sampleCells(layout: GridLayout, seedOffset: number): number[] {
  const n = layout.cellCount;
  if (n === 0) return [];
  const picks = [0, n - 1, Math.floor(n / 2)];
  for (const b of layout.blocks) picks.push(b.start, b.start + b.count - 1);
  for (let k = 0; k < 40; k++) picks.push((seedOffset + k * 7919) % n);
  return picks;
}

describe('heatmapLayout properties', () => {
  it('maps the centre of every cell back to that cell', () => {
    fc.assert(
      fc.property(groupSizesArb, boxArb, fc.nat(), (sizes, box, offset) => {
        const layout = computeGridLayout(sizes, box.widthPx, box.heightPx);
        for (const i of sampleCells(layout, offset)) {
          const r = cellRect(layout, i)!;
          expect(r).not.toBeNull();
          expect(cellAtPoint(layout, r.x + r.width / 2, r.y + r.height / 2)).toBe(i);
        }
      }),
    );
  });

  it('keeps every cell inside the requested width, and inside the height whenever 1 px cells fit', () => {
    fc.assert(
      fc.property(groupSizesArb, boxArb, (sizes, box) => {
        const layout = computeGridLayout(sizes, box.widthPx, box.heightPx);
        if (layout.cellCount === 0) return;
        expect(layout.widthPx).toBeLessThanOrEqual(box.widthPx);
        for (const b of layout.blocks) {
          expect(b.x + layout.cols * layout.cellPx).toBeLessThanOrEqual(box.widthPx);
          expect(b.y + layout.rows * layout.cellPx).toBeLessThanOrEqual(layout.heightPx);
          expect(layout.cols * layout.rows).toBeGreaterThanOrEqual(b.count);
        }
      }),
    );
  });

  it('never lets two blocks overlap', () => {
    fc.assert(
      fc.property(groupSizesArb, boxArb, (sizes, box) => {
        const layout = computeGridLayout(sizes, box.widthPx, box.heightPx);
        const w = layout.cols * layout.cellPx;
        const h = layout.rows * layout.cellPx + layout.labelPx;
        const { blocks } = layout;
        for (let a = 0; a < blocks.length; a++) {
          for (let b = a + 1; b < blocks.length; b++) {
            const A = blocks[a];
            const B = blocks[b];
            const apart =
              A.x + w <= B.x ||
              B.x + w <= A.x ||
              A.y + h - layout.labelPx <= B.y - layout.labelPx ||
              B.y + h - layout.labelPx <= A.y - layout.labelPx;
            expect(apart).toBe(true);
          }
        }
      }),
    );
  });
});
