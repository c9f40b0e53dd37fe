// `sim explore` as a child process, as `npm run sim` runs it: JSON shape, table, errors, and the round trip
// of a printed counterexample through `sim run --schedule FILE`.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'workers/cli/sim.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Cx {
  schedule: string[];
  steps: number;
}
interface ExploreJson {
  scenario: string;
  variant: string;
  cpus: number;
  pntRule: string;
  states: number;
  transitions: number;
  complete: boolean;
  seconds: number;
  violations: Record<string, Cx | null>;
  cutBy: string | null;
  store: string;
  collisionProbability: number;
  memoryBytes: number;
}

function exploreJson(...args: string[]): ExploreJson {
  const r = sim('explore', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ExploreJson;
}

describe('sim explore --json', () => {
  it('prints the search and one entry per checker (disable-vs-kick, no-rcu, 2 CPUs, timer-tick delivery)', () => {
    const r = exploreJson('--scenario', 'disable-vs-kick', '--variant', 'no-rcu', '--cpus', '2', '--irq-delivery', 'tick');
    expect(Object.keys(r).slice(0, 11)).toEqual([
      'scenario',
      'variant',
      'cpus',
      'pntRule',
      'skipHigherClass',
      'bumpOnPick',
      'states',
      'transitions',
      'complete',
      'seconds',
      'violations',
    ]);
    expect(r).toMatchObject({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 2, pntRule: '6.17', complete: true });
    expect(r.states).toBeGreaterThan(100);
    expect(typeof r.seconds).toBe('number');
    expect(Object.keys(r.violations)).toEqual(
      expect.arrayContaining(['useAfterFree', 'nullDeref', 'leak', 'doubleFree', 'warn', 'droppedKicks', 'stuck', 'rcuStall']),
    );
    expect(r.violations.useAfterFree?.steps).toBe(r.violations.useAfterFree?.schedule.length);
    expect(r.violations.nullDeref).not.toBeNull();
    expect(r.violations.leak).toBeNull();
  });

  it('a printed use-after-free schedule replays with sim run --schedule FILE to the same violation', () => {
    const args = ['--scenario', 'disable-vs-kick', '--variant', 'no-rcu', '--cpus', '3', '--irq-delivery', 'tick'];
    const cx = exploreJson(...args).violations.useAfterFree!;
    const file = join(mkdtempSync(join(tmpdir(), 'explore-')), 'uaf.json');
    writeFileSync(file, JSON.stringify(cx.schedule));
    const r = sim('run', ...args, '--schedule', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout) as {
      schedule: string[];
      verdict: { useAfterFree: boolean };
      reports: { kind: string; step: number }[];
    };
    expect(run.schedule.slice(0, cx.steps)).toEqual(cx.schedule);
    expect(run.verdict.useAfterFree).toBe(true);
    // The KASAN report is at the last step of the schedule (0-based step index steps - 1).
    expect(run.reports.find((x) => x.kind === 'uaf')?.step).toBe(cx.steps - 1);
  });

  it('honours --pnt-rule, --no-symmetry and --no-por (same verdicts, more states)', () => {
    const base = ['--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '3'];
    const a = exploreJson(...base, '--pnt-rule', 'a379fa1e2cae');
    expect(a.pntRule).toBe('a379fa1e2cae');
    expect(a.violations.stuck).toBeNull();
    const reduced = exploreJson(...base);
    const plain = exploreJson(...base, '--no-symmetry', '--no-por');
    expect(plain.states).toBeGreaterThan(reduced.states);
    const steps = (r: ExploreJson) => Object.fromEntries(Object.entries(r.violations).map(([k, v]) => [k, v?.steps ?? null]));
    expect(steps(plain)).toEqual(steps(reduced));
  });

  it('honours the toggle overrides and --fail-alloc-at, and says what it searched', () => {
    // The merged variant with the allocation moved after the state check is the fixed one: no leak, no WARN.
    const merged = exploreJson('--scenario', 'load-while-enabled', '--variant', 'merged', '--cpus', '2');
    expect(merged.violations.leak).not.toBeNull();
    const moved = exploreJson(
      '--scenario',
      'load-while-enabled',
      '--variant',
      'merged',
      '--cpus',
      '2',
      '--alloc-after-check',
      'on',
    ) as ExploreJson & {
      toggles: Record<string, boolean>;
    };
    expect(moved.variant).toBe('fixed');
    expect(moved.toggles.allocAfterStateCheck).toBe(true);
    expect(moved.violations.leak).toBeNull();
    expect(moved.violations.warn).toBeNull();
    // Without the NULL check, the merged variant's kick path can dereference an unpublished slot (when the irq
    // work may start after the free: timer-tick delivery).
    const tick = ['--irq-delivery', 'tick'];
    const noCheck = exploreJson('--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2', '--null-check', 'off', ...tick);
    expect(noCheck.variant).toBe('custom');
    expect(noCheck.violations.nullDeref).not.toBeNull();
    expect(exploreJson('--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2', ...tick).violations.nullDeref).toBeNull();
    // -ENOMEM on the second kvzalloc_node() call: scx_enable() unwinds in every schedule and nothing leaks.
    const enomem = exploreJson(
      '--scenario',
      'enable-disable',
      '--variant',
      'merged',
      '--cpus',
      '2',
      '--fail-alloc-at',
      '1',
    ) as ExploreJson & { failAllocAt: number };
    expect(enomem.failAllocAt).toBe(1);
    expect(enomem.complete).toBe(true);
    expect(enomem.violations.leak).toBeNull();
    const table = sim(
      'explore',
      '--scenario',
      'disable-vs-kick',
      '--variant',
      'merged',
      '--cpus',
      '2',
      '--null-check',
      'off',
      '--fail-alloc-at',
      '0',
    ).stdout;
    expect(table).toContain('toggles: lazyAlloc on, rcuFree on, nullCheck off, allocAfterStateCheck off');
    expect(table).toContain('kvzalloc_node() call 0 (0-based) fails with -ENOMEM in every schedule');
  });

  it('reports a bound with --max-steps', () => {
    const r = exploreJson('--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2', '--max-steps', '10');
    expect(r.complete).toBe(false);
  });
});

describe('sim explore (table and errors)', () => {
  it('prints a table of checkers and the schedules', () => {
    const r = sim('explore', '--scenario', 'load-while-enabled', '--variant', 'merged', '--cpus', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('pnt_seq rule 6.17');
    expect(r.stdout).toContain('complete: every schedule explored');
    expect(r.stdout).toMatch(/^ {2}leak +YES +\d+$/m);
    expect(r.stdout).toMatch(/^ {2}use-after-free +no$/m);
    expect(r.stdout).toContain('leak: ["boot",');
  });

  it.each([['9'], ['99'], ['0']])('rejects --cpus %s with one line on stderr and exit code 2', (n) => {
    const r = sim('explore', '--cpus', n);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: --cpus must be an integer from 1 to 8 (got "${n}")\n`);
  });

  it.each([
    ['--max-memory', '0'],
    ['--max-memory', 'lots'],
    ['--no-such-option', '1'],
  ])('rejects %s %s with one line on stderr and exit code 2', (opt, v) => {
    const r = sim('explore', opt, v);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops cleanly at a small memory budget: exit 0, incomplete, the limit named, what was found so far', () => {
    const args = ['--scenario', 'kick-storm', '--variant', 'merged', '--cpus', '3', '--max-memory', '24', '--irq-delivery', 'tick'];
    const r = sim('explore', ...args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/incomplete: --max-memory budget of 24 MiB reached, holding \d+ states/);
    expect(r.stdout).toMatch(/^ {2}dropped kicks +YES +25$/m);
    expect(r.stdout).toMatch(/^ {2}use-after-free +not found so far$/m);
    const j = exploreJson(...args);
    expect(j.complete).toBe(false);
    expect(j.cutBy).toBe('max-memory');
    expect(j.memoryBytes).toBeLessThanOrEqual(24 * 2 ** 20);
    expect(j.memoryBytes).toBeGreaterThan(20 * 2 ** 20);
    expect(j.states).toBeGreaterThan(1000);
    expect(j.violations.droppedKicks?.steps).toBe(25);
  });

  it('hash compaction prints its collision probability and gives the same verdicts', () => {
    const args = ['--scenario', 'load-while-enabled', '--variant', 'merged', '--cpus', '3'];
    const exact = exploreJson(...args);
    const fp = exploreJson(...args, '--hash-compaction');
    expect(fp.store).toBe('fingerprint');
    expect(fp.collisionProbability).toBeGreaterThan(0);
    expect(fp.collisionProbability).toBeLessThan(1e-9);
    expect(fp.states).toBe(exact.states);
    expect(fp.violations).toEqual(exact.violations);
    expect(fp.memoryBytes).toBeLessThan(exact.memoryBytes);
    expect(sim('explore', ...args, '--hash-compaction').stdout).toMatch(
      /hash compaction: 64-bit fingerprints, collision probability \d\.\de-\d+/,
    );
  });

  it('rejects a CPU count the scenario cannot use', () => {
    const r = sim('explore', '--scenario', 'disable-vs-kick', '--cpus', '1');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('at least 2 CPUs');
  });

  it('has help, and is listed in sim --help', () => {
    expect(sim('explore', '--help').stdout).toContain('usage: sim explore');
    expect(sim('--help').stdout).toMatch(/^ {2}explore /m);
  });
});

describe('sim explore --irq-work and --irq-delivery', () => {
  const base = ['--scenario', 'disable-vs-kick', '--variant', 'merged', '--cpus', '2'];
  it('defaults to hard irq work and self-interrupt delivery, and says so', () => {
    const j = exploreJson(...base) as ExploreJson & { irqWork: string; irqDelivery: string };
    expect([j.irqWork, j.irqDelivery]).toEqual(['hard', 'self-interrupt']);
    expect(j.violations.useAfterFree).toBeNull();
    expect(sim('explore', ...base).stdout).toMatch(/^kick irq work: hard irq · irq_work delivery: self-interrupt \(x86, arm64\)$/m);
  });
  it('threaded irq work: merged reaches a use-after-free', () => {
    const j = exploreJson(...base, '--irq-work', 'threaded') as ExploreJson & { irqWork: string };
    expect(j.irqWork).toBe('threaded');
    expect(j.violations.useAfterFree).not.toBeNull();
    expect(j.violations.rcuStall).toBeNull();
  });
  it('rejects an unknown value with a message naming the choices', () => {
    const r = sim('explore', ...base, '--irq-delivery', 'ipi');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--irq-delivery must be self-interrupt or tick/);
  });
});
