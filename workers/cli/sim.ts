// Entry point of `npm run sim -- <command> …` (tsx workers/cli/sim.ts). Everything else is in dispatch.ts.
import { runSim } from './dispatch.ts';

process.exitCode = runSim(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
