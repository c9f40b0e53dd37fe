// Where each active actor is: our pseudo-code of the kernel function it is in (never kernel source),
// the lines of this variant only, lines that differ between variants marked in the gutter, and the
// line each actor executes next highlighted with its name.
import { memo, useRef, useState } from 'react';
import type { ActorPosition, CodeLineView, KernelFn } from '../../workers/api.ts';
import { useSimQuery } from '../sim/useSimQuery.ts';
import { useAppStore } from '../state/store.ts';
import { selectRaceToggles } from './raceSelectors.ts';
import { useRaceViewWhenVisible } from './useRaceViewWhenVisible.ts';

const MAX_FUNCTIONS = 4;

/** "a, b, c" or "a, b +5" when longer than `max`. */
function shortList(items: string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max}`;
}

interface ListingProps {
  fn: KernelFn;
  lines: CodeLineView[];
  here: ActorPosition[];
  /** The actor the current step moved, or null. */
  moved: string | null;
}

/** The same actors on the same lines: a step that moves no actor of this function leaves its listing alone. */
function sameListing(a: ListingProps, b: ListingProps): boolean {
  return (
    a.fn === b.fn &&
    a.lines === b.lines &&
    a.here.length === b.here.length &&
    a.moved === b.moved &&
    a.here.every((p, i) => p.actor === b.here[i].actor && p.line === b.here[i].line)
  );
}

const Listing = memo(function Listing({ fn, lines, here, moved }: ListingProps) {
  const actorsAt = new Map<number, string[]>();
  for (const p of here) actorsAt.set(p.line, [...(actorsAt.get(p.line) ?? []), p.actor]);
  const anyDiffers = lines.some((l) => l.shown && l.differs);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 flex flex-wrap items-baseline gap-2 text-xs">
        <span className="font-mono font-semibold">{fn}()</span>
        <span className="text-slate-500">
          {shortList(
            here.map((p) => p.actor),
            6,
          )}
        </span>
      </figcaption>
      <ol
        tabIndex={0}
        aria-label={`${fn}() pseudo-code`}
        className="overflow-x-auto rounded border border-slate-200 bg-slate-50 py-1 font-mono text-[11px] leading-5"
      >
        {lines.map((line, index) => {
          if (!line.shown) return null;
          const actors = actorsAt.get(index);
          return (
            <li
              key={line.label}
              aria-current={actors ? 'true' : undefined}
              data-moved={actors && moved && actors.includes(moved) ? 'true' : undefined}
              title={line.differs ? 'differs between variants' : undefined}
              className={`flex gap-2 border-l-4 pr-2 whitespace-pre ${line.differs ? 'border-amber-400' : 'border-transparent'} ${
                actors ? `bg-sky-200 font-semibold text-slate-950 ${moved && actors.includes(moved) ? 'step-flash' : ''}` : 'text-slate-700'
              }`}
            >
              <span className="w-20 shrink-0 truncate pl-1 text-right text-sky-900">{actors ? `${shortList(actors, 2)} ▶` : ''}</span>
              <span>{line.text}</span>
            </li>
          );
        })}
      </ol>
      {anyDiffers && (
        <p className="mt-1 flex items-center gap-1 text-[10px] text-amber-800">
          <span className="inline-block h-2.5 w-1 bg-amber-400" aria-hidden="true" /> differs between variants
        </p>
      )}
    </figure>
  );
}, sameListing);

export function CodePanel() {
  const toggles = useAppStore(selectRaceToggles);
  const skipHigherClass = useAppStore((s) => s.raceParams.skipHigherClass);
  const bumpOnPick = useAppStore((s) => s.raceParams.bumpOnPick);
  const sectionRef = useRef<HTMLElement>(null);
  const view = useRaceViewWhenVisible(sectionRef);
  const [code, setCode] = useState<Record<KernelFn, CodeLineView[]> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = toggles ? `races/code/${JSON.stringify(toggles)}/${+skipHigherClass}${+bumpOnPick}` : 'races/code/none';
  useSimQuery({
    key,
    enabled: toggles !== null,
    run: (sim) => sim.codeListing(toggles!, { skipHigherClass, bumpOnPick }),
    onStart: () => setError(null),
    onResult: (_id, listing) => setCode(listing),
    onError: (_id, message) => setError(message),
  });

  const byFn = new Map<KernelFn, ActorPosition[]>();
  for (const p of view?.positions ?? []) byFn.set(p.fn, [...(byFn.get(p.fn) ?? []), p]);
  const fns = [...byFn.keys()];
  // The actor this step moved: its line is emphasised briefly (step-flash in index.css).
  const moved = view?.events[0]?.actor ?? null;
  return (
    <section
      ref={sectionRef}
      role="region"
      aria-label="Code"
      className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 bg-white p-3 [contain:content]"
    >
      <h3 className="text-sm font-semibold">Code: where each actor is</h3>
      <p className="text-xs text-slate-500">Our pseudo-code of the kernel functions, for this variant; the highlighted line runs next.</p>
      {error && <p className="text-xs text-red-700">{error}</p>}
      {!code || fns.length === 0 ? (
        <p className="text-sm text-slate-500">{code ? 'No actor is inside a kernel function at this step.' : '…'}</p>
      ) : (
        <div className="grid gap-3 xl:grid-cols-2">
          {fns.slice(0, MAX_FUNCTIONS).map((fn) => (
            <Listing key={fn} fn={fn} lines={code[fn]} here={byFn.get(fn)!} moved={moved} />
          ))}
        </div>
      )}
      {fns.length > MAX_FUNCTIONS && (
        <p className="text-xs text-slate-500">…and {fns.length - MAX_FUNCTIONS} more functions with active actors.</p>
      )}
    </section>
  );
}
