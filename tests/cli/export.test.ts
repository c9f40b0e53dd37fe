// `sim run|explore --export` writes exactly what the UI downloads for the same state: the UI's export
// functions (src/export/exportFiles.ts), called with the worker's own API object, against the CLI's stdout.
import { describe, it, expect } from 'vitest';
import { runSim } from '../../workers/cli/dispatch.ts';
import { cli } from './inProcess.ts';
import { schedApi } from '../../workers/schedApi.ts';
import { exploreApi } from '../../workers/exploreApi.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { exploreReportFile, racePerfettoFile, raceReportFile, type ExportApi } from '../../src/export/exportFiles.ts';

const api: ExportApi = { ...schedApi, ...exploreApi };
const BASE = 'https://example.org/kick-pseqs/';

describe('sim --export matches the UI byte for byte', () => {
  it('review report of a run at a step', async () => {
    // Timer-tick delivery: the run with the use-after-free at step 31 (under a self-interrupt it ends earlier).
    const config = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4, irqDelivery: 'tick' });
    const h = schedApi.runScenario(config);
    const file = await raceReportFile(api, { workerRunId: h.runId, result: h.result }, 31, BASE);
    expect(file.name).toBe('disable-vs-kick_no-rcu_4cpu_step31.txt');
    const text = cli(
      'run',
      '--scenario',
      'disable-vs-kick',
      '--variant',
      'no-rcu',
      '--cpus',
      '4',
      '--irq-delivery',
      'tick',
      '--export',
      'text',
      '--step',
      '31',
      '--base-url',
      BASE,
    );
    expect(await file.blob.text()).toBe(text);
    expect(text).toContain('step=31');
    expect(text).toContain('dlv=tick');
  });

  it('Perfetto trace of a run', async () => {
    const config = makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 4, pntRule: 'a379fa1e2cae' });
    const h = schedApi.runScenario(config);
    const file = await racePerfettoFile(api, { workerRunId: h.runId, result: h.result });
    const text = cli(
      'run',
      '--scenario',
      'load-while-enabled',
      '--variant',
      'merged',
      '--cpus',
      '4',
      '--pnt-rule',
      'a379fa1e2cae',
      '--export',
      'perfetto',
    );
    expect(await file.blob.text()).toBe(text);
    expect(JSON.parse(text)).toHaveProperty('traceEvents');
  });

  it('review report of a search', async () => {
    const config = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 2, stormKicks: 1 });
    const reply = exploreApi.explore(config, { maxSteps: 1000, maxStates: 5_000_000 });
    const file = await exploreReportFile(api, config, reply, BASE);
    const text = cli(
      'explore',
      '--scenario',
      'disable-vs-kick',
      '--variant',
      'merged',
      '--cpus',
      '2',
      '--export',
      'text',
      '--base-url',
      BASE,
    );
    expect(await file.blob.text()).toBe(text);
  });

  it('refuses --export with --summary, in one line', () => {
    let err = '';
    const code = runSim(['run', '--export', 'text', '--summary'], { stdout: () => {}, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/^error: --export text writes the whole run: leave out --summary and --json\n$/);
  });
});
