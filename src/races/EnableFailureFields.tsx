// Races › Advanced: each CPU's kvzalloc_node() path (a per-CPU pattern: the kernel chooses per call) and the
// injected scx_alloc_and_add_sched() failure that takes scx_enable()'s err_free_pseqs path (in `fixed` too).
// The explore view reuses FailSchedAllocField next to its -ENOMEM note.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kickPseqsRequestBytes, kvmallocMinCpus, KVMALLOC_EVERY_MAX, KVMALLOC_EVERY_MIN } from '../../workers/model/constants.ts';
import { IntegerField } from '../memory/IntegerField.tsx';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import type { KvmallocPath } from './raceConfig.ts';
import { selectRaceCpus } from './raceSelectors.ts';

type Pattern = 'kmalloc' | 'vmalloc' | 'every' | 'seeded';

const patternOf = (p: KvmallocPath): Pattern => (p.startsWith('every-') ? 'every' : (p as Pattern));
const kOf = (p: KvmallocPath) => (p.startsWith('every-') ? Number(p.slice(6)) : 2);

/** Which allocator each CPU's kvzalloc_node() ends up using, and whether it matters at this CPU count and page size. */
export function KvmallocPathField() {
  const path = useAppStore((s) => s.raceParams.kvmallocPath);
  const setPath = useAppStore((s) => s.setRaceKvmallocPath);
  const { cpus } = useAppStore(useShallow(selectRaceCpus));
  const pageSize = useAppStore((s) => s.pageSize);
  const minCpus = kvmallocMinCpus(pageSize);
  const bytes = kickPseqsRequestBytes(cpus);
  const page = pageSize === 4096 ? '4 KiB' : '64 KiB';
  const pattern = patternOf(path);
  const k = kOf(path);
  const help = (
    <>
      Chosen per call (fragmentation-dependent); only matters when S = 16 + 8·N &gt; PAGE_SIZE (N ≥ {minCpus} at {page} pages).{' '}
      {cpus >= minCpus ? `At ${cpus} CPUs S = ${bytes} B: it applies.` : `At ${cpus} CPUs S = ${bytes} B: no effect.`}
    </>
  );
  const choose = (p: Pattern) => setPath(p === 'every' ? `every-${k}` : p);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <LabeledSelect
        label="kvzalloc_node path per CPU"
        selectClassName="max-w-md"
        value={pattern}
        help={help}
        helpWidth="max-w-md"
        onChange={(v) => choose(v as Pattern)}
      >
        <option value="kmalloc">all kmalloc (every first try succeeds)</option>
        <option value="vmalloc">all vmalloc (every kmalloc attempt failed)</option>
        <option value="every">every k-th CPU falls back to vmalloc</option>
        <option value="seeded">seeded: each CPU from the run's seed</option>
      </LabeledSelect>
      {pattern === 'every' && (
        <IntegerField
          label="k (CPUs k−1, 2k−1, … fall back)"
          value={k}
          range={{ min: KVMALLOC_EVERY_MIN, max: KVMALLOC_EVERY_MAX, noun: 'k' }}
          onCommit={(n) => setPath(`every-${n}`)}
        />
      )}
    </div>
  );
}

/** The injected scx_alloc_and_add_sched() failure (a checkbox with its help line). */
/** `compact`: the explanation is for screen readers only (the explore view's short inputs row). */
export function FailSchedAllocField({ compact = false }: { compact?: boolean }) {
  const fail = useAppStore((s) => s.raceParams.failSchedAlloc);
  const setFail = useAppStore((s) => s.setRaceFailSchedAlloc);
  const id = useId();
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        className="mt-1 accent-sky-700"
        checked={fail}
        aria-describedby={`${id}-help`}
        onChange={(e) => setFail(e.currentTarget.checked)}
      />
      <div>
        <label htmlFor={id} className="text-xs font-medium text-slate-700">
          ENOMEM in scx_alloc_and_add_sched()
        </label>
        <p id={`${id}-help`} className={compact ? 'sr-only' : 'max-w-md text-xs text-slate-600'}>
          The scheduler instance cannot be created after the arrays were allocated: scx_enable() goes to err_free_pseqs (in 05e63305c85c
          too), frees them with call_rcu() and returns -ENOMEM.
        </p>
      </div>
    </div>
  );
}
