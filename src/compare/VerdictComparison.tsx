// Verdicts side by side: each checker, A against B, the rows that differ emphasised (and said in words,
// not only by colour); under the table each kernel's findings split into new and pre-existing, in the
// races view's words (verdictParts.ts).
import type { CheckerName, Verdict } from '../../workers/api.ts';
import { CHECKER_TITLES, CHECKERS } from '../../workers/model/constants.ts';
import { groupText, splitVerdict } from '../races/verdictParts.ts';
import { useAppStore } from '../state/store.ts';

/** A checker's finding in a few words ("no", "yes", "3 arrays, 192 B"). */
export function checkerText(v: Verdict, c: CheckerName): string {
  switch (c) {
    case 'useAfterFree':
      return v.useAfterFree ? 'yes' : 'no';
    case 'nullDeref':
      return v.nullDeref ? 'yes' : 'no';
    case 'leak':
      return v.leakedArrays > 0 ? `${v.leakedArrays} array${v.leakedArrays === 1 ? '' : 's'}, ${v.leakedBytes} B` : 'no';
    case 'doubleFree':
      return v.doubleFree ? 'yes' : 'no';
    case 'warn':
      return v.warnings.length ? `${v.warnings.length} WARN${v.warnings.length === 1 ? '' : 's'}` : 'no';
    case 'droppedKicks':
      return v.droppedKicks > 0 ? `${v.droppedKicks}` : 'no';
    case 'stuck':
      return v.stuck ? 'yes' : 'no';
    case 'rcuStall':
      return v.rcuStall ? 'yes' : 'no';
    case 'bootPanic':
      return v.bootPanic ? 'yes' : 'no';
  }
}

export function VerdictComparison() {
  const run = useAppStore((s) => s.compareRun.data);
  if (!run) return null;
  const va = run.a.result.verdict;
  const vb = run.b.result.verdict;
  const differs = new Set(run.diff.verdictDifferences);
  const splits = { a: splitVerdict(run.a.result.reports), b: splitVerdict(run.b.result.reports) };
  return (
    <section role="region" aria-label="Verdicts" className="min-w-0 rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-semibold">
        Verdicts, A against B{' '}
        <span className="font-normal text-slate-600">
          ({differs.size ? `${differs.size} checker${differs.size === 1 ? '' : 's'} differ` : 'the same'})
        </span>
      </h3>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th scope="col" className="py-1 font-medium">
              Checker
            </th>
            <th scope="col" className="py-1 font-medium text-sky-800">
              Kernel A
            </th>
            <th scope="col" className="py-1 font-medium text-fuchsia-800">
              Kernel B
            </th>
            <th scope="col" className="py-1 font-medium">
              <span className="sr-only">Differs</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {CHECKERS.map((c) => {
            const d = differs.has(c);
            return (
              <tr key={c} className={d ? 'bg-amber-50 font-semibold text-slate-900' : 'text-slate-700'}>
                <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                  {CHECKER_TITLES[c]}
                </th>
                <td className="py-0.5 pr-2">{checkerText(va, c)}</td>
                <td className="py-0.5 pr-2">{checkerText(vb, c)}</td>
                <td className="py-0.5 text-xs text-amber-900">{d ? 'differs' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="mt-2 grid gap-1 text-xs text-slate-700">
        {(['a', 'b'] as const).map((side) => (
          <div key={side}>
            <dt className="inline font-semibold">{side === 'a' ? 'A' : 'B'}: </dt>
            <dd className="inline">
              {splits[side].introduced.length ? `new: ${groupText(splits[side].introduced)}` : 'nothing new'}
              {splits[side].preExisting.length ? `; already in v6.17: ${groupText(splits[side].preExisting)}` : ''}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
