import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesTicks, createBytesScale, placeLabels } from '../../src/charts/memory/memoryChartLayout.ts';
import { formatBytes, formatExactBytes } from '../../src/memory/formatBytes.ts';

describe('memory chart layout', () => {
  it('puts overlapping threshold labels on different rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 700 }), widthPx: fc.integer({ min: 10, max: 160 }) }), { maxLength: 8 }),
        (labels) => {
          const placed = placeLabels(labels, 700);
          const boxes = labels.map((l, i) => {
            const left = placed[i].anchor === 'start' ? l.x + 3 : l.x - 3 - l.widthPx;
            return { row: placed[i].row, left, right: left + l.widthPx };
          });
          for (let a = 0; a < boxes.length; a++)
            for (let b = a + 1; b < boxes.length; b++)
              if (boxes[a].row === boxes[b].row) expect(boxes[a].right <= boxes[b].left || boxes[b].right <= boxes[a].left).toBe(true);
        },
      ),
    );
  });

  it('ticks a log byte axis at powers of 32 and a linear one in whole binary units', () => {
    const log = createBytesScale(true, 24, 2 ** 32, [300, 0]);
    expect(bytesTicks(log, true).map(formatBytes)).toEqual(['32 B', '1 KiB', '32 KiB', '1 MiB', '32 MiB', '1 GiB']);
    const lin = createBytesScale(false, 0, 4 * 2 ** 30, [300, 0]);
    expect(bytesTicks(lin, false).map(formatBytes)).toEqual(['0 B', '1 GiB', '2 GiB', '3 GiB', '4 GiB']);
  });
});

describe('formatBytes', () => {
  it('uses binary units with at most two decimals', () => {
    expect(formatBytes(96)).toBe('96 B');
    expect(formatBytes(65536)).toBe('64 KiB');
    expect(formatBytes(2_088_960)).toBe('1.99 MiB');
    expect(formatBytes(268_500_992)).toBe('256.06 MiB');
    expect(formatBytes(2 ** 32)).toBe('4 GiB');
  });

  it('gives exact bytes for titles', () => {
    expect(formatExactBytes(268_500_992)).toBe('268,500,992 bytes');
    expect(formatExactBytes(1)).toBe('1 byte');
  });
});
