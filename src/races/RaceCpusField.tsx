// The races model's CPU count, with the note saying what it was clamped to (the races and compare views).
import { MAX_SCHED_CPUS } from '../../workers/model/constants.ts';
import { IntegerField } from '../memory/IntegerField.tsx';

export function RaceCpusField(p: { cpus: number; min: number; note: string | null; onCommit: (cpus: number) => void }) {
  return (
    <div>
      <IntegerField
        label="CPUs"
        value={p.cpus}
        range={{ min: p.min, max: MAX_SCHED_CPUS, noun: 'CPU', maxReason: 'the races model' }}
        onCommit={p.onCommit}
      />
      {p.note && (
        <p className="mt-1 max-w-64 text-xs text-amber-800" role="note">
          {p.note}
        </p>
      )}
    </div>
  );
}
