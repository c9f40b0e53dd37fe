// The exports' names and their refusals: a file name says what it holds, and an export in a bad state
// (a run loading or failed, a restarted worker, a search running or not yet run) says why instead.
import { describe, it, expect } from 'vitest';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { configFileStem, exploreExportProblem, raceExportProblem, runFileStem } from '../../src/export/exportFiles.ts';
import { createIdleRun, failRun, finishRun, startRun } from '../../src/state/runState.ts';

describe('export file names', () => {
  it('name the scenario, kernel, CPU count and step', () => {
    const c = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4 });
    expect(runFileStem(c, 31)).toBe('disable-vs-kick_no-rcu_4cpu_step31');
    expect(configFileStem(makeRunConfig({ scenario: 'kick-storm', variant: 'fixed', cpus: 8192 }))).toBe('kick-storm_fixed_8192cpu');
  });
});

describe('exports in a bad state', () => {
  const loaded = finishRun(startRun(createIdleRun<{ epoch: number }>(), 1), 1, { epoch: 3 });
  it('refuse while the run loads, after it failed, or when the worker restarted', () => {
    expect(raceExportProblem({ raceRun: createIdleRun() }, 3)).toMatch(/no run is loaded/);
    expect(raceExportProblem({ raceRun: startRun(loaded, 2) }, 3)).toMatch(/still loading/);
    expect(raceExportProblem({ raceRun: failRun(startRun(loaded, 2), 2, 'bad schedule') }, 3)).toMatch(/failed \(bad schedule\)/);
    expect(raceExportProblem({ raceRun: loaded }, 4)).toMatch(/worker restarted/);
    expect(raceExportProblem({ raceRun: loaded }, 3)).toBeNull();
  });
  it('refuse a search report until a search has finished', () => {
    expect(exploreExportProblem('running', true)).toMatch(/still running/);
    expect(exploreExportProblem('idle', false)).toMatch(/no search has finished/);
    expect(exploreExportProblem('done', true)).toBeNull();
  });
});
