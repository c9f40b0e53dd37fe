// The compare view's part of a link (src/compare/compareUrl.ts, through the app's codec): the keys it
// writes, round trips, old links, and one message per bad value with what was used instead.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';
import { DEFAULT_URL_STATE, isValidUrlState, type UrlState } from '../../src/url/urlSchema.ts';
import { decodeSide, encodeSide } from '../../src/compare/compareUrl.ts';
import { DEFAULT_COMPARE_URL_STATE, sideOfVariant } from '../../src/compare/compareConfig.ts';
import { compareSideArb, compareUrlStateArb } from './compareArbitraries.ts';
import { MODEL_VERSION, SCENARIOS } from '../../workers/model/constants.ts';

const withCompare = (compare: Partial<UrlState['compare']>, rest: Partial<UrlState> = {}): UrlState => ({
  ...DEFAULT_URL_STATE,
  ...rest,
  compare: { ...DEFAULT_COMPARE_URL_STATE, ...compare },
});
const messages = (search: string) => decodeUrlState(search).issues.map((i) => i.message);

describe('compare link keys', () => {
  it('leave the defaults out and write kernels, schedule, cursors and window with c-keys', () => {
    expect(encodeUrlState(withCompare({}, { view: 'compare' }))).toBe(`v=1&m=${MODEL_VERSION}&view=compare`);
    const s = withCompare(
      {
        params: {
          ...DEFAULT_COMPARE_URL_STATE.params,
          scenario: 'load-while-enabled',
          a: { kernel: '6.17.9', variant: 'merged', toggles: null, pntRule: '6.17' },
          b: sideOfVariant('fixed', 'a379fa1e2cae'),
          seed: 7,
          irqDelivery: 'tick',
        },
        cursor: { a: 15, b: 15 },
        window: [10, 40.5],
      },
      { view: 'compare', cpus: 3 },
    );
    const link = encodeUrlState(s);
    expect(link).toBe(
      `v=1&m=${MODEL_VERSION}&view=compare&cpus=3&cscen=load-while-enabled&ca=k-6.17.9&cb=fixed~a379fa1e2cae&cseed=7&cdlv=tick&cstep=15-15&cwin=10-40.5`,
    );
    expect(decodeUrlState(link)).toEqual({ state: s, issues: [], modelVersion: MODEL_VERSION });
  });

  it('carry a hand-chosen schedule only with csrc=hand', () => {
    const s = withCompare({
      params: { ...DEFAULT_COMPARE_URL_STATE.params, scheduleKind: 'hand', schedule: ['boot', 'enable:A', 'irq:2'] },
    });
    const link = encodeUrlState(s);
    expect(link).toMatch(/&csrc=hand&csched=/);
    expect(decodeUrlState(link).state).toEqual(s);
  });

  it('round-trip every valid compare state (property)', () => {
    fc.assert(
      fc.property(compareUrlStateArb, (compare) => {
        const s = withCompare(compare);
        expect(isValidUrlState(s)).toBe(true);
        const r = decodeUrlState(encodeUrlState(s));
        expect(r.issues).toEqual([]);
        expect(r.state).toEqual(s);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('encode a side canonically: a kernel version implies its variant and rule', () => {
    fc.assert(
      fc.property(compareSideArb, (side) => {
        expect(decodeSide(encodeSide(side))).toEqual(side);
      }),
    );
    expect(encodeSide({ kernel: 'v6.17', variant: 'before', toggles: null, pntRule: '6.17' })).toBe('k-v6.17');
    expect(decodeSide('1111')).toEqual(sideOfVariant('fixed'));
  });

  it('open old links (without c-keys) with the default comparison, unchanged', () => {
    const r = decodeUrlState('?v=1&m=1&view=races&cpus=4&variant=no-rcu&step=31');
    // Only the app's own version and delivery messages; the compare keys add none, and the comparison (which
    // such a link does not carry) stays the default, so the rewritten link gains no c-key.
    expect(r.issues.map((i) => i.key)).toEqual(['m', 'dlv']);
    expect(r.state.compare).toEqual(DEFAULT_COMPARE_URL_STATE);
    // A link of this model version without the version key: the default comparison as it is.
    expect(decodeUrlState('?view=races&cpus=4').state.compare).toEqual(DEFAULT_COMPARE_URL_STATE);
  });

  it('open a model-version-1 comparison on the timer-tick delivery it was made with, and say so', () => {
    const r = decodeUrlState('?v=1&m=1&view=compare&ca=no-rcu');
    expect(r.state.compare.params.irqDelivery).toBe('tick');
    expect(r.state.compare.params.a.variant).toBe('no-rcu');
    expect(r.issues.find((i) => i.key === 'cdlv')?.message).toMatch(/model version 1.*comparison opens with irq_work delivery: timer tick/);
    // An explicit cdlv wins, with no message about it.
    const e = decodeUrlState('?v=1&m=1&view=compare&cdlv=self-interrupt');
    expect(e.state.compare.params.irqDelivery).toBe('self-interrupt');
    expect(e.issues.map((i) => i.key)).not.toContain('cdlv');
  });
});

describe('bad compare link values', () => {
  it('say what was wrong and what was used instead', () => {
    expect(messages('?cscen=nope&ca=k-9.9&cb=shiny~7&csrc=maybe&cseed=-1&cdlv=nmi&cstep=3&cwin=9-2')).toEqual([
      `cscen=nope is not a known scenario (${SCENARIOS.join(', ')}); using disable-vs-kick`,
      'ca=k-9.9: 9.9 is not a known kernel version; using merged',
      'cb=shiny~7: the pnt_seq rule must be 6.17 or a379fa1e2cae; using fixed',
      'csrc=maybe is not a schedule (default, random, hand); using default',
      'cseed=-1 is not a seed (0–4294967295); using 1',
      'cdlv=nmi is not an irq_work delivery (self-interrupt, tick); using self-interrupt',
      'cstep=3 is not two steps (a-b); starting at step 0',
      'cwin=9-2 is not a step window (start-end); showing the whole run',
    ]);
  });

  it('fall back to the scenario default when a hand schedule is missing or broken', () => {
    expect(messages('?csrc=hand')).toEqual(['csrc=hand needs a schedule (csched); using the scenario default']);
    const r = decodeUrlState('?csrc=hand&csched=garbage');
    expect(r.state.compare.params.scheduleKind).toBe('default');
    expect(r.issues).toHaveLength(1);
    expect(isValidUrlState(r.state)).toBe(true);
  });
});
