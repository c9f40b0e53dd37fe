// The strict option parser shared by the `sim` subcommands: node:util parseArgs splits the words and valibot
// checks and converts the values. Every mistake becomes a UsageError whose message is the one line printed
// on stderr (exit code 2); nothing is guessed or ignored.
import { parseArgs } from 'node:util';
import * as v from 'valibot';

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** Bad command-line input. `message` is a complete one-line explanation, without the "error: " prefix. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Where a command writes. Injected so commands can be tested in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A subcommand of `sim`: `run` returns the process exit code and throws UsageError on bad input. */
export interface Command {
  name: string;
  /** One line for `sim --help`. */
  summary: string;
  /** Full help text for `sim <name> --help`, ending in a newline. */
  usage: string;
  run: (argv: readonly string[], io: CliIo) => number;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** An integer option: `--name N` or `--name=N`; required unless it has a default. */
export interface IntOption {
  kind: 'int';
  min: number;
  max: number;
  default?: number;
  help: string;
}

/** An option taking one of a fixed set of spellings. */
export interface EnumOption<V extends string = string> {
  kind: 'enum';
  values: readonly V[];
  default: V;
  help: string;
}

/** A boolean switch without a value. */
export interface FlagOption {
  kind: 'flag';
  help: string;
}

/** A free-form value (a file path, say); required unless it has a default. */
export interface StringOption {
  kind: 'string';
  default?: string;
  help: string;
}

export type OptionSpec = IntOption | EnumOption | FlagOption | StringOption;

/** Option specs keyed by long name without the dashes ("page-size"). */
export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S extends IntOption
  ? number
  : S extends EnumOption<infer V>
    ? V
    : S extends StringOption
      ? string | undefined
      : boolean;

export type ParsedOptions<S extends OptionSpecs> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** Human text of what an option accepts, used in errors and help. */
export function describeAllowed(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'int':
      return `an integer from ${spec.min} to ${spec.max}`;
    case 'enum':
      return spec.values.length === 2 ? `${spec.values[0]} or ${spec.values[1]}` : `one of ${spec.values.join(', ')}`;
    case 'flag':
      return 'no value';
    case 'string':
      return 'a non-empty value';
  }
}

/** The valibot schema that checks and converts one option's raw value (a string, `true`, or absent). */
function schemaOf(spec: OptionSpec) {
  switch (spec.kind) {
    case 'int': {
      // Decimal digits only: rejects "", "1.5", "1e3", "0x10", " 4" and "+4", which Number() would accept.
      const int = v.pipe(v.string(), v.regex(/^-?[0-9]+$/), v.toNumber(), v.minValue(spec.min), v.maxValue(spec.max));
      return spec.default === undefined ? int : v.optional(int, String(spec.default));
    }
    case 'enum':
      return v.optional(v.picklist(spec.values), spec.default);
    case 'flag':
      return v.optional(v.boolean(), false);
    case 'string':
      return v.optional(v.pipe(v.string(), v.nonEmpty()), spec.default);
  }
}

/**
 * Rejects what `parseArgs` lets through in non-strict mode: positional words, "--", unknown or short
 * options, repeats, a flag given a value, and a missing value. Throws UsageError. O(tokens).
 */
function checkTokens(commandName: string, tokens: readonly Token[], specs: OptionSpecs): void {
  const allowed = Object.keys(specs)
    .map((n) => `--${n}`)
    .join(', ');
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') {
      const word = token.kind === 'positional' ? token.value : '--';
      throw new UsageError(`unexpected argument ${JSON.stringify(word)} for "${commandName}" (options: ${allowed})`);
    }
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec || token.rawName !== `--${token.name}`) {
      throw new UsageError(`unknown option ${JSON.stringify(token.rawName)} for "${commandName}" (options: ${allowed})`);
    }
    if (seen.has(token.name)) throw new UsageError(`${token.rawName} given more than once`);
    seen.add(token.name);
    if (spec.kind === 'flag') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (got ${JSON.stringify(token.value)})`);
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      // parseArgs takes any next word as the value; "--cpus --json" more likely forgot the value.
      throw new UsageError(`${token.rawName} needs a value: ${describeAllowed(spec)}`);
    }
  }
}

/**
 * Parses `argv` (the words after the subcommand) against `specs`: `node:util` parseArgs splits the words,
 * checkTokens rejects what it lets through, and one valibot schema per option checks and converts the
 * values and fills the defaults. Accepts `--name value` and `--name=value` (also `--fail-alloc-at -1`).
 * Every error is a UsageError naming the option and what it accepts. `commandName` appears in messages.
 */
export function parseOptions<S extends OptionSpecs>(commandName: string, argv: readonly string[], specs: S): ParsedOptions<S> {
  // Not strict: strict mode takes "--cpus -3" as a missing value, lets repeats and "--" through, and words
  // its errors for programs with positional arguments; checkTokens says it in our terms instead.
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [name, { type: spec.kind === 'flag' ? 'boolean' : 'string' }] as const),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  checkTokens(commandName, tokens, specs);

  const schema = v.object(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, schemaOf(spec)])));
  const result = v.safeParse(schema, values, { abortEarly: true });
  if (result.success) return result.output as ParsedOptions<S>;
  const [issue] = result.issues;
  const at = issue.path?.[0];
  if (!at) throw new UsageError(issue.message);
  // The path holds the option's name and its raw value, so the message quotes what the user typed.
  const name = String(at.key);
  const allowed = describeAllowed(specs[name]);
  throw new UsageError(
    at.value === undefined ? `--${name} is required: ${allowed}` : `--${name} must be ${allowed} (got ${JSON.stringify(at.value)})`,
  );
}

/** Help lines for the options, one per option, aligned. */
export function formatOptionsHelp(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const left = spec.kind === 'flag' ? `--${name}` : `--${name} <${spec.kind === 'int' ? 'n' : 'value'}>`;
    const allowed = spec.kind === 'flag' || spec.kind === 'string' ? '' : ` (${describeAllowed(spec)}`;
    const dflt =
      spec.kind === 'enum' || (spec.kind === 'int' && spec.default !== undefined)
        ? `; default ${String(spec.default)})`
        : spec.kind === 'int'
          ? '; required)'
          : '';
    return [left, `${spec.help}${allowed}${dflt}`] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}\n`).join('');
}

/** True when the words ask for help (`--help` or `-h` anywhere). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
