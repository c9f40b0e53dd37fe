// The memory budget of the next search: when the search would hold more, it stops cleanly and says so.
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import { EXPLORE_BUDGETS_MIB } from './exploreSlice.ts';

export function BudgetSelect() {
  const budget = useAppStore((s) => s.exploreBudgetMiB);
  const setBudget = useAppStore((s) => s.setExploreBudget);
  return (
    <LabeledSelect label="Memory budget" value={String(budget)} onChange={(v) => setBudget(Number(v))}>
      {EXPLORE_BUDGETS_MIB.map((m) => (
        <option key={m} value={m}>
          {m.toLocaleString('en-US')} MiB
        </option>
      ))}
    </LabeledSelect>
  );
}
