// `sim run` as a child process: the JSON contract, the readable table, schedules from a file, and exit 2
// with one stderr line for every kind of bad input.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'workers/cli/sim.ts', 'run', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface RunJson {
  scenario: string;
  variant: string;
  cpus: number;
  steps: number;
  traceHash: string;
  events?: { step: number; cpu: number; actor: string; fn: string; kind: string; text: string }[];
  schedule?: string[];
  verdict: Record<string, unknown>;
}

function runJson(...args: string[]): RunJson {
  const r = sim('--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as RunJson;
}

const tmp = mkdtempSync(join(tmpdir(), 'sim-run-'));

describe('sim run --json', () => {
  it('prints the events and verdict of disable-vs-kick on no-rcu under timer-tick delivery: a use-after-free by CPU 0', () => {
    const r = runJson('--scenario', 'disable-vs-kick', '--variant', 'no-rcu', '--cpus', '4', '--irq-delivery', 'tick');
    expect(r).toMatchObject({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4 });
    expect(Object.keys(r.verdict)).toEqual([
      'useAfterFree',
      'nullDeref',
      'doubleFree',
      'leakedArrays',
      'leakedBytes',
      'warnings',
      'droppedKicks',
      'bootPanic',
      'stuck',
      'rcuStall',
      'enableErrors',
    ]);
    expect(r.verdict.useAfterFree).toBe(true);
    const uaf = r.events!.find((e) => e.kind === 'uaf')!;
    expect(uaf).toMatchObject({ cpu: 0, actor: 'irq:0', fn: 'kick_cpus_irq_workfn' });
    const free = r.events!.find((e) => e.kind === 'free')!;
    expect(free.step).toBeLessThan(uaf.step);
    expect(r.schedule).toHaveLength(r.steps);
  });

  it('--summary leaves the events out but keeps the same trace hash', () => {
    const full = runJson('--scenario', 'load-while-enabled', '--variant', 'merged', '--cpus', '3');
    const summary = runJson('--scenario', 'load-while-enabled', '--variant', 'merged', '--cpus', '3', '--summary');
    expect(summary.events).toBeUndefined();
    expect(summary.traceHash).toBe(full.traceHash);
    expect(summary.verdict).toMatchObject({ leakedArrays: 3, leakedBytes: 192, droppedKicks: 1, enableErrors: [0, -16] });
  });

  it('replays a schedule file to the identical trace, and a prefix forks a different one', () => {
    const base = runJson('--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2');
    const file = join(tmp, 'full.json');
    writeFileSync(file, JSON.stringify(base.schedule));
    expect(runJson('--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2', '--schedule', file).traceHash).toBe(
      base.traceHash,
    );
    // Let the irq work run before the unload starts: a different interleaving.
    const fork = join(tmp, 'fork.txt');
    writeFileSync(fork, base.schedule!.slice(0, 11).join('\n') + '\nirq:0\n');
    const forked = runJson('--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2', '--schedule', fork);
    expect(forked.traceHash).not.toBe(base.traceHash);
    expect(forked.schedule!.slice(0, 12)).toEqual([...base.schedule!.slice(0, 11), 'irq:0']);
  });

  it('the toggles override the preset: merged with the state check first behaves like fixed', () => {
    const custom = runJson(
      '--scenario',
      'load-while-enabled',
      '--variant',
      'merged',
      '--alloc-after-check',
      'on',
      '--cpus',
      '2',
      '--summary',
    );
    const fixed = runJson('--scenario', 'load-while-enabled', '--variant', 'fixed', '--cpus', '2', '--summary');
    expect(custom.verdict).toEqual(fixed.verdict);
    expect(custom.variant).toBe('fixed');
  });

  it('is deterministic for a seed, and seeds differ', () => {
    const a = runJson('--scenario', 'kick-storm', '--variant', 'fixed', '--cpus', '64', '--seed', '5', '--storm-kicks', '300', '--summary');
    const b = runJson('--scenario', 'kick-storm', '--variant', 'fixed', '--cpus', '64', '--seed', '5', '--storm-kicks', '300', '--summary');
    const c = runJson('--scenario', 'kick-storm', '--variant', 'fixed', '--cpus', '64', '--seed', '6', '--storm-kicks', '300', '--summary');
    expect(a.traceHash).toBe(b.traceHash);
    expect(c.traceHash).not.toBe(a.traceHash);
  });
});

describe('sim run (table)', () => {
  it('prints the events, the verdict and the kernel-style reports', () => {
    const r = sim('--scenario', 'load-while-enabled', '--variant', 'merged', '--cpus', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('alloc_kick_pseqs()');
    expect(r.stdout).toContain('leaked arrays 2 (64 bytes)');
    expect(r.stdout).toContain('unreferenced object');
    expect(r.stdout).toContain('kick_cpus_irq_workfn() called with NULL scx_kick_pseqs');
  });
  it('says the old design panics at boot past 4096 CPUs', () => {
    const r = sim('--scenario', 'boot', '--variant', 'before', '--cpus', '4097', '--summary');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('boot panic YES');
    expect(r.stdout).toContain('illegal size (32776) or align (8) for percpu allocation');
  });
});

describe('sim run: bad input exits 2 with one line on stderr', () => {
  const badSchedule = join(tmp, 'bad.json');
  writeFileSync(badSchedule, '["boot", "irq:1"]');
  const notJson = join(tmp, 'broken.json');
  writeFileSync(notJson, '["boot", ');
  const notStrings = join(tmp, 'numbers.json');
  writeFileSync(notStrings, '["boot", 3]');
  const cases: { args: string[]; has: string }[] = [
    {
      args: ['--scenario', 'nope'],
      has: '--scenario must be one of boot, enable-disable, disable-vs-kick, load-while-enabled, kick-storm',
    },
    { args: ['--variant', 'v3'], has: '--variant must be one of before, no-rcu, merged, fixed' },
    { args: ['--cpus', '0'], has: '--cpus must be an integer from 1 to 8192' },
    { args: ['--cpus', '8193'], has: '--cpus must be an integer from 1 to 8192' },
    { args: ['--cpus', '2.5'], has: '--cpus must be an integer' },
    { args: ['--scenario', 'disable-vs-kick', '--cpus', '1'], has: 'at least 2' },
    { args: ['--frob'], has: 'unknown option "--frob"' },
    { args: ['--schedule', badSchedule], has: 'schedule step 2: actor "irq:1" cannot move' },
    { args: ['--schedule', notJson], has: 'is not valid JSON' },
    { args: ['--schedule', notStrings], has: 'must hold a JSON array of actor ids (strings)' },
    { args: ['--schedule='], has: '--schedule must be a non-empty value (got "")' },
    { args: ['--cpus', '4', '--cpus', '4'], has: '--cpus given more than once' },
    { args: ['--fail-alloc-at', '-2'], has: '--fail-alloc-at must be an integer from -1 to 1000000 (got "-2")' },
    { args: ['--schedule', join(tmp, 'missing.json')], has: 'cannot read file' },
  ];
  for (const c of cases) {
    it(`sim run ${c.args.join(' ')}`, () => {
      const r = sim(...c.args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toContain(c.has);
    });
  }
});

describe('sim run --irq-work and --irq-delivery', () => {
  it('prints the options in force in the header, the verdict and the JSON', () => {
    const args = [
      '--scenario',
      'disable-vs-kick',
      '--variant',
      'no-rcu',
      '--cpus',
      '2',
      '--irq-work',
      'threaded',
      '--irq-delivery',
      'tick',
    ];
    const text = sim(...args, '--summary').stdout;
    expect(text).toMatch(
      /^kick irq work: threaded \(PREEMPT_RT before 36c6f3c03d10\) · irq_work delivery: timer tick \(no irq_work interrupt\)$/m,
    );
    expect(text).toMatch(/^verdict \(kick irq work: threaded/m);
    const r = runJson(...args) as RunJson & { irqWork: string; irqDelivery: string; irqOptions: string };
    expect([r.irqWork, r.irqDelivery]).toEqual(['threaded', 'tick']);
  });
  it('self-interrupt (the default) and timer tick give different verdicts for no-rcu disable-vs-kick', () => {
    const base = ['--scenario', 'disable-vs-kick', '--variant', 'no-rcu', '--cpus', '4'];
    expect(runJson(...base).verdict.useAfterFree).toBe(false);
    expect(runJson(...base, '--irq-delivery', 'tick').verdict.useAfterFree).toBe(true);
  });
});
