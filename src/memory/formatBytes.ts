// Byte counts for people: binary units (B, KiB, MiB, GiB) for display, exact digits for titles.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** "0 B", "96 B", "64 KiB", "1.99 MiB", "256.06 MiB": at most two decimals, trailing zeros dropped. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : String(Number(value.toFixed(2)));
  return `${bytes < 0 ? '−' : ''}${text} ${UNITS[unit]}`;
}

/** "268,500,992 bytes": the exact figure, for title attributes. */
export function formatExactBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'not applicable';
  return `${bytes.toLocaleString('en-US')} ${Math.abs(bytes) === 1 ? 'byte' : 'bytes'}`;
}

/** "4,097" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
