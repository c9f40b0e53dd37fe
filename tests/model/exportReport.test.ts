// The review report: a golden text per scenario × variant at 4 CPUs (UPDATE_GOLDEN=1 rewrites them; so
// does `npm run golden:update`), the mail rules (72 columns, ASCII, no tabs) on every line, and the link
// it carries opens the same state (read back with the UI's own decoder).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { run } from '../../workers/model/sched/run.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { explore } from '../../workers/model/sched/explore.ts';
import { SCENARIOS, VARIANTS } from '../../workers/model/sched/types.ts';
import type { RunConfig } from '../../workers/model/sched/types.ts';
import { CHECKERS, CHECKER_TITLES } from '../../workers/model/constants.ts';
import { checkerTripped, exploreReportText, runReportText } from '../../workers/model/export/reportText.ts';
import { compareReportText } from '../../workers/model/export/compareReport.ts';
import { REPORT_WIDTH, splitUrl, wrapLine } from '../../workers/model/export/plainText.ts';
import { DESCRIBED_OPTIONS } from '../../workers/model/export/configLines.ts';
import { DEFAULT_BASE_URL, exploreLinks, runLink, runUrlState } from '../../src/url/runLink.ts';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';

const UPDATING = process.env.UPDATE_GOLDEN === '1';
const goldenPath = (name: string) => new URL(`../golden/reports/${name}.txt`, import.meta.url);

/** The mail rules: every line ASCII, printable, at most 72 columns; one final newline. */
function expectMailText(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(false);
  for (const line of text.slice(0, -1).split('\n')) {
    expect(line, line).toMatch(/^[\x20-\x7e]*$/);
    expect(line.length, line).toBeLessThanOrEqual(REPORT_WIDTH);
    expect(line, line).toBe(line.trimEnd());
  }
}

/** The URLs a report carries (each split over indented lines after a "join the lines" label). */
function linksIn(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (!l.includes('join the lines')) return;
    let url = '';
    for (let j = i + 1; j < lines.length && lines[j].startsWith('    '); j++) url += lines[j].trim();
    out.push(url);
  });
  return out;
}

function reportOf(config: RunConfig, step?: number) {
  const result = run(config).result;
  const at = Math.min(step ?? result.steps, result.steps);
  const link = runLink(DEFAULT_BASE_URL, result.config, { view: 'races', step: at });
  return { result, link, text: runReportText({ result, step: at, link }) };
}

describe('the review report of a run', () => {
  for (const scenario of SCENARIOS)
    for (const variant of VARIANTS)
      it(`matches its golden text: ${scenario} × ${variant} at 4 CPUs`, () => {
        const { text } = reportOf(makeRunConfig({ scenario, variant, cpus: 4, stormKicks: 60 }));
        const file = goldenPath(`${scenario}_${variant}_4cpu`);
        if (UPDATING || !existsSync(file)) writeFileSync(file, text);
        expectMailText(text);
        expect(text).toBe(readFileSync(file, 'utf8'));
      });

  it('names every checker once, with YES exactly where the verdict trips it', () => {
    const { result, text } = reportOf(makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 4 }));
    const section = text.slice(text.indexOf('Verdict per checker'), text.indexOf('\n\n', text.indexOf('Verdict per checker')));
    for (const name of CHECKERS) {
      const rows = section.split('\n').filter((l) => l.startsWith(`  ${CHECKER_TITLES[name]}  `));
      expect(rows, name).toHaveLength(1);
      expect(/ YES\b/.test(rows[0]), name).toBe(checkerTripped(result.verdict, name));
    }
    expect(CHECKERS.some((n) => checkerTripped(result.verdict, n))).toBe(true);
  });

  it('prints every kernel report line, wrapped but with no word lost', () => {
    const { result, text } = reportOf(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4 }));
    const squashed = text.replace(/\s+/g, ' ');
    for (const rep of result.reports)
      for (const line of rep.lines) expect(squashed).toContain(line.replaceAll('→', '->').replace(/\s+/g, ' ').trim());
  });

  it("carries a link that the UI's decoder reads back as the same run and step, canonically", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom<RunConfig['pntRule']>('6.17', 'a379fa1e2cae'),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (scenario, variant, cpus, pntRule, random, seed) => {
          const config = makeRunConfig({ scenario, variant, cpus, pntRule, policy: random ? 'random' : 'default', seed, stormKicks: 20 });
          const { result, text, link } = reportOf(config, 7);
          expectMailText(text);
          const [found] = linksIn(text);
          expect(found).toBe(link);
          const query = found.slice(found.indexOf('?') + 1);
          const decoded = decodeUrlState(query);
          expect(decoded.issues).toEqual([]);
          expect(decoded.state).toEqual(runUrlState(result.config, { view: 'races', step: Math.min(7, result.steps) }));
          expect(decoded.state).toMatchObject({ view: 'races', scenario, cpus, pntRule, step: Math.min(7, result.steps) });
          expect(encodeUrlState(decoded.state)).toBe(query);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps a forked schedule in the link', () => {
    const base = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 2 })).result;
    const schedule = scheduleOf(base, 5);
    const { link } = reportOf(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 2, schedule }), 3);
    expect(decodeUrlState(link.slice(link.indexOf('?'))).state.schedule).toEqual(schedule);
  });

  it('trims an 8192-CPU kick storm to at most 80 steps and says how many were left out', () => {
    const { result, text } = reportOf(makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 8192, stormKicks: 200 }));
    expectMailText(text);
    const shown = text.split('\n').filter((l) => /^ {2,5}[0-9]+ {2}CPU /.test(l)).length;
    expect(shown).toBeLessThanOrEqual(80);
    const m = /([0-9]+) of ([0-9]+) steps shown; the ([0-9]+) left out/.exec(text.replace(/\n\s+/g, ' '));
    expect(m && Number(m[2])).toBe(result.steps);
    const leftOut = [...text.matchAll(/\.\.\. ([0-9]+) steps? left out/g)].reduce((a, x) => a + Number(x[1]), 0);
    expect(leftOut).toBe(result.steps - Number(m![1]));
  });

  it('describes each RunConfig option that applies on its own line (one entry per option)', () => {
    for (const config of [
      makeRunConfig({ scenario: 'kick-storm', variant: 'fixed', cpus: 600, failAllocAt: 2, stormKicks: 30 }),
      makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 }),
    ]) {
      const { text } = reportOf(config);
      for (const o of DESCRIBED_OPTIONS) {
        const line = new RegExp(`^  ${o.label.replace(/[()]/g, '\\$&')} `, 'm');
        if (o.value(config) === null) expect(text).not.toMatch(line);
        else expect(text).toMatch(line);
      }
    }
  });
});

describe('the review report of a search', () => {
  it('lists every checker and replays each counterexample by its link', () => {
    const config = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 2, stormKicks: 1 });
    const result = explore(config, { maxSteps: 200 });
    const text = exploreReportText({ config, result, ...exploreLinks(DEFAULT_BASE_URL, config, result) });
    const file = goldenPath('explore_disable-vs-kick_no-rcu_2cpu');
    if (UPDATING || !existsSync(file)) writeFileSync(file, text);
    expectMailText(text);
    expect(text).toBe(readFileSync(file, 'utf8'));
    expect(text).toContain('complete: every schedule explored');
    const links = linksIn(text);
    const found = CHECKERS.filter((n) => result.violations[n]);
    expect(links).toHaveLength(found.length + 1);
    found.forEach((name, i) => {
      const state = decodeUrlState(links[i].slice(links[i].indexOf('?'))).state;
      expect(state.view).toBe('races');
      expect(state.schedule).toEqual(result.violations[name]!.schedule);
      const replay = run(makeRunConfig({ ...config, schedule: [...state.schedule], maxSteps: state.schedule.length })).result;
      expect(checkerTripped(replay.verdict, name) || replay.truncated).toBe(true);
    });
    expect(decodeUrlState(links[found.length].slice(links[found.length].indexOf('?'))).state.view).toBe('explore');
  });
});

describe('plain-text helpers', () => {
  it('split a URL into lines of at most 72 columns that join back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '&', '=', '-'), maxLength: 400 }), (url) => {
        const lines = splitUrl(url, '    ');
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(REPORT_WIDTH);
        expect(lines.map((l) => l.slice(4)).join('')).toBe(url);
      }),
    );
  });

  it('wrap words within the width and keep every word in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('x', 'y', '→'), minLength: 1, maxLength: 90 }), { maxLength: 30 }),
        (words) => {
          const lines = wrapLine(words.join(' '), REPORT_WIDTH, '  ', '      ');
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(REPORT_WIDTH);
          expect(lines.join('').replace(/\s/g, '')).toBe(words.join('').replaceAll('→', '->'));
        },
      ),
    );
  });
});

describe('the review report of a comparison (for the Compare view and sim diff)', () => {
  it('puts both kernels, the hunks and the verdicts side by side, marking the rows that differ', () => {
    const left = run(makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 4 })).result;
    const right = run(makeRunConfig({ scenario: 'load-while-enabled', variant: 'fixed', cpus: 4 })).result;
    const hunks = [
      {
        header: 'scx_enable()',
        lines: ['-  alloc_kick_pseqs();', '   if (scx_enable_state() != SCX_DISABLED) return -EBUSY;', '+  alloc_kick_pseqs();'],
      },
    ];
    const text = compareReportText({ left, right, hunks, link: `${DEFAULT_BASE_URL}?v=1&m=1&view=compare` });
    expectMailText(text);
    expect(text).toContain('merged: 14c1da3895a1');
    expect(text).toContain('fixed: 14c1da3895a1 + 05e63305c85c');
    expect(text).toContain('@@ scx_enable()');
    for (const name of CHECKERS) {
      const row = text.split('\n').find((l) => l.slice(5).startsWith(`${CHECKER_TITLES[name]}  `))!;
      expect(row, name).toBeDefined();
      const differs = checkerTripped(left.verdict, name) !== checkerTripped(right.verdict, name);
      if (differs) expect(row.startsWith('  *  '), row).toBe(true);
      else expect(row.startsWith('     '), row).toBe(true);
    }
    expect(CHECKERS.some((n) => checkerTripped(left.verdict, n) !== checkerTripped(right.verdict, n))).toBe(true);
  });
});
