import { describe, it, expect } from 'vitest';
import { parseOptions, UsageError, type OptionSpec, type OptionSpecs } from '../../workers/cli/args.ts';
import { runSim } from '../../workers/cli/dispatch.ts';
import { formatBinary, formatBytes, groupDigits } from '../../workers/cli/format.ts';
import { RUN_OPTIONS } from '../../workers/cli/runCommand.ts';
import { EXPLORE_OPTIONS } from '../../workers/cli/exploreCommand.ts';

const SPECS = {
  cpus: { kind: 'int', min: 1, max: 16384, help: 'N' },
  nodes: { kind: 'int', min: 1, max: 16, default: 1, help: 'K' },
  'page-size': { kind: 'enum', values: ['4096', '65536'], default: '4096', help: 'P' },
  'fail-at': { kind: 'int', min: -1, max: 9, default: -1, help: 'F' },
  schedule: { kind: 'string', help: 'S' },
  json: { kind: 'flag', help: 'J' },
} as const satisfies OptionSpecs;

const ALLOWED = '(options: --cpus, --nodes, --page-size, --fail-at, --schedule, --json)';

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
    expect(parseOptions('t', ['--cpus', '12'], SPECS)).toEqual({
      cpus: 12,
      nodes: 1,
      'page-size': '4096',
      'fail-at': -1,
      schedule: undefined,
      json: false,
    });
    expect(parseOptions('t', ['--json', '--nodes=4', '--cpus=1', '--page-size=65536', '--schedule', 'a b.json'], SPECS)).toEqual({
      cpus: 1,
      nodes: 4,
      'page-size': '65536',
      'fail-at': -1,
      schedule: 'a b.json',
      json: true,
    });
  });

  it('takes a negative number after the option as its value', () => {
    expect(parseOptions('t', ['--cpus', '2', '--fail-at', '-1'], SPECS)['fail-at']).toBe(-1);
    expect(parseOptions('t', ['--cpus', '2', '--fail-at=3'], SPECS)['fail-at']).toBe(3);
    expect(usageMessage(['--cpus', '-3'])).toBe('--cpus must be an integer from 1 to 16384 (got "-3")');
  });

  it.each(['1e3', '0x10', ' 4', '+4', '4.0', '', 'four', '99999999999999999999'])('rejects %j as an integer', (raw) => {
    expect(usageMessage([`--cpus=${raw}`])).toBe(`--cpus must be an integer from 1 to 16384 (got ${JSON.stringify(raw)})`);
  });

  it.each([
    [['--cpus', '0'], '--cpus must be an integer from 1 to 16384 (got "0")'],
    [['--cpus', '16385'], '--cpus must be an integer from 1 to 16384 (got "16385")'],
    [['--cpus', '2', '--fail-at', '-2'], '--fail-at must be an integer from -1 to 9 (got "-2")'],
    [['--cpus', '2', '--page-size', '8192'], '--page-size must be 4096 or 65536 (got "8192")'],
    [['--cpus', '2', '--schedule='], '--schedule must be a non-empty value (got "")'],
    [[], '--cpus is required: an integer from 1 to 16384'],
    [['--json'], '--cpus is required: an integer from 1 to 16384'],
  ])('rejects a bad or missing value: %j', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it.each([
    [['--cpus'], '--cpus needs a value: an integer from 1 to 16384'],
    [['--cpus', '--json'], '--cpus needs a value: an integer from 1 to 16384'],
    [['--cpus', '--'], '--cpus needs a value: an integer from 1 to 16384'],
    [['--cpus', '2', '--schedule'], '--schedule needs a value: a non-empty value'],
    [['--json=yes', '--cpus', '2'], '--json takes no value (got "yes")'],
    [['--json=', '--cpus', '2'], '--json takes no value (got "")'],
  ])('rejects a missing value, or a value given to a flag: %j', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it.each([
    [['--cpus', '2', '--cpus', '2'], '--cpus given more than once'],
    [['--cpus=2', '--cpus', '3'], '--cpus given more than once'],
    [['--json', '--cpus', '2', '--json'], '--json given more than once'],
  ])('rejects a repeated option, even with the same value: %j', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it.each([
    [['--verbose'], `unknown option "--verbose" for "t" ${ALLOWED}`],
    [['--toString', '--cpus', '1'], `unknown option "--toString" for "t" ${ALLOWED}`],
    [['--cpus', '2', '-j'], `unknown option "-j" for "t" ${ALLOWED}`],
    [['-h'], `unknown option "-h" for "t" ${ALLOWED}`],
    [['--cpus', '2', 'extra'], `unexpected argument "extra" for "t" ${ALLOWED}`],
    [['--'], `unexpected argument "--" for "t" ${ALLOWED}`],
    [['--cpus', '2', '--', '--json'], `unexpected argument "--" for "t" ${ALLOWED}`],
  ])('rejects unknown options, short options and positional words: %j', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it('reports the first mistake on the command line before any bad value', () => {
    expect(usageMessage(['--cpus', '0', '--frob'])).toMatch(/^unknown option "--frob"/);
    expect(usageMessage(['--nodes', '99', '--cpus', '0'])).toBe('--cpus must be an integer from 1 to 16384 (got "0")');
  });

  it.each([
    ['run', RUN_OPTIONS],
    ['explore', EXPLORE_OPTIONS],
  ] as const)('gives every option of sim %s its declared default, and the defaults pass their own checks', (name, specs) => {
    const opts: Record<string, unknown> = parseOptions(`sim ${name}`, [], specs);
    for (const [key, spec] of Object.entries<OptionSpec>(specs)) {
      const expected = spec.kind === 'flag' ? false : spec.kind === 'int' ? spec.default : 'default' in spec ? spec.default : undefined;
      expect(opts[key], key).toBe(expected);
    }
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
    expect([0, 999, 1000, 1234567, -1234].map(groupDigits)).toEqual(['0', '999', '1,000', '1,234,567', '-1,234']);
  });
});
