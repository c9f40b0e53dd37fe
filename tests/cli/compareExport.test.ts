// `sim diff --export text` writes exactly what the Compare view downloads for the same state: the UI's
// export functions (src/export/compareFiles.ts), called with the worker's own API object, against the
// CLI's stdout; the report keeps the mail rules, and its link opens the same comparison.
import { describe, it, expect } from 'vitest';
import { runSim } from '../../workers/cli/dispatch.ts';
import { cli } from './inProcess.ts';
import { compareApi } from '../../workers/compareApi.ts';
import { REPORT_WIDTH } from '../../workers/model/export/plainText.ts';
import {
  buildCompareConfig,
  DEFAULT_COMPARE_PARAMS,
  sideOfKernel,
  sideOfVariant,
  type CompareParams,
} from '../../src/compare/compareConfig.ts';
import { compareReportFile, type LoadedComparison } from '../../src/export/compareFiles.ts';
import { decodeUrlState } from '../../src/url/urlCodec.ts';

const BASE = 'https://example.org/kick-pseqs/';

/** What the Compare view downloads for these inputs (cursors at 0, no zoom). */
async function uiReport(params: CompareParams, cpus: number) {
  const h = compareApi.compare(buildCompareConfig(params, { cpus, nodes: 1, pageSize: 4096 }));
  const loaded: LoadedComparison = {
    a: { workerRunId: h.a.runId, result: h.a.result },
    b: { workerRunId: h.b.runId, result: h.b.result },
    diff: h.diff,
  };
  const file = await compareReportFile(compareApi, loaded, { params, cursor: { a: 0, b: 0 }, window: null }, BASE);
  return { name: file.name, text: await file.blob.text(), diff: h.diff };
}

/** The URL a report carries (split over indented lines after a "join the lines" label). */
function linkIn(text: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes('join the lines'));
  let url = '';
  for (let j = i + 1; j < lines.length && lines[j].startsWith('    '); j++) url += lines[j].trim();
  return url;
}

function expectMailText(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    expect(line, line).toMatch(/^[\x20-\x7e]*$/);
    expect(line.length, line).toBeLessThanOrEqual(REPORT_WIDTH);
  }
}

describe('sim diff --export text matches the Compare view byte for byte', () => {
  it('two variants on the scenario default schedule', async () => {
    const params: CompareParams = { ...DEFAULT_COMPARE_PARAMS, scenario: 'load-while-enabled' };
    const ui = await uiReport(params, 3);
    expect(ui.name).toBe('load-while-enabled_merged-vs-fixed_3cpu_step0.txt');
    const text = cli(
      'diff',
      '--scenario',
      'load-while-enabled',
      '--cpus',
      '3',
      '--a',
      'merged',
      '--b',
      'fixed',
      '--export',
      'text',
      '--base-url',
      BASE,
    );
    expect(ui.text).toBe(text);
    expectMailText(text);
    // One '@@' header per hunk, and the verdict rows that differ are marked.
    expect(text.split('\n').filter((l) => l.startsWith('  @@ ')).length).toBe(ui.diff.hunks.length);
    expect(ui.diff.hunks.length).toBeGreaterThan(0);
    expect(text).toMatch(/^ {2}\* {2}leak +YES \(step \d+\) +no$/m);
    const link = linkIn(text);
    expect(link).toBe(`${BASE}?v=1&m=2&view=compare&cpus=3&cscen=load-while-enabled`);
    const opened = decodeUrlState(new URL(link).search);
    expect(opened.issues).toEqual([]);
    expect(opened.state.view).toBe('compare');
    expect(opened.state.compare.params).toEqual(params);
  });

  it('a kernel version against a variant on a seeded random schedule', async () => {
    const params: CompareParams = {
      ...DEFAULT_COMPARE_PARAMS,
      scenario: 'disable-vs-kick',
      a: sideOfVariant('no-rcu', 'a379fa1e2cae'),
      b: sideOfKernel('6.17.10', DEFAULT_COMPARE_PARAMS.b),
      scheduleKind: 'random',
      seed: 7,
    };
    const ui = await uiReport(params, 4);
    expect(ui.name).toBe('disable-vs-kick_no-rcu-a379fa1e2cae-vs-k-6.17.10_4cpu_step0.txt');
    const text = cli(
      'diff',
      '--scenario',
      'disable-vs-kick',
      '--cpus',
      '4',
      '--a',
      'no-rcu',
      '--pnt-rule-a',
      'a379fa1e2cae',
      '--kernel-b',
      '6.17.10',
      '--random',
      '--seed',
      '7',
      '--export',
      'text',
      '--base-url',
      BASE,
    );
    expect(ui.text).toBe(text);
    expectMailText(text);
    const opened = decodeUrlState(new URL(linkIn(text)).search);
    expect(opened.issues).toEqual([]);
    expect(opened.state.compare.params).toEqual(params);
    expect(opened.state.cpus).toBe(4);
  });

  it('refuses --export with --json, in one line', () => {
    let err = '';
    const code = runSim(['diff', '--export', 'text', '--json'], { stdout: () => {}, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toBe('error: --export and --json cannot be combined\n');
  });
});
