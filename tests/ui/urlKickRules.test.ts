// Links and the two a379fa1e2cae-series switches: old links with rule=6.17 or rule=a379fa1e2cae keep meaning the
// presets; hc= (a9c1fbbd6dad) and kw= (a379fa1e2cae) are written only where they differ from the rule's preset,
// and every combination reads back as written; the store's actions keep the rule and the switches in step.
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';
import { DEFAULT_URL_STATE, isValidUrlState, type UrlState } from '../../src/url/urlSchema.ts';
import { urlStateToStore } from '../../src/url/urlState.ts';
import { buildRaceConfig } from '../../src/races/raceConfig.ts';
import { useAppStore } from '../../src/state/store.ts';
import { MODEL_VERSION } from '../../workers/model/constants.ts';

const makeState = (p: Partial<UrlState> = {}): UrlState => ({ ...DEFAULT_URL_STATE, ...p });

describe('old links: rule= is a preset of both switches', () => {
  // A model-1 link also gets the model-version and irq_work-delivery messages; none is about the rule.
  const ruleIssues = (r: ReturnType<typeof decodeUrlState>) => r.issues.filter((i) => ['rule', 'hc', 'kw'].includes(i.key));
  it('rule=a379fa1e2cae turns both commits on, rule=6.17 (or none) neither, with no message about the rule', () => {
    const a = decodeUrlState('?v=1&m=1&view=races&rule=a379fa1e2cae');
    expect(a.issues.map((i) => i.key)).toEqual(['m', 'dlv']);
    expect(ruleIssues(a)).toEqual([]);
    expect(a.state).toMatchObject({ pntRule: 'a379fa1e2cae', skipHigherClass: true, bumpOnPick: true });
    const b = decodeUrlState('?v=1&m=1&view=races&rule=6.17');
    expect(ruleIssues(b)).toEqual([]);
    expect(b.state).toMatchObject({ pntRule: '6.17', skipHigherClass: false, bumpOnPick: false });
    expect(decodeUrlState('?v=1&m=1').state).toMatchObject({ pntRule: '6.17', skipHigherClass: false, bumpOnPick: false });
  });
  it('an old a379fa1e2cae link still runs the model with both commits', () => {
    const restored = urlStateToStore(decodeUrlState('?v=1&m=1&view=races&scenario=kick-wait-repick&rule=a379fa1e2cae').state);
    const cfg = buildRaceConfig(restored.raceParams, { cpus: 2, nodes: 1, pageSize: 4096 }, {
      scenarios: [{ name: 'kick-wait-repick', title: '', description: '', minCpus: 2 }],
      variants: [
        {
          name: 'merged',
          title: '',
          commit: '',
          description: '',
          toggles: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: false },
        },
      ],
    } as never)!;
    expect(cfg).toMatchObject({ pntRule: 'a379fa1e2cae', skipHigherClass: true, bumpOnPick: true });
  });
  it('the presets are written as rule= alone', () => {
    expect(encodeUrlState(makeState({ pntRule: 'a379fa1e2cae', skipHigherClass: true, bumpOnPick: true }))).toBe(
      `v=1&m=${MODEL_VERSION}&rule=a379fa1e2cae`,
    );
    expect(encodeUrlState(makeState({}))).toBe(`v=1&m=${MODEL_VERSION}`);
  });
});

describe('hc= and kw=: one commit without the other', () => {
  it('writes only the switch that differs from the preset, and reads it back', () => {
    const hc = makeState({ pntRule: 'custom', skipHigherClass: true, bumpOnPick: false });
    const kw = makeState({ pntRule: 'custom', skipHigherClass: false, bumpOnPick: true });
    expect(isValidUrlState(hc) && isValidUrlState(kw)).toBe(true);
    expect(encodeUrlState(hc)).toBe(`v=1&m=${MODEL_VERSION}&hc=1`);
    expect(encodeUrlState(kw)).toBe(`v=1&m=${MODEL_VERSION}&kw=1`);
    for (const s of [hc, kw]) expect(decodeUrlState(encodeUrlState(s)).state).toEqual(s);
  });
  it('overrides the rule= preset key by key', () => {
    expect(decodeUrlState('?rule=a379fa1e2cae&hc=0').state).toMatchObject({ pntRule: 'custom', skipHigherClass: false, bumpOnPick: true });
    expect(decodeUrlState('?rule=a379fa1e2cae&hc=1&kw=1').state).toMatchObject({ pntRule: 'a379fa1e2cae' });
    expect(decodeUrlState('?rule=6.17&hc=1&kw=1').state).toMatchObject({ pntRule: 'a379fa1e2cae' });
  });
  it('a bad value says what was used instead', () => {
    const r = decodeUrlState('?rule=a379fa1e2cae&kw=yes');
    expect(r.issues.map((i) => i.message)).toEqual([
      'kw=yes is not 0 or 1; using 1 (as in the a379fa1e2cae rule: Fix SCX_KICK_WAIT to work reliably)',
    ]);
    expect(r.state.pntRule).toBe('a379fa1e2cae');
  });
  it('a state whose rule does not match its switches is not a valid link state', () => {
    expect(isValidUrlState(makeState({ pntRule: 'a379fa1e2cae' }))).toBe(false);
    expect(isValidUrlState(makeState({ pntRule: 'custom' }))).toBe(false);
  });
});

describe('the store keeps the rule and the switches in step', () => {
  it('a preset sets both; one switch makes the rule custom; both make the preset again', () => {
    const store = useAppStore;
    const p = () => store.getState().raceParams;
    store.getState().setRacePntRule('a379fa1e2cae');
    expect(p()).toMatchObject({ pntRule: 'a379fa1e2cae', skipHigherClass: true, bumpOnPick: true });
    store.getState().setRaceKickRule('skipHigherClass', false);
    expect(p()).toMatchObject({ pntRule: 'custom', skipHigherClass: false, bumpOnPick: true });
    store.getState().setRaceKickRule('bumpOnPick', false);
    expect(p()).toMatchObject({ pntRule: '6.17', skipHigherClass: false, bumpOnPick: false });
  });
});
