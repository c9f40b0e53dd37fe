// Text formatting for the CLI's human-readable output: byte counts in binary units with exact bytes,
// and plain aligned tables. Always the en-US format, whatever the machine's locale, so output is identical
// everywhere.

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** 1234567 → "1,234,567". Integers only. */
export function groupDigits(value: number): string {
  return value.toLocaleString('en-US');
}

/** Bytes in the largest binary unit ≥ 1, at most two decimals, trailing zeros dropped: "1.99 MiB", "64 KiB", "24 B". */
export function formatBinary(bytes: number): string {
  let unit = 0;
  let value = bytes;
  while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : String(Number(value.toFixed(2)));
  return `${text} ${BINARY_UNITS[unit]}`;
}

/** "1.99 MiB (2,088,960 B)"; below 1 KiB just "528 B". */
export function formatBytes(bytes: number): string {
  return Math.abs(bytes) < 1024 ? `${bytes} B` : `${formatBinary(bytes)} (${groupDigits(bytes)} B)`;
}

/** Left-aligned columns separated by two spaces, each row indented by `indent`; trailing spaces trimmed. */
export function formatTable(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => (indent + row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).trimEnd() + '\n').join('');
}
