import { describe, it, expect } from 'vitest';
import { parseOptions, UsageError, type OptionSpecs } from '../../workers/cli/args.ts';
import { runSim } from '../../workers/cli/dispatch.ts';
import { formatBinary, formatBytes, groupDigits } from '../../workers/cli/format.ts';

const SPECS = {
  cpus: { kind: 'int', min: 1, max: 16384, help: 'N' },
  nodes: { kind: 'int', min: 1, max: 16, default: 1, help: 'K' },
  'page-size': { kind: 'enum', values: ['4096', '65536'], default: '4096', help: 'P' },
  json: { kind: 'flag', help: 'J' },
} as const satisfies OptionSpecs;

function usageMessage(argv: string[]): string {
  try {
    parseOptions('t', argv, SPECS);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('parseOptions', () => {
  it('fills defaults and reads both --name value and --name=value', () => {
    expect(parseOptions('t', ['--cpus', '12'], SPECS)).toEqual({ cpus: 12, nodes: 1, 'page-size': '4096', json: false });
    expect(parseOptions('t', ['--json', '--nodes=4', '--cpus=1', '--page-size=65536'], SPECS)).toEqual({
      cpus: 1,
      nodes: 4,
      'page-size': '65536',
      json: true,
    });
  });

  it.each(['1e3', '0x10', ' 4', '+4', '4.0', ''])('rejects %j as an integer', (raw) => {
    expect(usageMessage([`--cpus=${raw}`])).toBe(`--cpus must be an integer from 1 to 16384 (got ${JSON.stringify(raw)})`);
  });

  it('does not treat inherited object keys as options', () => {
    expect(usageMessage(['--toString', '--cpus', '1'])).toMatch(/^unknown option "--toString"/);
  });

  it('rejects a lone "--"', () => {
    expect(usageMessage(['--'])).toMatch(/^unexpected argument "--"/);
  });
});

describe('runSim in-process', () => {
  function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = runSim(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('writes JSON to stdout and nothing to stderr', () => {
    const r = run(['memory', '--cpus', '510', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { kvzalloc: { kmalloc: { cache: string } } }).kvzalloc.kmalloc.cache).toBe('kmalloc-4k');
  });

  it('turns a usage error into exit 2 and a single line', () => {
    const r = run(['memory', '--cpus', '0']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'error: --cpus must be an integer from 1 to 16384 (got "0")\n' });
  });
});

describe('byte formatting', () => {
  it('uses binary units with exact bytes', () => {
    expect(formatBytes(528)).toBe('528 B');
    expect(formatBytes(65536)).toBe('64 KiB (65,536 B)');
    expect(formatBytes(2_088_960)).toBe('1.99 MiB (2,088,960 B)');
    expect(formatBytes(1024 ** 3)).toBe('1 GiB (1,073,741,824 B)');
    expect(formatBinary(4096)).toBe('4 KiB');
    expect(groupDigits(1234567)).toBe('1,234,567');
  });
});
