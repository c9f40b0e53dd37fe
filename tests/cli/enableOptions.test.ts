// `sim run` / `sim explore` options for the per-CPU kvzalloc_node() path and the scx_alloc_and_add_sched()
// failure: what they parse to, and one clear line for a bad value.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseOptions } from '../../workers/cli/args.ts';
import { RUN_OPTIONS, runConfigFromOptions } from '../../workers/cli/runCommand.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const configOf = (...argv: string[]) => runConfigFromOptions(parseOptions('run', argv, RUN_OPTIONS));

describe('sim run --kvmalloc and --fail-sched-alloc', () => {
  it('parse to the run config', () => {
    expect(configOf('--kvmalloc', 'every-3', '--fail-sched-alloc')).toMatchObject({ kvmallocPath: 'every-3', failSchedAlloc: true });
    expect(configOf('--kvmalloc=seeded', '--seed', '9')).toMatchObject({ kvmallocPath: 'seeded', seed: 9, failSchedAlloc: false });
    expect(configOf('--kvmalloc', 'vmalloc')).toMatchObject({ kvmallocPath: 'vmalloc' });
    expect(configOf()).toMatchObject({ kvmallocPath: 'kmalloc', failSchedAlloc: false });
  });

  it('a failing scheduler allocation shows in the verdict: -ENOMEM, nothing leaked', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'workers/cli/sim.ts',
        'run',
        '--json',
        '--summary',
        '--scenario',
        'enable-disable',
        '--variant',
        'fixed',
        '--cpus',
        '2',
        '--fail-sched-alloc',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { verdict: { enableErrors: number[]; leakedArrays: number } };
    expect(out.verdict).toMatchObject({ enableErrors: [-12], leakedArrays: 0 });
  });

  it('reject an unknown path with the accepted forms', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'workers/cli/sim.ts', 'run', '--kvmalloc', 'every-1'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: --kvmalloc must be kmalloc, vmalloc, seeded or every-K with K from 2 to 1024 (got "every-1")');
  });
});
