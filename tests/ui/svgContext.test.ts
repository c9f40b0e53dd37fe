// The SVG recorder the figure exports draw into: the CPU grid's own drawer, run against it, gives one
// vector rect per CPU in the cell's colour and the inset marks as paths; text stays text, escaped.
import { describe, it, expect } from 'vitest';
import { SvgContext } from '../../src/export/figures/SvgContext.ts';
import { drawHeatmap, type HeatmapScratch } from '../../src/charts/heatmap/drawHeatmap.ts';
import { computeGridLayout } from '../../src/charts/heatmap/heatmapLayout.ts';
import { createCategoricalLut } from '../../src/charts/shared/colorLut.ts';

const noScratch = { canvas: null, ctx: null, image: null } as unknown as HeatmapScratch;

describe('the SVG recorder', () => {
  it('records the CPU grid drawer as one rect per cell, coloured by its state, and the insets as paths', () => {
    const lut = createCategoricalLut(['#111111', '#22aa22', '#aa2222']);
    const overlayLut = createCategoricalLut(['rgba(0,0,0,0)', '#0000ff']);
    const layout = computeGridLayout([6], 300, 200);
    expect(layout.cellPx).toBeGreaterThan(5);
    const colorIndex = Uint8Array.from([0, 1, 2, 1, 1, 0]);
    const overlayIndex = Uint8Array.from([0, 1, 0, 0, 1, 0]);
    const rec = new SvgContext(300, 200);
    drawHeatmap(
      rec.asContext(),
      { layout, colorIndex, lut, groupLabels: [], labelColor: '#000', overlayIndex, overlayLut },
      noScratch,
      300,
      200,
    );
    const svg = rec.body();
    const rects = [...svg.matchAll(/<rect [^>]*fill="([^"]+)"/g)].map((m) => m[1]);
    expect(rects).toEqual([...colorIndex].map((k) => lut.css[k]));
    const insets = [...svg.matchAll(/<path d="([^"]+)" fill="([^"]+)"/g)];
    expect(insets).toHaveLength(1);
    expect(insets[0][2]).toBe(overlayLut.css[1]);
    expect(insets[0][1].match(/M/g)).toHaveLength(2);
  });

  it('keeps text as escaped text, follows translate, save and restore, and closes clip groups', () => {
    const rec = new SvgContext(100, 100);
    rec.font = '600 12px sans-serif';
    rec.textAlign = 'center';
    rec.save();
    rec.translate(10, 20);
    rec.beginPath();
    rec.rect(0, 0, 50, 50);
    rec.clip();
    rec.fillText('a < b & "c"', 5, 5);
    rec.setLineDash([3, 3]);
    rec.beginPath();
    rec.moveTo(0, 0);
    rec.lineTo(0, 10);
    rec.stroke();
    rec.restore();
    rec.fillRect(1, 1, 2, 2);
    const svg = rec.body();
    expect(svg).toContain('<text x="15" y="25" font-size="12" font-family="sans-serif" font-weight="600" text-anchor="middle"');
    expect(svg).toContain('>a &lt; b &amp; &quot;c&quot;</text>');
    expect(svg).toContain('d="M10 20L10 30" fill="none" stroke="#000000" stroke-width="1" stroke-dasharray="3 3"');
    expect(svg).toContain('<rect x="1" y="1" width="2" height="2"');
    expect(svg.match(/<g /g)?.length).toBe(svg.match(/<\/g>/g)?.length);
  });
});
