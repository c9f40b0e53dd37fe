// The glossary: every term has two sentences and a kernel file; prose is split at each term's first use.
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossSegments } from '../../src/ui/glossary.ts';
import { placeTooltip } from '../../src/ui/placeTooltip.ts';

describe('glossary', () => {
  it('defines each term in two sentences and names a kernel file', () => {
    for (const e of Object.values(GLOSSARY)) {
      expect(e.definition.match(/[.!?](\s|$)/g)?.length, e.term).toBe(2);
      expect(e.source).toMatch(/(Documentation\/[\w/-]+\.rst|kernel\/|include\/)/);
    }
  });

  it('marks the first use of each term, whatever its form, and leaves the rest as text', () => {
    const segs = glossSegments(
      'A grace period waits for every RCU reader; grace periods end on quiescent states. Not: call_rcu(array #0).',
    );
    expect(segs.filter((s) => typeof s !== 'string')).toEqual([
      { id: 'grace-period', text: 'grace period' },
      { id: 'read-side', text: 'RCU reader' },
      { id: 'quiescent-state', text: 'quiescent states' },
    ]);
    expect(segs.map((s) => (typeof s === 'string' ? s : s.text)).join('')).toBe(
      'A grace period waits for every RCU reader; grace periods end on quiescent states. Not: call_rcu(array #0).',
    );
  });

  it('does not match inside longer words', () => {
    expect(glossSegments('the pnt_seqs array')).toEqual(['the pnt_seqs array']);
  });

  it('keeps the tooltip inside the viewport', () => {
    const atRightEdge = { left: 1300, top: 700, bottom: 716 };
    const p = placeTooltip(atRightEdge, 320, 120, 1366, 768);
    expect(p.left + 320).toBeLessThanOrEqual(1366 - 8);
    expect(p.top + 120).toBeLessThanOrEqual(768 - 8);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(placeTooltip({ left: 10, top: 100, bottom: 116 }, 320, 120, 1366, 768)).toEqual({ left: 10, top: 120 });
  });
});
