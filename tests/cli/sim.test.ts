// Runs the real CLI as a child process, as `npm run sim` does, and checks stdout, stderr and exit codes.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MemoryReport } from '../../workers/model/memory.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'workers/cli/sim.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function simJson(...args: string[]): MemoryReport {
  const r = sim('memory', '--json', ...args);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as MemoryReport;
}

describe('sim memory --json', () => {
  it('prints one MemoryReport for 4097 CPUs at 4 KiB pages', () => {
    const r = simJson('--cpus', '4097');
    expect(Object.keys(r)).toEqual(['cpus', 'pageSize', 'nodes', 'percpu', 'kvzalloc']);
    expect(r).toMatchObject({ cpus: 4097, pageSize: 4096, nodes: 1 });
    expect(r.percpu).toMatchObject({
      bytesPerCpu: 32776,
      ok: false,
      message: 'illegal size (32776) or align (8) for percpu allocation',
    });
    expect(r.kvzalloc.requestBytes).toBe(32792);
    expect(r.kvzalloc.kmalloc).toMatchObject({ path: 'page', cache: 'order-4', bytesPerCpu: 65536, totalBytes: 268_500_992 });
    expect(r.kvzalloc.vmalloc).toMatchObject({ bytesPerCpu: 36864, totalBytes: 151_031_808, pages: 9 });
    expect(r.kvzalloc.perNode).toEqual([{ node: 0, cpus: 4097, kmallocBytes: 268_500_992, vmallocBytes: 151_031_808 }]);
  });

  it('honours --page-size and --nodes (8 CPUs, 64 KiB pages, 3 nodes)', () => {
    const r = simJson('--cpus=8', '--page-size', '65536', '--nodes', '3');
    expect(r).toMatchObject({ cpus: 8, pageSize: 65536, nodes: 3 });
    expect(r.percpu).toMatchObject({ ok: true, message: '', totalBytes: 512 });
    expect(r.kvzalloc.kmalloc).toMatchObject({ cache: 'kmalloc-96', bytesPerCpu: 96, totalBytes: 768 });
    expect(r.kvzalloc.vmalloc).toBeNull();
    expect(r.kvzalloc.perNode.map((n) => n.cpus)).toEqual([3, 3, 2]);
  });
});

describe('sim memory (human table)', () => {
  it('names the slab cache and says there is no fallback for 64 CPUs', () => {
    const r = sim('memory', '--cpus', '64');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('kmalloc-1k (slab cache)');
    expect(r.stdout).toContain('64 KiB (65,536 B)');
    expect(r.stdout).toContain('no vmalloc fallback');
    expect(r.stdout).toContain('slack');
    expect(r.stdout).not.toContain('boot panic');
  });

  it('shows the page allocator path, vmalloc pages and the boot panic for 4097 CPUs', () => {
    const r = sim('memory', '--cpus', '4097');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('order-4 (page allocator)');
    expect(r.stdout).toContain('9 pages');
    expect(r.stdout).toContain('256.06 MiB (268,500,992 B)');
    expect(r.stdout).toContain('illegal size (32776) or align (8) for percpu allocation');
    expect(r.stdout).toContain('boot panic (BUG_ON in init_sched_ext_class)');
  });

  it('lists every node when there are several', () => {
    const r = sim('memory', '--cpus', '1023', '--nodes', '2');
    expect(r.stdout).toMatch(/^ {2}0 +512 /m);
    expect(r.stdout).toMatch(/^ {2}1 +511 /m);
  });
});

describe('sim help', () => {
  it.each([['--help'], ['-h'], ['help']])('prints usage for %s', (flag) => {
    const r = sim(flag);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: sim <command>');
    expect(r.stdout).toContain('memory');
  });

  it('prints the memory usage for "memory --help"', () => {
    const r = sim('memory', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: sim memory --cpus N [--page-size 4096|65536] [--nodes K] [--json]');
  });
});

describe('bad arguments exit 2 with one stderr line', () => {
  it.each([
    { args: ['memory', '--cpus', '0'], line: 'error: --cpus must be an integer from 1 to 16384 (got "0")' },
    { args: ['memory', '--cpus', '16385'], line: 'error: --cpus must be an integer from 1 to 16384 (got "16385")' },
    { args: ['memory', '--cpus', '1.5'], line: 'error: --cpus must be an integer from 1 to 16384 (got "1.5")' },
    { args: ['memory', '--cpus', 'four'], line: 'error: --cpus must be an integer from 1 to 16384 (got "four")' },
    { args: ['memory', '--cpus', '-3'], line: 'error: --cpus must be an integer from 1 to 16384 (got "-3")' },
    { args: ['memory', '--cpus='], line: 'error: --cpus must be an integer from 1 to 16384 (got "")' },
    { args: ['memory', '--cpus', '8', '--page-size', '8192'], line: 'error: --page-size must be 4096 or 65536 (got "8192")' },
    { args: ['memory', '--cpus', '8', '--nodes', '0'], line: 'error: --nodes must be an integer from 1 to 16 (got "0")' },
    { args: ['memory', '--cpus', '8', '--nodes', '17'], line: 'error: --nodes must be an integer from 1 to 16 (got "17")' },
    { args: ['memory', '--cpus'], line: 'error: --cpus needs a value: an integer from 1 to 16384' },
    { args: ['memory', '--cpus', '--json'], line: 'error: --cpus needs a value: an integer from 1 to 16384' },
    { args: ['memory'], line: 'error: --cpus is required: an integer from 1 to 16384' },
    { args: ['memory', '--cpus', '8', '--cpus', '9'], line: 'error: --cpus given more than once' },
    { args: ['memory', '--cpus', '8', '--json=yes'], line: 'error: --json takes no value (got "yes")' },
    {
      args: ['memory', '--cpus', '8', '--verbose'],
      line: 'error: unknown option "--verbose" for "sim memory" (options: --cpus, --page-size, --nodes, --json)',
    },
    {
      args: ['memory', '--cpus', '8', 'extra'],
      line: 'error: unexpected argument "extra" for "sim memory" (options: --cpus, --page-size, --nodes, --json)',
    },
    { args: ['frobnicate'], line: 'error: unknown command "frobnicate" (commands: memory, run, explore, diff); see "sim --help"' },
    { args: ['--cpus', '8'], line: 'error: unknown option "--cpus" (commands: memory, run, explore, diff); see "sim --help"' },
    { args: [], line: 'error: missing command (allowed: memory, run, explore, diff); see "sim --help"' },
  ])('sim $args', ({ args, line }) => {
    const r = sim(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(line + '\n');
  });
});
