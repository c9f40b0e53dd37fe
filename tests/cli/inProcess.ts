// `sim` run in this process (dispatch.ts runSim): its stdout, after checking it wrote nothing to stderr and
// exited 0. For the tests that compare the CLI's bytes with the UI's.
import { expect } from 'vitest';
import { runSim } from '../../workers/cli/dispatch.ts';

export function cli(...argv: string[]): string {
  let out = '';
  let err = '';
  const code = runSim(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}
