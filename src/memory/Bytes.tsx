// A byte count in binary units, with the exact figure on hover.
import { formatBytes, formatExactBytes } from './formatBytes.ts';

export function Bytes({ value, className }: { value: number; className?: string }) {
  return (
    <span title={formatExactBytes(value)} className={`tabular-nums ${className ?? ''}`}>
      {formatBytes(value)}
    </span>
  );
}
