// A small, strict argument parser shared by the `sim` subcommands. Every mistake becomes a UsageError
// whose message is the one line printed on stderr (exit code 2); nothing is guessed or ignored.

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
      return spec.values.length === 2
        ? `${spec.values[0]} or ${spec.values[1]}`
        : `one of ${spec.values.join(', ')}`;
    case 'flag':
      return 'no value';
    case 'string':
      return 'a value';
  }
}

function parseIntValue(name: string, spec: IntOption, raw: string): number {
  // Decimal digits only: rejects "", "1.5", "1e3", "0x10", " 4" and "+4".
  const value = /^-?[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
    throw new UsageError(`--${name} must be ${describeAllowed(spec)} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

function parseEnumValue(name: string, spec: EnumOption, raw: string): string {
  if (!spec.values.includes(raw)) {
    throw new UsageError(`--${name} must be ${describeAllowed(spec)} (got ${JSON.stringify(raw)})`);
  }
  return raw;
}

/**
 * Parses `argv` (the words after the subcommand) against `specs`. Accepts `--name value` and
 * `--name=value`; rejects unknown options, positional words, repeated options, missing values, a flag
 * given a value, and missing required options. `commandName` appears in messages. O(argv.length).
 */
export function parseOptions<S extends OptionSpecs>(
  commandName: string,
  argv: readonly string[],
  specs: S,
): ParsedOptions<S> {
  const names = Object.keys(specs);
  const allowed = names.map((n) => `--${n}`).join(', ');
  const raw = new Map<string, string | true>();

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--') || word === '--') {
      throw new UsageError(`unexpected argument ${JSON.stringify(word)} for "${commandName}" (options: ${allowed})`);
    }
    const eq = word.indexOf('=');
    const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      throw new UsageError(`unknown option "--${name}" for "${commandName}" (options: ${allowed})`);
    }
    if (raw.has(name)) throw new UsageError(`--${name} given more than once`);
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value (got ${JSON.stringify(word.slice(eq + 1))})`);
      raw.set(name, true);
      continue;
    }
    let value: string;
    if (eq !== -1) {
      value = word.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`--${name} needs a value: ${describeAllowed(spec)}`);
      }
      value = next;
      i++;
    }
    raw.set(name, value);
  }

  const out: Record<string, number | string | boolean> = {};
  for (const name of names) {
    const spec = specs[name];
    const given = raw.get(name);
    switch (spec.kind) {
      case 'flag':
        out[name] = given === true;
        break;
      case 'int':
        if (typeof given === 'string') out[name] = parseIntValue(name, spec, given);
        else if (spec.default !== undefined) out[name] = spec.default;
        else throw new UsageError(`--${name} is required: ${describeAllowed(spec)}`);
        break;
      case 'enum':
        out[name] = typeof given === 'string' ? parseEnumValue(name, spec, given) : spec.default;
        break;
      case 'string':
        if (typeof given === 'string') {
          if (given === '') throw new UsageError(`--${name} needs a non-empty value`);
          out[name] = given;
        } else if (spec.default !== undefined) out[name] = spec.default;
        break;
    }
  }
  return out as ParsedOptions<S>;
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
