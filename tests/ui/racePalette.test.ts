// The races view's legends: every pair of colours shown together stays apart for normal vision and under
// simulated protanopia and deuteranopia, and the marks stand out against the white background.
import { describe, expect, it } from 'vitest';
import {
  CELL_STATE_COLORS,
  CELL_STATE_LABELS,
  CHANGED_COLOR,
  legendColor,
  QS_OWED_COLOR,
  READER_COLOR,
  READER_OWING_COLOR,
  STATE_COLORS,
  VIOLATION_COLOR,
} from '../../src/races/racePalette.ts';
import { LEGEND_ENTRIES } from '../../src/races/timelineLegend.ts';
import { CELL_STATES } from '../../src/races/traceCodes.ts';
import { closestPair, contrastRatio, deltaE76, simulate, VISIONS } from './colorVision.ts';
import { CHART_SURFACE, THEMES } from '../../src/ui/theme.ts';

/** CIE76 ΔE below which two legend colours are taken for one (about 2.3 is "just noticeable"). */
const MIN_DELTA_E = 12;
/** WCAG 2.1 SC 1.4.11, non-text contrast. */
const MIN_CONTRAST = 3;

const entries = (shape: (s: string) => boolean) =>
  LEGEND_ENTRIES.filter((e) => shape(e.shape)).map((e) => ({ label: e.label, color: legendColor(e) }));

/** Colours shown together in one legend, grouped by the shape they are drawn as (shape already tells groups apart). */
const LEGENDS: Record<string, { label: string; color: string }[]> = {
  'timeline marks': entries((s) => s === 'mark'),
  'timeline ribbons, read-side section and grace period': entries((s) => s !== 'mark'),
  'CPU grid cells': CELL_STATES.map((s, k) => ({ label: CELL_STATE_LABELS[s], color: CELL_STATE_COLORS[k] })),
  'CPU grid insets': [
    { label: 'read-side section', color: READER_COLOR },
    { label: 'owes a quiescent state', color: QS_OWED_COLOR },
    { label: 'both', color: READER_OWING_COLOR },
    { label: 'changed', color: CHANGED_COLOR },
    { label: 'violation', color: VIOLATION_COLOR },
  ],
  'memory over time': [
    { label: 'leaked', color: STATE_COLORS.leaked },
    { label: 'waiting for a grace period', color: STATE_COLORS['waiting-gp'] },
    { label: 'live', color: STATE_COLORS.live },
  ],
};

describe('colour checks', () => {
  it('simulates a dichromat: red and green meet, black and white stay', () => {
    expect(deltaE76(simulate('#ff0000', 'deuteranopia'), simulate('#00a000', 'deuteranopia'))).toBeLessThan(
      deltaE76('#ff0000', '#00a000') / 3,
    );
    expect(simulate('#000000', 'protanopia')).toBe('#000000');
    expect(simulate('#ffffff', 'deuteranopia')).toBe('#ffffff');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('race palette', () => {
  for (const [legend, colors] of Object.entries(LEGENDS))
    for (const vision of VISIONS)
      it(`${legend}: every pair at least ΔE ${MIN_DELTA_E} apart (${vision})`, () => {
        const pair = closestPair(colors, vision);
        expect(pair.distance, `${pair.a} against ${pair.b}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      });

  // An inset is drawn on a cell of any state: it must stand out from every one of them.
  for (const vision of VISIONS)
    it(`CPU grid: every inset at least ΔE ${MIN_DELTA_E} from every cell state (${vision})`, () => {
      for (const inset of LEGENDS['CPU grid insets'])
        for (const cell of LEGENDS['CPU grid cells']) {
          const pair = closestPair([inset, cell], vision);
          expect(pair.distance, `${inset.label} on ${cell.label}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
        }
    });

  it.each(THEMES)(`marks have at least ${MIN_CONTRAST}:1 contrast against the chart surface of the %s theme`, (theme) => {
    const marks = [...LEGENDS['timeline marks'], ...LEGENDS['CPU grid insets']];
    for (const m of marks) expect(contrastRatio(m.color, CHART_SURFACE[theme]), m.label).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('synchronize_rcu() is no longer drawn in call_rcu’s colour', () => {
    const marks = LEGENDS['timeline marks'];
    const color = (label: string) => marks.find((m) => m.label.includes(label))?.color ?? '';
    expect(deltaE76(color('synchronize_rcu'), color('call_rcu'))).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });
});
