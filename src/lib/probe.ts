// The one seam for timing: product code reports what it measured through probe(), and only a harness
// build (vite build --mode harness, see src/harness/) listens. In the product build ENABLED is the
// constant false, so probe() and probeClock() do nothing and the sink setter is never bundled.

/** One measurement: named numbers, e.g. { ms: 3.2, lanes: 40 }. */
export type ProbeSample = Readonly<Record<string, number>>;
export type ProbeSink = (name: string, sample: ProbeSample) => void;

const ENABLED = import.meta.env.MODE === 'harness';
let sink: ProbeSink | null = null;

/** Install the one listener (or remove it with null). Harness only. */
export function setProbeSink(next: ProbeSink | null): void {
  sink = next;
}

/** A timestamp to measure from, ms; 0 when nobody listens (no clock read). */
export function probeClock(): number {
  return ENABLED && sink ? performance.now() : 0;
}

/** Report a sample under `name`; `make` runs only when somebody listens. */
export function probe(name: string, make: () => ProbeSample): void {
  if (ENABLED && sink) sink(name, make());
}
