// Golden links: v1 URLs people may have shared, with the trace each one shows. Each URL is decoded
// with the app's codec, turned into the RunConfig the UI sends (buildRaceConfig, the same function
// the races view uses) and run with the model: a model or codec change that would silently change
// what a shared link shows fails here. The URLs never change; on a deliberate model change bump
// MODEL_VERSION and refresh the hashes with `npm run golden:update` (the URLs are kept as they are; see
// goldenUpdate.ts for what a regeneration checks before it writes).
import { describe, expect, it } from 'vitest';
import { readGolden, regenerateGolden, UPDATING_GOLDEN } from './goldenUpdate.ts';
import { computeMemory } from '../../workers/model/memory.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { MODEL_VERSION, type RunConfig } from '../../workers/model/sched/types.ts';
import { schedApi } from '../../workers/schedApi.ts';
import { buildRaceConfig } from '../../src/races/raceConfig.ts';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';
import { URL_SCHEMA_VERSION } from '../../src/url/urlSchema.ts';
import { urlStateToStore } from '../../src/url/urlState.ts';

const FILE = new URL('../golden/urls.json', import.meta.url);

interface GoldenUrl {
  name: string;
  how: string;
  url: string;
  traceHash: string;
  steps: number;
  /** The link's step is the state right after this report's step. */
  report?: string;
  memoryReport?: unknown;
}

interface GoldenFile {
  urlVersion: number;
  modelVersion: number;
  urls: GoldenUrl[];
}

const catalog = schedApi.catalog();

/** The RunConfig the races view sends for a link (the UI's own path: decode, restore, build). */
function configOfUrl(url: string): RunConfig {
  const { state } = decodeUrlState(url);
  const restored = urlStateToStore(state);
  const config = buildRaceConfig(restored.raceParams, { cpus: restored.cpus, nodes: restored.nodes, pageSize: restored.pageSize }, catalog);
  if (!config) throw new Error('no config');
  return config;
}

/** The links' runs, with or without the stored trace (the regeneration's two independent paths). */
const runsOf = (file: GoldenFile, trace: boolean) =>
  file.urls.map((g) => {
    const r = run(makeRunConfig(configOfUrl(g.url)), { trace }).result;
    return { key: g.name, pinned: { traceHash: r.traceHash, steps: r.steps } };
  });

const pinned: GoldenFile = (() => {
  const previous = readGolden<GoldenFile>(FILE);
  if (!UPDATING_GOLDEN) return previous;
  const fresh = runsOf(previous, false);
  const urls = previous.urls.map((g, i) => ({ ...g, ...fresh[i].pinned }));
  return regenerateGolden({
    file: FILE,
    fresh: { ...previous, modelVersion: MODEL_VERSION, urls },
    entries: (f) => f.urls.map((g) => ({ key: g.name, pinned: { traceHash: g.traceHash, steps: g.steps } })),
    again: runsOf(previous, true),
    hashOf: (f, key) => f.urls.find((g) => g.name === key)?.traceHash,
  });
})();

describe('golden links', () => {
  it('are pinned for this link format and model version', () => {
    expect(pinned.urlVersion).toBe(URL_SCHEMA_VERSION);
    expect(pinned.modelVersion).toBe(MODEL_VERSION);
    expect(pinned.urls.length).toBeGreaterThanOrEqual(8);
  });

  for (const g of pinned.urls) {
    describe(g.name, () => {
      it('decodes without a message (but the older model version) and is still canonical', () => {
        // The URLs never change: a link made with an older model keeps its m=, opens with the message that
        // says so, and re-encodes with today's m=.
        const decoded = decodeUrlState(g.url);
        expect(decoded.modelVersion).toBeLessThanOrEqual(MODEL_VERSION);
        expect(decoded.issues.map((i) => i.key)).toEqual(decoded.modelVersion === MODEL_VERSION ? [] : ['m']);
        for (const i of decoded.issues) expect(i.message).toContain(`model version ${decoded.modelVersion}`);
        expect(`?${encodeUrlState(decoded.state)}`).toBe(g.url.replace(/&m=[0-9]+/, `&m=${MODEL_VERSION}`));
      });

      it('shows the pinned trace', () => {
        const config = configOfUrl(g.url);
        const { state } = decodeUrlState(g.url);
        expect(config.schedule).toEqual(state.schedule);
        const result = run(makeRunConfig(config), { trace: false }).result;
        expect({ traceHash: result.traceHash, steps: result.steps }).toEqual({ traceHash: g.traceHash, steps: g.steps });
        expect(state.step).toBeLessThanOrEqual(result.steps);
        if (g.report) expect(result.reports.find((r) => r.kind === g.report)?.step).toBe(state.step - 1);
        if (g.memoryReport)
          expect(computeMemory({ cpus: state.cpus, pageSize: state.pageSize, nodes: state.nodes })).toEqual(g.memoryReport);
      });
    });
  }

  it('include a hand-chosen schedule of 300 steps in a link under 2,000 characters', () => {
    const g = pinned.urls.find((u) => decodeUrlState(u.url).state.schedule.length === 300);
    expect(g).toBeDefined();
    expect(`http://127.0.0.1:4177/${g!.url}`.length).toBeLessThan(2000);
    // Forked: not the scenario's own interleaving.
    const own = run(makeRunConfig({ ...configOfUrl(g!.url), schedule: [] }), { trace: false }).result;
    expect(own.traceHash).not.toBe(g!.traceHash);
  });
});
