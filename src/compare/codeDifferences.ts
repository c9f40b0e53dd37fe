// Pure: the pseudo-code lines that differ between two kernels: per kernel function, the lines one
// kernel's listing shows and the other's does not (the worker marks which lines each variant shows).
import type { CodeLineView, KernelFn } from '../../workers/api.ts';

export interface FnDifference {
  fn: KernelFn;
  /** Lines in listing order; `only` says which kernel has it. */
  lines: { text: string; only: 'a' | 'b' }[];
}

export function codeDifferences(a: Record<KernelFn, CodeLineView[]>, b: Record<KernelFn, CodeLineView[]>): FnDifference[] {
  const out: FnDifference[] = [];
  for (const fn of Object.keys(a) as KernelFn[]) {
    const la = a[fn];
    const lb = b[fn] ?? [];
    const lines: FnDifference['lines'] = [];
    la.forEach((line, i) => {
      const shownB = lb[i]?.shown ?? false;
      if (line.shown !== shownB) lines.push({ text: line.text, only: line.shown ? 'a' : 'b' });
    });
    if (lines.length) out.push({ fn, lines });
  }
  return out;
}
