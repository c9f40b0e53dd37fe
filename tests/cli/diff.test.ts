// `sim diff` as a child process: the JSON shape of issue 13, the readable table, kernel versions, schedules
// from a file, and exit 2 with one stderr line for bad input.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'workers/cli/sim.ts', 'diff', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface DiffJson {
  steps: { a: number; b: number };
  hunks: { a: [number, number]; b: [number, number]; aEvents: string[]; bEvents: string[] }[];
  firstDifference: { stepA: number; stepB: number } | null;
  verdicts: { a: Record<string, unknown>; b: Record<string, unknown> };
  verdictDifferences: string[];
  blocked: { a: unknown[]; b: unknown[] };
  window: unknown;
  irqDelivery: string;
  irqWork: { a: string; b: string };
}

function diffJson(...args: string[]): DiffJson {
  const r = sim('--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

const tmp = mkdtempSync(join(tmpdir(), 'sim-diff-'));

describe('sim diff --json', () => {
  it('prints the issue’s shape: one hunk for merged against fixed, its events in words, equal verdicts', () => {
    const d = diffJson('--scenario', 'disable-vs-kick', '--cpus', '3', '--a', 'merged', '--b', 'fixed');
    expect(Object.keys(d)).toEqual([
      'steps',
      'hunks',
      'firstDifference',
      'verdicts',
      'verdictDifferences',
      'blocked',
      'window',
      'irqDelivery',
      'irqWork',
    ]);
    expect(d.irqDelivery).toBe('self-interrupt');
    expect(d.irqWork).toEqual({ a: 'hard', b: 'hard' });
    expect(d.hunks).toHaveLength(1);
    expect(Object.keys(d.hunks[0])).toEqual(['a', 'b', 'aEvents', 'bEvents']);
    expect(d.firstDifference).toEqual({ stepA: d.hunks[0].a[0], stepB: d.hunks[0].b[0] });
    expect(d.hunks[0].aEvents[0]).toMatch(/^enable:A alloc_kick_pseqs\(\): kvzalloc_node\(\) for CPU 0/);
    expect(d.hunks[0].bEvents[0]).toBe('enable:A scx_enable(): scx_enable_state() is DISABLED');
    expect(d.verdicts.a).toEqual(d.verdicts.b);
    expect(d.verdictDifferences).toEqual([]);
  });

  it('says null and no hunks when both kernels are the same', () => {
    const d = diffJson('--scenario', 'load-while-enabled', '--cpus', '3', '--a', 'fixed', '--b', 'fixed');
    expect(d.hunks).toEqual([]);
    expect(d.firstDifference).toBeNull();
    expect(d.steps.a).toBe(d.steps.b);
  });

  it('takes kernel versions: v6.17 against the 6.17.y backport differ at boot', () => {
    const d = diffJson('--scenario', 'disable-vs-kick', '--cpus', '3', '--kernel-a', 'v6.17', '--kernel-b', '6.17.9');
    expect(d.firstDifference).toEqual({ stepA: 0, stepB: 0 });
    expect(d.hunks[0].aEvents.join(' ')).toMatch(/percpu unit/);
  });

  it('takes --irq-delivery for both kernels: no-rcu against merged differs at the free only on the timer tick', () => {
    const args = ['--scenario', 'disable-vs-kick', '--cpus', '3', '--a', 'no-rcu', '--b', 'merged'];
    const tick = diffJson(...args, '--irq-delivery', 'tick');
    expect(tick.irqDelivery).toBe('tick');
    expect(tick.hunks[0].aEvents[0]).toMatch(/free_kick_pseqs\(\)/);
    expect(tick.verdicts.a.useAfterFree).toBe(true);
    expect(tick.verdicts.b.useAfterFree).toBe(false);
    // Self-interrupt (the default): the irq work holds the grace period open, neither kernel frees.
    const self = diffJson(...args, '--irq-delivery', 'self-interrupt');
    expect(self.irqDelivery).toBe('self-interrupt');
    expect(self.hunks).toEqual([]);
    expect(self.verdicts.a.useAfterFree).toBe(false);
    expect(diffJson(...args)).toEqual(self);
  });

  it("says each kernel's kick irq work: a PREEMPT_RT version before 36c6f3c03d10 runs it threaded", () => {
    const d = diffJson('--scenario', 'disable-vs-kick', '--cpus', '3', '--kernel-a', '6.17.10-rt', '--kernel-b', '6.17.y-rt-36c6');
    expect(d.irqWork).toEqual({ a: 'threaded', b: 'hard' });
  });

  it('drives both kernels with a schedule file and lists where one cannot follow it', () => {
    const file = join(tmp, 'sched.json');
    writeFileSync(file, JSON.stringify(['boot', 'disable']));
    const d = diffJson('--scenario', 'disable-vs-kick', '--cpus', '3', '--schedule', file);
    expect(d.blocked.a).toEqual([{ step: 1, wanted: 'disable', used: 'enable:A' }]);
    expect(d.blocked.b).toEqual([{ step: 1, wanted: 'disable', used: 'enable:A' }]);
  });
});

describe('sim diff (table)', () => {
  it('prints the options in force, the status line, the hunks and the verdict differences', () => {
    const r = sim('--scenario', 'load-while-enabled', '--cpus', '3', '--a', 'merged', '--b', 'fixed');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^load-while-enabled · 3 CPUs · A merged/);
    expect(r.stdout.split('\n')[1]).toBe('irq_work delivery self-interrupt · kick irq work A hard, B hard');
    expect(r.stdout).toMatch(/\n\d+ differences · first at step 3: A alloc_kick_pseqs\(\) alloc ×3/);
    expect(r.stdout).toMatch(/verdicts differ: leak, WARN, dropped kicks\n$/);
  });
});

describe('sim diff with bad input', () => {
  it.each([
    [
      ['--kernel-a', '7.0'],
      /^error: --kernel-a must be one of v6\.17, 6\.17\.9, 6\.17\.10, v6\.18-rc4, 6\.18\.10, 6\.17\.10-rt, 6\.17\.y-rt-36c6 \(got "7\.0"\)\n$/,
    ],
    [['--irq-delivery', 'nmi'], /^error: --irq-delivery must be self-interrupt or tick \(got "nmi"\)\n$/],
    [['--a', 'newest'], /^error: --a must be one of before, no-rcu, merged, fixed \(got "newest"\)\n$/],
    [['--scenario', 'disable-vs-kick', '--cpus', '1'], /^error: --cpus must be at least 2 for scenario disable-vs-kick \(got 1\)\n$/],
    [['--random', '--schedule', 'x'], /^error: --random and --schedule cannot be combined\n$/],
    [['--schedule', '/nonexistent/file'], /^error: --schedule: cannot read file/],
    [['extra'], /^error: unexpected argument "extra" for "sim diff"/],
  ])('%j exits 2 with one line', (args, message) => {
    const r = sim(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});
