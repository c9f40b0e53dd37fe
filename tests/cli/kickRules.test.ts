// The CLI with the re-pick scenario and the two a379fa1e2cae-series switches: `sim run --scenario
// kick-wait-repick`, `--pnt-rule`, `--skip-higher-class on|off`, `--kick-wait-fix on|off`, and `sim explore`.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'workers/cli/sim.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(...args: string[]): Record<string, unknown> {
  const r = sim(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('sim run --scenario kick-wait-repick', () => {
  it('under 6.17 CPU 0 spins for ever and RCU stalls; the a379fa1e2cae preset ends the wait', () => {
    const old = json('run', '--scenario', 'kick-wait-repick', '--cpus', '2', '--summary');
    expect(old).toMatchObject({ scenario: 'kick-wait-repick', pntRule: '6.17', skipHigherClass: false, bumpOnPick: false });
    expect(old.verdict).toMatchObject({ stuck: true, rcuStall: true });
    const fixed = json('run', '--scenario', 'kick-wait-repick', '--cpus', '2', '--summary', '--pnt-rule', 'a379fa1e2cae');
    expect(fixed).toMatchObject({ pntRule: 'a379fa1e2cae', skipHigherClass: true, bumpOnPick: true });
    expect(fixed.verdict).toMatchObject({ stuck: false, rcuStall: false });
  });
  it('--kick-wait-fix on alone ends the default re-pick; --skip-higher-class on alone does not', () => {
    const kw = json('run', '--scenario', 'kick-wait-repick', '--cpus', '2', '--summary', '--kick-wait-fix', 'on');
    expect(kw).toMatchObject({ pntRule: 'custom', skipHigherClass: false, bumpOnPick: true });
    expect(kw.verdict).toMatchObject({ stuck: false });
    const hc = json('run', '--scenario', 'kick-wait-repick', '--cpus', '2', '--summary', '--skip-higher-class', 'on');
    expect(hc).toMatchObject({ pntRule: 'custom', skipHigherClass: true, bumpOnPick: false });
    expect(hc.verdict).toMatchObject({ stuck: true });
    const off = json(
      'run',
      '--scenario',
      'kick-wait-repick',
      '--cpus',
      '2',
      '--summary',
      '--pnt-rule',
      'a379fa1e2cae',
      '--skip-higher-class',
      'off',
    );
    expect(off).toMatchObject({ pntRule: 'custom', skipHigherClass: false, bumpOnPick: true });
  });
  it('the readable form names the rule and the commit that is on', () => {
    const r = sim('run', '--scenario', 'kick-wait-repick', '--cpus', '2', '--summary', '--skip-higher-class', 'on');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('pnt_seq rule custom (a9c1fbbd6dad only)');
    expect(r.stdout).toContain('watchdog: Watchdog detected hard LOCKUP on cpu 0');
  });
  it('a bad switch value exits 2 with one line naming the choices', () => {
    const r = sim('run', '--scenario', 'kick-wait-repick', '--kick-wait-fix', 'maybe');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/kick-wait-fix/);
    expect(r.stderr).toMatch(/on/);
  });
});

describe('sim explore with one commit of the series', () => {
  it('kick-wait-repick at 2 CPUs: a379fa1e2cae alone still hangs in some schedule (the kick after the unload)', () => {
    const r = json('explore', '--scenario', 'kick-wait-repick', '--cpus', '2', '--kick-wait-fix', 'on');
    expect(r).toMatchObject({ pntRule: 'custom', skipHigherClass: false, bumpOnPick: true, complete: true });
    expect((r.violations as Record<string, unknown>).stuck).not.toBeNull();
    const both = json('explore', '--scenario', 'kick-wait-repick', '--cpus', '2', '--pnt-rule', 'a379fa1e2cae');
    expect((both.violations as Record<string, unknown>).stuck).toBeNull();
  });
});
