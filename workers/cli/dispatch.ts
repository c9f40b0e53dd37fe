// The `sim` front end: picks the subcommand, handles --help, and turns UsageError into one stderr line
// and exit code 2. Pure apart from the injected io, so tests can call it in-process.
import { EXIT_OK, EXIT_USAGE, UsageError, wantsHelp, type CliIo, type Command } from './args.ts';
import { COMMANDS } from './commands.ts';

/** Top-level help text listing the subcommands. Ends with a newline. */
export function formatUsage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    'usage: sim <command> [options]\n' +
    '       sim <command> --help\n\n' +
    'Headless front end to the sched_ext kick pseqs model (commits 14c1da3895a1, 05e63305c85c).\n\n' +
    'commands:\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n`).join('') +
    '\nBad arguments exit with code 2 and one line on stderr.\n'
  );
}

/**
 * Runs `sim` with `argv` (the words after "sim") and returns the exit code: 0 on success, 2 on a
 * usage error (after writing exactly one "error: …" line to io.stderr). Other errors propagate.
 */
export function runSim(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): number {
  const allowed = commands.map((c) => c.name).join(', ');
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      throw new UsageError(`missing command (allowed: ${allowed}); see "sim --help"`);
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(formatUsage(commands));
      return EXIT_OK;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) {
      const what = first.startsWith('-') ? 'option' : 'command';
      throw new UsageError(`unknown ${what} ${JSON.stringify(first)} (commands: ${allowed}); see "sim --help"`);
    }
    if (wantsHelp(rest)) {
      io.stdout(command.usage);
      return EXIT_OK;
    }
    return command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`error: ${err.message.replaceAll('\n', ' ')}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
