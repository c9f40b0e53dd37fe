// The comparison report's hunks in words (workers/model/export/compareHunks.ts): every hunk with its
// 1-based step ranges and each side's events, a count of the steps a long hunk leaves out, and a note
// when only a window of the traces was aligned.
import { describe, it, expect } from 'vitest';
import { MAX_HUNK_EVENTS, type TraceDiff } from '../../workers/model/sched/diff.ts';
import { traceDiffHunks, traceDiffNote } from '../../workers/model/export/compareHunks.ts';
import { compareExportProblem } from '../../src/export/compareFiles.ts';

const events = (side: string, n: number) => Array.from({ length: n }, (_, i) => `${side} event ${i}`);

function diffOf(hunks: TraceDiff['hunks'], window: TraceDiff['window'] = null): TraceDiff {
  return {
    steps: { a: 500, b: 400 },
    hunks,
    firstDifference: hunks.length ? { stepA: hunks[0].a[0], stepB: hunks[0].b[0] } : null,
    verdictDifferences: [],
    window,
  };
}

describe('traceDiffHunks', () => {
  it('names each side 1-based and marks A "-" and B "+", counting the steps left out', () => {
    const d = diffOf([
      { a: [2, 5], b: [2, 2], aEvents: events('a', 3), bEvents: [], aSummary: '', bSummary: '' },
      { a: [10, 210], b: [9, 10], aEvents: events('a', MAX_HUNK_EVENTS), bEvents: events('b', 1), aSummary: '', bSummary: '' },
    ]);
    const [h1, h2] = traceDiffHunks(d);
    expect(h1.header).toBe('A steps 3-5, B steps none');
    expect(h1.lines).toEqual(['- a event 0', '- a event 1', '- a event 2']);
    expect(h2.header).toBe('A steps 11-210, B steps 10');
    expect(h2.lines.filter((l) => l.startsWith('- '))).toHaveLength(MAX_HUNK_EVENTS + 1);
    expect(h2.lines).toContain(`- ... ${200 - MAX_HUNK_EVENTS} more steps`);
    expect(h2.lines.at(-1)).toBe('+ b event 0');
  });

  it('says when only a window was aligned', () => {
    expect(traceDiffNote(diffOf([])).join(' ')).not.toContain('too long');
    const note = traceDiffNote(diffOf([], { a: [100, 300], b: [90, 280] })).join(' ');
    expect(note).toContain('only A steps 101-300 against B steps 91-280 were aligned');
  });
});

describe('compareExportProblem', () => {
  it('refuses while either run loads, after a failure, before a run, and after a worker restart', () => {
    expect(compareExportProblem({ status: 'running', data: null, error: null }, 1)).toMatch(/still loading/);
    expect(compareExportProblem({ status: 'error', data: null, error: 'boom' }, 1)).toMatch(/failed \(boom\)/);
    expect(compareExportProblem({ status: 'idle', data: null, error: null }, 1)).toMatch(/no comparison/);
    expect(compareExportProblem({ status: 'done', data: { epoch: 1 }, error: null }, 2)).toMatch(/restarted/);
    expect(compareExportProblem({ status: 'done', data: { epoch: 2 }, error: null }, 2)).toBeNull();
  });
});
