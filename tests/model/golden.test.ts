// Golden traces: the hash and a readable excerpt of every scenario × variant at N = 2 and 4. A change in
// model output shows up here as an explicit diff; regenerate on purpose with `npm run golden:update` (and bump
// MODEL_VERSION when shared links would change: the regeneration refuses otherwise; see goldenUpdate.ts).
import { describe, it, expect } from 'vitest';
import { readGolden, regenerateGolden, UPDATING_GOLDEN } from './goldenUpdate.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { traceEvents } from '../../workers/model/sched/stepView.ts';
import { SCENARIOS, VARIANTS, MODEL_VERSION, type PntRule } from '../../workers/model/sched/types.ts';

const FILE = new URL('../golden/traces.json', import.meta.url);

interface Golden {
  key: string;
  steps: number;
  events: number;
  traceHash: string;
  verdict: unknown;
  excerpt: string[];
}

interface GoldenFile {
  modelVersion: number;
  traces: Golden[];
}

/** Every pinned configuration: scenario × variant at 2 and 4 CPUs, both pnt_seq rules where they differ. */
function* goldenConfigs() {
  for (const scenario of SCENARIOS)
    for (const variant of VARIANTS)
      for (const cpus of [2, 4])
        for (const pntRule of ['6.17', 'a379fa1e2cae'] as PntRule[]) {
          if (pntRule !== '6.17' && scenario !== 'disable-vs-kick' && scenario !== 'load-while-enabled' && scenario !== 'kick-wait-repick')
            continue;
          yield {
            key: `${scenario}/${variant}/${cpus}/${pntRule}`,
            config: makeRunConfig({ scenario, variant, cpus, pntRule, stormKicks: 60 }),
          };
        }
}

const pinnedFields = (t: Pick<Golden, 'steps' | 'traceHash' | 'verdict'>) => ({
  steps: t.steps,
  traceHash: t.traceHash,
  verdict: t.verdict,
});

function compute(): GoldenFile {
  const traces: Golden[] = [];
  for (const { key, config } of goldenConfigs()) {
    const r = run(config).result;
    const ev = traceEvents(r).map((e) => `${e.step} ${e.actor} ${e.fn}: ${e.text}`);
    traces.push({
      key,
      steps: r.steps,
      events: r.trace.count,
      traceHash: r.traceHash,
      verdict: r.verdict,
      excerpt: ev.length <= 24 ? ev : [...ev.slice(0, 12), '…', ...ev.slice(-11)],
    });
  }
  return { modelVersion: MODEL_VERSION, traces };
}

describe('golden traces', () => {
  const now = compute();
  const pinned = UPDATING_GOLDEN
    ? regenerateGolden({
        file: FILE,
        fresh: now,
        entries: (f) => f.traces.map((t) => ({ key: t.key, pinned: pinnedFields(t) })),
        // The second path: summary runs that keep no trace must give the same hash, steps and verdict.
        again: [...goldenConfigs()].map(({ key, config }) => ({ key, pinned: pinnedFields(run(config, { trace: false }).result) })),
        hashOf: (f, key) => f.traces.find((t) => t.key === key)?.traceHash,
      })
    : readGolden<GoldenFile>(FILE);

  it('are pinned for the current model version', () => {
    expect(pinned.modelVersion).toBe(MODEL_VERSION);
    expect(now.traces.map((t) => t.key)).toEqual(pinned.traces.map((t) => t.key));
  });
  for (const g of pinned.traces) {
    it(`${g.key} gives the pinned trace`, () => {
      const t = now.traces.find((x) => x.key === g.key)!;
      // The excerpt first: a readable diff of what changed, then the exact hash.
      expect(t.excerpt).toEqual(g.excerpt);
      expect(t.verdict).toEqual(g.verdict);
      expect({ steps: t.steps, events: t.events, traceHash: t.traceHash }).toEqual({
        steps: g.steps,
        events: g.events,
        traceHash: g.traceHash,
      });
    });
  }
});
