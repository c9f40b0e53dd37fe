// The harness's probe sink (src/lib/probe.ts): each probe's latest sample and how many have arrived.
import { setProbeSink, type ProbeSample } from '../lib/probe.ts';

const latest = new Map<string, { sample: ProbeSample; count: number }>();

export function installProbeLog(): void {
  setProbeSink((name, sample) => {
    latest.set(name, { sample, count: (latest.get(name)?.count ?? 0) + 1 });
  });
}

/** The latest sample of `name`, or undefined before the first. */
export function lastSample(name: string): ProbeSample | undefined {
  return latest.get(name)?.sample;
}

/** Samples of `name` so far (tells a new sample from an equal old one). */
export function sampleCount(name: string): number {
  return latest.get(name)?.count ?? 0;
}
