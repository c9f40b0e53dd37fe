// The links' keys for the per-CPU kvzalloc_node() path (kv=kmalloc|vmalloc|seeded|every-K) and the injected
// scx_alloc_and_add_sched() failure (schedfail=1): round trips, old forms, and a clear message for bad values.
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';
import { DEFAULT_URL_STATE, isValidUrlState, type UrlState } from '../../src/url/urlSchema.ts';
import { buildRaceConfig } from '../../src/races/raceConfig.ts';
import { urlStateToStore } from '../../src/url/urlState.ts';
import { schedApi } from '../../workers/schedApi.ts';

const makeState = (p: Partial<UrlState> = {}): UrlState => ({ ...DEFAULT_URL_STATE, ...p });

describe('kv= and schedfail=', () => {
  it('write the new forms after enomem and read them back', () => {
    const s = makeState({ view: 'races', kvmallocPath: 'every-3', failAllocAt: 2, failSchedAlloc: true });
    expect(isValidUrlState(s)).toBe(true);
    const q = encodeUrlState(s);
    expect(q).toBe('v=1&m=2&view=races&kv=every-3&enomem=2&schedfail=1');
    expect(decodeUrlState(`?${q}`)).toMatchObject({ state: s, issues: [] });
    const seeded = makeState({ kvmallocPath: 'seeded', seed: 7 });
    expect(decodeUrlState(`?${encodeUrlState(seeded)}`).state).toEqual(seeded);
  });

  it('leave both out at their defaults, and still read the old kv=kmalloc|vmalloc links', () => {
    expect(encodeUrlState(makeState({ failSchedAlloc: false, kvmallocPath: 'kmalloc' }))).toBe('v=1&m=2');
    expect(decodeUrlState('?v=1&m=1&kv=vmalloc').state.kvmallocPath).toBe('vmalloc');
    expect(decodeUrlState('?v=1&m=1&kv=kmalloc').state.failSchedAlloc).toBe(false);
  });

  it('say what was wrong and what is used instead', () => {
    expect(decodeUrlState('?kv=every-1').issues).toEqual([
      {
        key: 'kv',
        message: 'kv=every-1 is not a known kvzalloc_node path (kmalloc, vmalloc, seeded, or every-K with K from 2 to 1024); using kmalloc',
      },
    ]);
    expect(decodeUrlState('?schedfail=yes').issues).toEqual([
      { key: 'schedfail', message: 'schedfail=yes is not 0 or 1; using 0 (scx_alloc_and_add_sched() does not fail)' },
    ]);
  });

  it('reach the run config the races and explore views send', () => {
    const { state } = decodeUrlState('?v=1&m=2&view=races&cpus=1023&scenario=enable-disable&variant=fixed&kv=every-4&schedfail=1');
    const r = urlStateToStore(state);
    const cfg = buildRaceConfig(r.raceParams, { cpus: r.cpus, nodes: r.nodes, pageSize: r.pageSize }, schedApi.catalog());
    expect(cfg).toMatchObject({ kvmallocPath: 'every-4', failSchedAlloc: true, cpus: 1023 });
  });
});
