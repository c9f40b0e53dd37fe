// The pseudo-code lines that differ between the two kernels (our own pseudo-code, never kernel source):
// per kernel function, each line only one kernel runs, marked A or B.
import { PNT_RULE_PRESETS } from '../../workers/model/constants.ts';
import { useState } from 'react';
import type { CodeLineView, KernelFn } from '../../workers/api.ts';
import { useSimQuery } from '../sim/useSimQuery.ts';
import { useAppStore } from '../state/store.ts';
import { sideToggles } from './compareConfig.ts';
import { codeDifferences, type FnDifference } from './codeDifferences.ts';

type Listing = Record<KernelFn, CodeLineView[]>;

export function CodeDifferences() {
  const a = useAppStore((s) => s.compareParams.a);
  const b = useAppStore((s) => s.compareParams.b);
  const [diffs, setDiffs] = useState<FnDifference[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ta = sideToggles(a);
  const tb = sideToggles(b);
  const key = JSON.stringify([ta, a.pntRule, tb, b.pntRule]);
  useSimQuery<[Listing, Listing]>({
    key: `compare/code/${key}`,
    run: async (sim) => [await sim.codeListing(ta, PNT_RULE_PRESETS[a.pntRule]), await sim.codeListing(tb, PNT_RULE_PRESETS[b.pntRule])],
    onStart: () => setError(null),
    onResult: (_id, [la, lb]) => setDiffs(codeDifferences(la, lb)),
    onError: (_id, message) => setError(message),
  });
  return (
    <section role="region" aria-label="Code that differs" className="min-w-0 rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-semibold">Pseudo-code lines that differ</h3>
      {error && <p className="text-sm text-rose-800">{error}</p>}
      {diffs && diffs.length === 0 && <p className="text-sm text-slate-600">None: both kernels run the same pseudo-code.</p>}
      <div className="flex flex-col gap-2">
        {diffs?.map((d) => (
          <figure key={d.fn} className="min-w-0">
            <figcaption className="mb-0.5 font-mono text-xs font-semibold">{d.fn}()</figcaption>
            <ol
              tabIndex={0}
              aria-label={`${d.fn}() lines that differ`}
              className="overflow-x-auto rounded border border-slate-200 bg-slate-50 py-1 font-mono text-[11px] leading-5"
            >
              {d.lines.map((l, i) => (
                <li key={i} className="flex gap-2 px-2 whitespace-pre">
                  <span className={`w-10 shrink-0 font-sans font-semibold ${l.only === 'a' ? 'text-sky-800' : 'text-fuchsia-800'}`}>
                    {l.only === 'a' ? 'A only' : 'B only'}
                  </span>
                  <span>{l.text}</span>
                </li>
              ))}
            </ol>
          </figure>
        ))}
      </div>
    </section>
  );
}
