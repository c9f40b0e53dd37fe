// What is on screen, in words: the scenario, the variant (and its commit), and — when the run ends
// stuck without the a379fa1e2cae series — that this is the real SCX_KICK_WAIT bug a379fa1e2cae fixed.
import { Glossed } from '../ui/Term.tsx';
import { useAppStore } from '../state/store.ts';
import { variantOfToggles } from './raceConfig.ts';
import { selectRaceCatalog, selectRaceParams, selectRaceResult, selectRaceToggles } from './raceSelectors.ts';
import { verdictPhrases } from './RacesStatus.tsx';

export function ExplanationPanel() {
  const catalog = useAppStore(selectRaceCatalog);
  const params = useAppStore(selectRaceParams);
  const result = useAppStore(selectRaceResult);
  const setRule = useAppStore((s) => s.setRacePntRule);
  const toggles = useAppStore(selectRaceToggles);
  const sameAs = params.variant === 'custom' && toggles ? variantOfToggles(toggles, catalog) : 'custom';
  const scenario = catalog?.scenarios.find((s) => s.name === params.scenario);
  const variant = params.variant === 'custom' ? null : catalog?.variants.find((v) => v.name === params.variant);
  // Stuck without the whole a379fa1e2cae series (6.17, or one of its two commits alone).
  const stuckUnder617 = result && result.pntRule !== 'a379fa1e2cae' && (result.verdict.stuck || result.verdict.rcuStall);
  const why =
    result?.config.scenario === 'kick-wait-repick'
      ? ' Here CPU 1 never leaves SCX: picking its task again, or the other SCX task, never reaches switch_class(); a379fa1e2cae’s pnt_seq++ at the top of pick_task_scx() is the line that ends the wait.'
      : ' Under the 6.17 rule pnt_seq only moves when an SCX task switches to a non-SCX one, so a CPU that no longer runs SCX never releases the waiter.';
  const half =
    result?.pntRule === 'custom'
      ? ' Only one of the two commits of that series is on: each closes one way into the endless wait, and only both together close all of them.'
      : '';
  const phrases = result ? verdictPhrases(result.verdict) : [];
  return (
    <section role="region" aria-label="About this run" className="rounded border border-slate-200 bg-white p-3 [contain:content] text-sm">
      <h3 className="text-sm font-semibold">{scenario?.title ?? params.scenario}</h3>
      <p className="mt-1 text-slate-700">{scenario?.description}</p>
      <p className="mt-2 text-slate-700">
        <span className="font-medium">Variant: </span>
        {variant ? (
          <>
            <span className="font-mono">{variant.name}</span> ({variant.commit}): {variant.description}.
          </>
        ) : (
          <>
            custom: the four toggles were set by hand (see Advanced)
            {sameAs !== 'custom' && (
              <>
                ; they are the same as <span className="font-mono">{sameAs}</span>
              </>
            )}
            .
          </>
        )}
      </p>
      {result && (
        <p className="mt-2 text-slate-700">
          <span className="font-medium">Outcome: </span>
          {phrases.length ? phrases.join(', ') + '.' : 'clean.'}
        </p>
      )}
      {result && (
        <p className="mt-1 text-xs text-slate-600" aria-label="irq work options of this run">
          With {result.irqOptions} (set under Advanced).
        </p>
      )}
      {stuckUnder617 && (
        <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950">
          <p>
            <Glossed
              text={`This run ends with a CPU spinning in SCX_KICK_WAIT${result.verdict.rcuStall ? ' and an RCU stall' : ''}: the real 6.17 SCX_KICK_WAIT bug, fixed upstream by a379fa1e2cae (“sched_ext: Fix SCX_KICK_WAIT to work reliably”) together with a9c1fbbd6dad (“sched_ext: Don't kick CPUs running higher classes”).${why}${half}`}
            />
          </p>
          <button
            type="button"
            className="mt-2 rounded bg-amber-700 px-3 py-1 text-xs font-medium text-white hover:bg-amber-800"
            onClick={() => setRule('a379fa1e2cae')}
          >
            Switch to the a379fa1e2cae rule
          </button>
        </div>
      )}
    </section>
  );
}
