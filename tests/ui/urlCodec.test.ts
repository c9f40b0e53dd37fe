// Reading links: canonical writing, readable simple fields, and one clear message for each kind of
// bad link (saying what was wrong and what was used instead), with every other field kept.
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { decodeUrlState, encodeUrlState, type UrlDecodeResult } from '../../src/url/urlCodec.ts';
import { isScheduleError, scheduleRunIssue, stepPastEndIssue } from '../../src/url/urlRunChecks.ts';
import { DEFAULT_URL_STATE, isValidUrlState, type UrlState } from '../../src/url/urlSchema.ts';
import { encodeSchedule } from '../../src/url/scheduleCodec.ts';

const makeState = (p: Partial<UrlState> = {}): UrlState => ({ ...DEFAULT_URL_STATE, ...p });
const messages = (r: UrlDecodeResult) => r.issues.map((i) => i.message);

describe('encodeUrlState', () => {
  it('writes only the versions for the default state', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('v=1&m=2');
  });

  it('writes the simple fields as plain parameters in a fixed order', () => {
    const s = makeState({
      step: 7,
      cpus: 4097,
      view: 'races',
      scenario: 'kick-storm',
      seed: 9,
      pageSize: 65536,
      nodes: 2,
      logScale: false,
    });
    expect(encodeUrlState(s)).toBe('v=1&m=2&view=races&cpus=4097&page=65536&nodes=2&log=0&scenario=kick-storm&seed=9&step=7');
  });

  it('writes custom toggles as four flags and the zoom window as start-end', () => {
    const toggles = { lazyAlloc: true, rcuFree: false, nullCheck: true, allocAfterStateCheck: false };
    expect(encodeUrlState(makeState({ variant: 'custom', toggles, window: [2.5, 40] }))).toBe(
      'v=1&m=2&variant=custom&toggles=1010&win=2.5-40',
    );
  });

  it('writes the schedule policy, kvzalloc_node path and failing call after the storm size, left out when default', () => {
    expect(encodeUrlState(makeState({ policy: 'random', kvmallocPath: 'vmalloc', failAllocAt: 3, stormKicks: 9, step: 2 }))).toBe(
      'v=1&m=2&kicks=9&pol=random&kv=vmalloc&enomem=3&step=2',
    );
    expect(encodeUrlState(makeState({ failAllocAt: 0 }))).toBe('v=1&m=2&enomem=0');
    expect(encodeUrlState(makeState({ policy: 'default', kvmallocPath: 'kmalloc', failAllocAt: -1 }))).toBe('v=1&m=2');
  });

  it('writes the explore reductions after the failing call, only when one is off, and reads them back', () => {
    expect(encodeUrlState(makeState({ view: 'explore', exploreSymmetry: false, failAllocAt: 1, step: 4 }))).toBe(
      'v=1&m=2&view=explore&enomem=1&sym=0&step=4',
    );
    expect(encodeUrlState(makeState({ explorePor: false }))).toBe('v=1&m=2&por=0');
    expect(encodeUrlState(makeState({ exploreSymmetry: true, explorePor: true }))).toBe('v=1&m=2');
    const r = decodeUrlState('?v=1&m=2&view=explore&sym=0&por=0');
    expect(r.issues).toEqual([]);
    expect(r.state).toEqual(makeState({ view: 'explore', exploreSymmetry: false, explorePor: false }));
    expect(decodeUrlState('?v=1&m=2&sym=1&por=1').state).toEqual(makeState({}));
  });

  it('reads links made before these fields as the defaults', () => {
    const r = decodeUrlState('?v=1&m=2&view=races&cpus=4&variant=no-rcu&step=31');
    expect(r.issues).toEqual([]);
    expect(r.state).toMatchObject({ policy: 'default', kvmallocPath: 'kmalloc', failAllocAt: -1 });
    const e = decodeUrlState('?v=1&scenario=enable-disable&cpus=1023&kv=vmalloc&enomem=2&pol=random');
    expect(e.issues).toEqual([]);
    expect(e.state).toEqual(
      makeState({ scenario: 'enable-disable', cpus: 1023, policy: 'random', kvmallocPath: 'vmalloc', failAllocAt: 2 }),
    );
    // An explicit -1 is "never" (and is left out again).
    expect(decodeUrlState('?enomem=-1')).toMatchObject({ state: { failAllocAt: -1 }, issues: [] });
  });

  it('reads a hand-written link without a version', () => {
    const r = decodeUrlState('?cpus=4097');
    expect(r.issues).toEqual([]);
    expect(r.state).toEqual(makeState({ cpus: 4097 }));
    expect(r.modelVersion).toBeNull();
  });

  it('ignores unknown keys', () => {
    expect(decodeUrlState('?v=1&utm_source=mail&cpus=8').issues).toEqual([]);
  });

  it('reads an empty or missing query as the default state', () => {
    for (const q of ['', '?', '?&&', '#x']) expect(decodeUrlState(q)).toEqual({ state: DEFAULT_URL_STATE, issues: [], modelVersion: null });
  });
});

describe('bad links', () => {
  it('say which number is out of range and the bound used', () => {
    expect(messages(decodeUrlState('?v=1&cpus=99999'))).toEqual(['cpus=99999 is out of range (1–16384); using 16384']);
    expect(messages(decodeUrlState('?v=1&cpus=0'))).toEqual(['cpus=0 is out of range (1–16384); using 1']);
    expect(messages(decodeUrlState('?v=1&nodes=40'))).toEqual(['nodes=40 is out of range (1–16); using 16']);
    expect(messages(decodeUrlState('?v=1&step=-3'))).toEqual(['step=-3 is out of range (0–2000000); using 0']);
    expect(messages(decodeUrlState('?v=1&seed=99999999999'))).toEqual([
      'seed=99999999999 is out of range (0–4294967295); using 4294967295',
    ]);
    expect(messages(decodeUrlState('?v=1&kicks=0'))).toEqual(['kicks=0 is out of range (1–10000000); using 1']);
    const r = decodeUrlState('?v=1&cpus=99999&nodes=40&view=races');
    expect(r.state).toEqual(makeState({ cpus: 16384, nodes: 16, view: 'races' }));
  });

  it('say when a number is not a number, and use the default', () => {
    const r = decodeUrlState('?v=1&view=races&cpus=abc&seed=1.5&nodes=');
    expect(messages(r)).toEqual([
      'cpus=abc is not a whole number; using 512 (the default)',
      'nodes=(empty) is not a whole number; using 1 (the default)',
      'seed=1.5 is not a whole number; using 1 (the default)',
    ]);
    expect(r.state).toEqual(makeState({ view: 'races' }));
  });

  it('name an unknown scenario, variant, view, page size or rule with the choices', () => {
    const r = decodeUrlState('?v=1&scenario=nope&variant=shiny&view=graphs&page=5000&rule=7&cpus=8');
    expect(messages(r)).toEqual([
      'view=graphs is not a known view (memory, races, explore, compare, lessons); using memory',
      'page=5000 is not a known page size (4096, 65536); using 4096',
      'scenario=nope is not a known scenario (boot, enable-disable, disable-vs-kick, load-while-enabled, kick-storm, kick-wait-repick); using disable-vs-kick',
      'variant=shiny is not a known variant (before, no-rcu, merged, fixed, custom); using merged',
      'rule=7 is not a known pnt_seq rule (6.17, a379fa1e2cae); using 6.17',
    ]);
    expect(r.state.cpus).toBe(8);
  });

  it('say when the link version is unknown, and still read what they can', () => {
    const r = decodeUrlState('?v=7&cpus=64&scenario=kick-storm');
    expect(messages(r)).toEqual(['v=7 is not a link version this app reads (it reads v=1); the fields it recognises were read as v=1']);
    expect(r.state).toEqual(makeState({ cpus: 64, scenario: 'kick-storm' }));
  });

  it('say when the link was made with another model version', () => {
    const r = decodeUrlState('?v=1&m=3&view=races');
    expect(r.modelVersion).toBe(3);
    expect(messages(r)).toEqual(['This link was made with model version 3; this app runs model version 2, so traces may differ']);
    expect(r.state.view).toBe('races');
    expect(messages(decodeUrlState('?v=1&m=x'))).toEqual(['m=x is not a model version; ignored']);
  });

  it('drop a truncated or corrupted schedule and keep the rest', () => {
    const sched = encodeSchedule(['boot', 'enable:A', 'enable:A', 'irq:0', 'qs:1', 'gp']);
    const truncated = decodeUrlState(`?v=1&view=races&cpus=4&sched=${sched.slice(0, -3)}&step=3`);
    expect(truncated.state).toEqual(makeState({ view: 'races', cpus: 4, step: 3 }));
    expect(messages(truncated)).toHaveLength(1);
    expect(messages(truncated)[0]).toMatch(
      /^The link's schedule \(sched=.*\) is truncated or corrupted; it was dropped: showing the scenario's own interleaving$/,
    );
    const flipped = sched.slice(0, 10) + (sched[10] === 'A' ? 'B' : 'A') + sched.slice(11);
    expect(decodeUrlState(`?sched=${flipped}`).issues.map((i) => i.key)).toEqual(['sched']);
    expect(decodeUrlState('?sched=%%%').issues.map((i) => i.key)).toEqual(['sched']);
  });

  it('read custom toggles, and report toggles that do not fit the variant', () => {
    expect(decodeUrlState('?variant=custom&toggles=1010').state).toMatchObject({
      variant: 'custom',
      toggles: { lazyAlloc: true, rcuFree: false, nullCheck: true, allocAfterStateCheck: false },
    });
    // Toggles equal to a preset are that preset.
    expect(decodeUrlState('?variant=custom&toggles=1111')).toMatchObject({ state: { variant: 'fixed', toggles: null }, issues: [] });
    expect(messages(decodeUrlState('?variant=fixed&toggles=1000'))).toEqual([
      'variant=fixed does not match toggles=1000; using the toggles (no-rcu)',
    ]);
    expect(messages(decodeUrlState('?variant=custom'))).toEqual(['variant=custom needs toggles (four 0/1 flags); using merged']);
    expect(messages(decodeUrlState('?variant=no-rcu&toggles=12'))).toEqual([
      'toggles=12 is not four 0/1 flags (lazyAlloc, rcuFree, nullCheck, allocAfterStateCheck); ignored',
    ]);
  });

  it('name an unknown schedule policy or kvzalloc_node path with the choices', () => {
    const r = decodeUrlState('?v=1&pol=chaos&kv=slub&cpus=8');
    expect(messages(r)).toEqual([
      'pol=chaos is not a known schedule policy (default, random); using default',
      'kv=slub is not a known kvzalloc_node path (kmalloc, vmalloc, seeded, or every-K with K from 2 to 1024); using kmalloc',
    ]);
    expect(r.state).toEqual(makeState({ cpus: 8 }));
    expect(r.issues.map((i) => i.key)).toEqual(['pol', 'kv']);
  });

  it('say what a bad failing call was and that no allocation fails (or the bound used)', () => {
    expect(messages(decodeUrlState('?enomem=x'))).toEqual([
      'enomem=x is not a whole number (a 0-based kvzalloc_node() call); no allocation fails',
    ]);
    expect(messages(decodeUrlState('?enomem=1.5'))).toEqual([
      'enomem=1.5 is not a whole number (a 0-based kvzalloc_node() call); no allocation fails',
    ]);
    expect(messages(decodeUrlState('?enomem='))).toEqual([
      'enomem=(empty) is not a whole number (a 0-based kvzalloc_node() call); no allocation fails',
    ]);
    expect(messages(decodeUrlState('?enomem=-3'))).toEqual(['enomem=-3 is out of range (0–1000000, or -1 for none); no allocation fails']);
    expect(messages(decodeUrlState('?enomem=5000000'))).toEqual(['enomem=5000000 is out of range (0–1000000); using 1000000']);
    expect(decodeUrlState('?enomem=5000000').state.failAllocAt).toBe(1_000_000);
    const r = decodeUrlState('?view=races&enomem=-3&kv=vmalloc');
    expect(r.state).toEqual(makeState({ view: 'races', kvmallocPath: 'vmalloc' }));
  });

  it('drop a zoom window that is not one', () => {
    expect(messages(decodeUrlState('?win=40-2'))).toEqual(['win=40-2 does not start before it ends; showing the whole run']);
    expect(messages(decodeUrlState('?win=abc'))).toEqual(['win=abc is not a step window (start-end); showing the whole run']);
    expect(decodeUrlState('?win=1.26-9').state.window).toEqual([1.3, 9]);
  });

  it('report a bad reduction flag and keep the reduction on', () => {
    const r = decodeUrlState('?view=explore&sym=yes&por=2');
    expect(messages(r)).toEqual([
      'sym=yes is not 0 or 1; using 1 (symmetry reduction on)',
      'por=2 is not 0 or 1; using 1 (partial-order reduction on)',
    ]);
    expect(r.state).toMatchObject({ view: 'explore', exploreSymmetry: true, explorePor: true });
  });

  it('report a bad log flag or grid design', () => {
    expect(messages(decodeUrlState('?log=yes&grid=blue'))).toEqual([
      'log=yes is not 0 or 1; using 1 (log axes)',
      'grid=blue is not a known grid design (new, old); using new',
    ]);
  });

  it('shorten long values in messages', () => {
    const [m] = messages(decodeUrlState(`?scenario=${'x'.repeat(500)}`));
    expect(m.length).toBeLessThan(200);
    expect(m).toContain('xxxxxxxx…');
  });

  it('read the corrupt link of the issue into a working state', () => {
    const r = decodeUrlState('?v=1&view=races&cpus=abc&scenario=nope&sched=%%%');
    expect(isValidUrlState(r.state)).toBe(true);
    expect(r.state).toEqual(makeState({ view: 'races' }));
    expect(r.issues.map((i) => i.key)).toEqual(['cpus', 'scenario', 'sched']);
  });
});

describe('checks that need the run', () => {
  it('turn the model’s ScheduleError into a message naming the step', () => {
    let error = '';
    try {
      run(makeRunConfig({ scenario: 'disable-vs-kick', cpus: 4, schedule: ['boot', 'irq:3'] }));
    } catch (e) {
      error = (e as Error).message;
    }
    expect(isScheduleError(error)).toBe(true);
    expect(scheduleRunIssue(error).message).toMatch(
      /^The link's schedule cannot be replayed \(schedule step 2: actor "irq:3" cannot move \(can move: .*\)\); it was dropped: showing the scenario's own interleaving$/,
    );
    expect(isScheduleError('The worker crashed')).toBe(false);
  });

  it('say when the step is past the end of the run', () => {
    expect(stepPastEndIssue(999, 41)?.message).toBe('step=999 is past the end of this run (41 steps); showing step 41');
    expect(stepPastEndIssue(41, 41)).toBeNull();
  });
});

describe('the kick irq work options in links (irq, dlv)', () => {
  it('leave the defaults (hard, self-interrupt) out and write the others after kv', () => {
    expect(encodeUrlState(makeState({ irqWork: 'hard', irqDelivery: 'self-interrupt' }))).toBe('v=1&m=2');
    expect(encodeUrlState(makeState({ irqWork: 'threaded', irqDelivery: 'tick', kvmallocPath: 'vmalloc', failAllocAt: 1 }))).toBe(
      'v=1&m=2&kv=vmalloc&irq=threaded&dlv=tick&enomem=1',
    );
  });
  it('round-trip every combination', () => {
    for (const irqWork of ['hard', 'threaded'] as const)
      for (const irqDelivery of ['self-interrupt', 'tick'] as const) {
        const state = makeState({ view: 'races', irqWork, irqDelivery });
        const r = decodeUrlState(`?${encodeUrlState(state)}`);
        expect(r.issues).toEqual([]);
        expect(r.state).toEqual(state);
      }
  });
  it('open a link of model version 1 with the timer-tick delivery it was made with, and say so', () => {
    const r = decodeUrlState('?v=1&m=1&view=races&cpus=4&variant=no-rcu&step=31');
    expect(r.state).toMatchObject({ irqWork: 'hard', irqDelivery: 'tick', variant: 'no-rcu', step: 31 });
    expect(messages(r)).toEqual([
      'This link was made with model version 1; this app runs model version 2, so traces may differ',
      'This link was made with model version 1, before the irq_work delivery option: opened with irq_work delivery: timer tick (no irq_work interrupt), the behaviour it was made with',
    ]);
    // Written back, it keeps the delivery explicitly and opens without a message.
    const again = decodeUrlState(`?${encodeUrlState(r.state)}`);
    expect(again.issues).toEqual([]);
    expect(again.state).toEqual(r.state);
  });
  it('a link without m, or of model version 2, gets the defaults; an explicit dlv is honoured', () => {
    expect(decodeUrlState('?cpus=4').state.irqDelivery).toBe('self-interrupt');
    expect(decodeUrlState('?v=1&m=2').state.irqDelivery).toBe('self-interrupt');
    const r = decodeUrlState('?v=1&m=1&dlv=self-interrupt');
    expect(r.state.irqDelivery).toBe('self-interrupt');
    expect(r.issues.map((i) => i.key)).toEqual(['m']);
  });
  it('name an unknown value with the choices and use the default', () => {
    const r = decodeUrlState('?v=1&m=2&irq=soft&dlv=ipi');
    expect(messages(r)).toEqual([
      'irq=soft is not a known kick irq work (hard, threaded); using hard',
      'dlv=ipi is not a known irq_work delivery (self-interrupt, tick); using self-interrupt',
    ]);
  });
});
