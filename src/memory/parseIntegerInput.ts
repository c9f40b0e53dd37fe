// Parsing for the exact-entry number inputs (CPU count, NUMA nodes): never throws; out-of-range or
// fractional input is adjusted and explained, so the user sees what was wrong and what was used.

export interface IntegerRange {
  min: number;
  max: number;
  /** Singular noun for messages, e.g. "CPU" or "node". */
  noun: string;
  /** Why the maximum is what it is, e.g. "twice the largest mainline NR_CPUS". */
  maxReason?: string;
}

export type ParsedInteger =
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ok'; value: number }
  | { kind: 'adjusted'; value: number; message: string };

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Interpret the text of an <input type="number">. `badInput` is the input's validity.badInput
 * (true when the browser holds text it cannot read as a number, and reports value "").
 */
export function parseIntegerInput(text: string, range: IntegerRange, badInput = false): ParsedInteger {
  const trimmed = text.trim();
  if (trimmed === '') {
    return badInput ? { kind: 'invalid', message: `That is not a number of ${range.noun}s.` } : { kind: 'empty' };
  }
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return { kind: 'invalid', message: `“${trimmed}” is not a number of ${range.noun}s.` };
  const rounded = Math.round(number);
  const clamped = Math.min(range.max, Math.max(range.min, rounded));
  if (number < range.min) {
    return {
      kind: 'adjusted',
      value: clamped,
      message: `${trimmed} is below the minimum of ${plural(range.min, range.noun)}; using ${clamped}.`,
    };
  }
  if (number > range.max) {
    const why = range.maxReason ? ` (${range.maxReason})` : '';
    return {
      kind: 'adjusted',
      value: clamped,
      message: `${trimmed} is above the maximum of ${plural(range.max, range.noun)}${why}; using ${clamped}.`,
    };
  }
  if (rounded !== number) {
    return {
      kind: 'adjusted',
      value: clamped,
      message: `${trimmed} is not a whole number of ${range.noun}s; using ${clamped}.`,
    };
  }
  return { kind: 'ok', value: rounded };
}
