// Machine controls of the memory view: CPU count (slider + exact entry), page size, NUMA nodes.
import type { PageSize } from '../../workers/api.ts';
import { MAX_CPUS, MAX_NODES, MIN_CPUS, MIN_NODES, PAGE_SIZES } from '../../workers/model/constants.ts';
import {
  selectCpus,
  selectNodes,
  selectPageSize,
  selectPercpuLimitCpus,
  selectSetCpus,
  selectSetNodes,
  selectSetPageSize,
} from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { CpuSlider } from './CpuSlider.tsx';
import { IntegerField } from './IntegerField.tsx';
import type { IntegerRange } from './parseIntegerInput.ts';

const CPU_RANGE: IntegerRange = { min: MIN_CPUS, max: MAX_CPUS, noun: 'CPU', maxReason: 'twice the largest mainline NR_CPUS' };
const NODE_RANGE: IntegerRange = { min: MIN_NODES, max: MAX_NODES, noun: 'node' };

export function MemoryControls() {
  const cpus = useAppStore(selectCpus);
  const pageSize = useAppStore(selectPageSize);
  const nodes = useAppStore(selectNodes);
  const limit = useAppStore(selectPercpuLimitCpus);
  const setCpus = useAppStore(selectSetCpus);
  const setPageSize = useAppStore(selectSetPageSize);
  const setNodes = useAppStore(selectSetNodes);

  return (
    <section aria-label="Machine" className="flex flex-wrap items-start gap-x-8 gap-y-2 rounded border border-slate-200 bg-white px-4 py-2">
      <div className="min-w-72 flex-1">
        <div className="flex items-baseline justify-between">
          <span className="text-xs font-medium text-slate-600">CPUs (nr_cpu_ids)</span>
          <span className="font-mono text-sm font-semibold tabular-nums">N = {cpus}</span>
        </div>
        <CpuSlider
          cpus={cpus}
          onChange={setCpus}
          marks={limit === null ? [] : [{ cpus: limit + 1, label: `${limit + 1}: old design panics` }]}
        />
      </div>
      <IntegerField label="CPU count" value={cpus} range={CPU_RANGE} onCommit={setCpus} />
      <div role="radiogroup" aria-labelledby="page-size-label" className="flex flex-col">
        <span id="page-size-label" className="text-xs font-medium text-slate-600">
          Page size
        </span>
        <div className="mt-1 flex overflow-hidden rounded border border-slate-300">
          {PAGE_SIZES.map((size: PageSize) => (
            <label
              key={size}
              className="relative cursor-pointer px-3 py-1 text-sm has-checked:bg-sky-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-sky-300"
            >
              <input
                type="radio"
                name="page-size"
                value={size}
                checked={pageSize === size}
                onChange={() => setPageSize(size)}
                className="absolute inset-0 cursor-pointer appearance-none opacity-0"
              />
              {size / 1024} KiB
            </label>
          ))}
        </div>
      </div>
      <IntegerField label="NUMA nodes" value={nodes} range={NODE_RANGE} onCommit={setNodes} />
    </section>
  );
}
