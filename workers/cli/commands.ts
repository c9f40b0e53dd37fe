// The registry of `sim` subcommands. To add one (e.g. `run`, `explore`), write workers/cli/<name>Command.ts
// exporting a Command, and list it here; dispatch, help and errors pick it up.
import type { Command } from './args.ts';
import { memoryCommand } from './memoryCommand.ts';
import { runCommand } from './runCommand.ts';
import { exploreCommand } from './exploreCommand.ts';
import { diffCommand } from './diffCommand.ts';

export const COMMANDS: readonly Command[] = [memoryCommand, runCommand, exploreCommand, diffCommand];
