// The link of a run or a search, from its config alone: the races view after `step` steps, or the
// explore view of a search. Pure, with no store or DOM: the UI's exports and the CLI's --export both
// call it (workers/cli/tsconfig.json type-checks src/ for it), so the same state gives the same bytes.
import type { RunConfig } from '../../workers/api.ts';
import { encodeUrlState } from './urlCodec.ts';
import { DEFAULT_URL_STATE, presetOfToggles, type UrlState } from './urlSchema.ts';
import type { CompareUrlState } from '../compare/compareConfig.ts';

/** Where the CLI's links point unless --base-url says otherwise: the dev server (`npm start`). */
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

export interface RunLinkOptions {
  view: 'races' | 'explore';
  /** The races cursor (state after this many steps). */
  step?: number;
  /** The explore view's reductions. */
  symmetry?: boolean;
  por?: boolean;
}

/** The URL state a config opens: its machine, kernel and inputs; the memory view's own fields at their defaults. */
export function runUrlState(c: RunConfig, o: RunLinkOptions): UrlState {
  const variant = presetOfToggles(c.toggles);
  return {
    ...DEFAULT_URL_STATE,
    view: o.view,
    cpus: c.cpus,
    pageSize: c.pageSize,
    nodes: c.nodes,
    scenario: c.scenario,
    variant,
    toggles: variant === 'custom' ? { ...c.toggles } : null,
    pntRule: c.pntRule,
    skipHigherClass: c.skipHigherClass,
    bumpOnPick: c.bumpOnPick,
    irqWork: c.irqWork,
    irqDelivery: c.irqDelivery,
    failSchedAlloc: c.failSchedAlloc,
    seed: c.seed,
    stormKicks: c.stormKicks,
    policy: c.policy,
    kvmallocPath: c.kvmallocPath,
    failAllocAt: c.failAllocAt,
    schedule: o.view === 'races' ? [...c.schedule] : [],
    step: o.view === 'races' ? Math.max(0, Math.round(o.step ?? 0)) : 0,
    exploreSymmetry: o.symmetry ?? DEFAULT_URL_STATE.exploreSymmetry,
    explorePor: o.por ?? DEFAULT_URL_STATE.explorePor,
  };
}

/** `base` (a page URL; its query and fragment dropped) with the canonical query of runUrlState(c, o). */
export function runLink(base: string, c: RunConfig, o: RunLinkOptions): string {
  const page = base.replace(/[?#].*$/, '');
  return `${page}?${encodeUrlState(runUrlState(c, o))}`;
}

/** What a search's report links to: its explore view, and per counterexample the races view replaying it. */
export interface ExploreLinks {
  link: string;
  counterexampleLinks: Partial<Record<string, string>>;
}

/** The links of a search's report (the same for the UI and `sim explore --export text`). */
export function exploreLinks(
  base: string,
  c: RunConfig,
  r: { symmetry: boolean; por: boolean; violations: Record<string, { schedule: string[]; steps: number } | null> },
): ExploreLinks {
  const counterexampleLinks: Partial<Record<string, string>> = {};
  for (const [name, v] of Object.entries(r.violations)) {
    if (v) counterexampleLinks[name] = runLink(base, { ...c, schedule: v.schedule, policy: 'default' }, { view: 'races', step: v.steps });
  }
  return { link: runLink(base, c, { view: 'explore', symmetry: r.symmetry, por: r.por }), counterexampleLinks };
}

/** The machine a comparison runs on (the view's shared CPU count, nodes and page size). */
export interface CompareMachine {
  cpus: number;
  nodes: number;
  pageSize: UrlState['pageSize'];
}

/** `base` with the canonical query of the Compare view: its machine, inputs, cursors and zoom window. */
export function compareLink(base: string, machine: CompareMachine, compare: CompareUrlState): string {
  const page = base.replace(/[?#].*$/, '');
  const state: UrlState = { ...DEFAULT_URL_STATE, view: 'compare', ...machine, compare };
  return `${page}?${encodeUrlState(state)}`;
}
