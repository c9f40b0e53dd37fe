// Above 64 CPUs a race has too many lanes and steps to read: offer the same race on a small machine, in one
// click. Only an offer: a link that names a CPU count keeps it.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';
import { selectRaceCpus, selectRaceMinCpus } from './raceSelectors.ts';

export const READABLE_CPUS = 64;

export function ReadableCpusOffer() {
  const { cpus } = useAppStore(useShallow(selectRaceCpus));
  const minCpus = useAppStore(selectRaceMinCpus);
  const setCpus = useAppStore((s) => s.setCpus);
  if (cpus <= READABLE_CPUS) return null;
  const small = Math.max(4, minCpus);
  return (
    <button
      type="button"
      title={`${cpus} CPUs make thousands of steps; the race itself needs only a few CPUs`}
      className="rounded border border-sky-300 bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-900 hover:bg-sky-100"
      onClick={() => setCpus(small)}
    >
      Show this race at {small} CPUs
    </button>
  );
}
