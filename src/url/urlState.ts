// Between the store and a link: which store fields a link holds (urlStateOf) and how a decoded link
// becomes store values (urlStateToStore). A forked schedule only applies to the config it was made
// for (raceBaseKey), so the link carries it only while it applies, and restoring it recomputes that
// key from the model's presets and minimum CPU counts (workers/model/constants.ts), without the worker.
import type { Catalog } from '../../workers/api.ts';
import { SCENARIO_MIN_CPUS, SCENARIOS, VARIANT_TOGGLES, VARIANTS } from '../../workers/model/constants.ts';
import { buildRaceConfig, raceBaseKey, type RaceParams } from '../races/raceConfig.ts';
import type { StepWindow } from '../state/racesSlice.ts';
import type { AppState } from '../state/store.ts';
import { DEFAULT_URL_STATE, isPresetToggles, presetOfToggles, roundWindowEdge, type UrlState } from './urlSchema.ts';
import { compareUrlStateOf, compareDeliberateKey } from '../compare/compareUrlState.ts';

/** Just what buildRaceConfig reads from the catalog: presets and minimum CPU counts. */
export const URL_CATALOG: Catalog = {
  scenarios: SCENARIOS.map((name) => ({ name, title: name, description: '', minCpus: SCENARIO_MIN_CPUS[name] })),
  variants: VARIANTS.map((name) => ({ name, title: name, description: '', commit: '', toggles: VARIANT_TOGGLES[name] })),
};

/** The store fields a link is made of (a narrow, reference-stable selection: compare with shallow). */
export const selectUrlInputs = (s: AppState) =>
  [
    s.activeView,
    s.cpus,
    s.pageSize,
    s.nodes,
    s.memoryLogScale,
    s.memoryGridDesign,
    s.raceParams,
    s.raceStep,
    s.raceWindow,
    s.exploreSymmetry,
    s.explorePor,
    s.lessonId,
    s.lessonStep,
    s.compareParams,
    s.compareCursor,
    s.compareWindow,
  ] as const;

/** Key of the config a schedule is made for, for these inputs (null when the toggles are unknown). */
export function scheduleBaseFor(
  params: RaceParams,
  machine: { cpus: number; nodes: number; pageSize: UrlState['pageSize'] },
): string | null {
  const config = buildRaceConfig({ ...params, schedule: [], scheduleBase: '' }, machine, URL_CATALOG);
  if (!config) return null;
  const { schedule: _schedule, ...base } = config;
  return raceBaseKey(base);
}

/** The link state of the store: always valid (isValidUrlState). O(1) but for the schedule check. */
export function urlStateOf(s: AppState): UrlState {
  const p = s.raceParams;
  const machine = { cpus: s.cpus, nodes: s.nodes, pageSize: s.pageSize };
  const custom = p.variant === 'custom' && p.toggles !== null && !isPresetToggles(p.toggles);
  // A 'custom' variant whose toggles are a preset's (not made by the actions) is that preset.
  const variant = custom
    ? 'custom'
    : p.variant !== 'custom'
      ? p.variant
      : p.toggles
        ? presetOfToggles(p.toggles)
        : DEFAULT_URL_STATE.variant;
  const applies = p.schedule.length > 0 && p.scheduleBase !== '' && p.scheduleBase === scheduleBaseFor(p, machine);
  const w = s.raceWindow;
  const window =
    w && roundWindowEdge(w[0]) < roundWindowEdge(w[1]) ? ([roundWindowEdge(Math.max(0, w[0])), roundWindowEdge(w[1])] as const) : null;
  return {
    view: s.activeView,
    cpus: s.cpus,
    pageSize: s.pageSize,
    nodes: s.nodes,
    logScale: s.memoryLogScale,
    gridDesign: s.memoryGridDesign,
    scenario: p.scenario,
    variant,
    toggles: custom ? { ...p.toggles! } : null,
    pntRule: p.pntRule,
    skipHigherClass: p.skipHigherClass,
    bumpOnPick: p.bumpOnPick,
    seed: p.seed,
    stormKicks: p.stormKicks,
    policy: p.policy,
    kvmallocPath: p.kvmallocPath,
    irqWork: p.irqWork,
    irqDelivery: p.irqDelivery,
    failAllocAt: p.failAllocAt,
    failSchedAlloc: p.failSchedAlloc,
    schedule: applies ? p.schedule : [],
    step: Math.max(0, Math.round(s.raceStep)),
    window,
    exploreSymmetry: s.exploreSymmetry,
    explorePor: s.explorePor,
    lesson: s.lessonId,
    lessonStep: s.lessonId ? s.lessonStep : 0,
    compare: compareUrlStateOf(s),
  };
}

/** What restoring a link writes: the machine, the view, the race inputs (with the schedule's base key). */
export interface RestoredState {
  view: UrlState['view'];
  cpus: number;
  pageSize: UrlState['pageSize'];
  nodes: number;
  logScale: boolean;
  gridDesign: UrlState['gridDesign'];
  raceParams: RaceParams;
  raceStep: number;
  raceWindow: StepWindow | null;
  exploreSymmetry: boolean;
  explorePor: boolean;
  lesson: string | null;
  lessonStep: number;
  compare: UrlState['compare'];
}

export function urlStateToStore(u: UrlState): RestoredState {
  const params: RaceParams = {
    scenario: u.scenario,
    variant: u.variant,
    toggles: u.toggles ? { ...u.toggles } : null,
    pntRule: u.pntRule,
    skipHigherClass: u.skipHigherClass,
    bumpOnPick: u.bumpOnPick,
    seed: u.seed,
    stormKicks: u.stormKicks,
    policy: u.policy,
    kvmallocPath: u.kvmallocPath,
    irqWork: u.irqWork,
    irqDelivery: u.irqDelivery,
    failAllocAt: u.failAllocAt,
    failSchedAlloc: u.failSchedAlloc,
    schedule: [],
    scheduleBase: '',
  };
  const machine = { cpus: u.cpus, nodes: u.nodes, pageSize: u.pageSize };
  const base = u.schedule.length ? scheduleBaseFor(params, machine) : null;
  return {
    view: u.view,
    cpus: u.cpus,
    pageSize: u.pageSize,
    nodes: u.nodes,
    logScale: u.logScale,
    gridDesign: u.gridDesign,
    raceParams: base ? { ...params, schedule: [...u.schedule], scheduleBase: base } : params,
    raceStep: u.step,
    raceWindow: u.window ? [u.window[0], u.window[1]] : null,
    exploreSymmetry: u.exploreSymmetry,
    explorePor: u.explorePor,
    lesson: u.lesson,
    lessonStep: u.lessonStep,
    compare: u.compare,
  };
}

/** Writes a link's state into the store through its actions (one action per slice field group). */
export function restoreUrlState(s: AppState, u: UrlState): void {
  const r = urlStateToStore(u);
  s.setActiveView(r.view);
  s.setCpus(r.cpus);
  s.setPageSize(r.pageSize);
  s.setNodes(r.nodes);
  s.setMemoryLogScale(r.logScale);
  s.setMemoryGridDesign(r.gridDesign);
  s.restoreRace(r.raceParams, r.raceStep, r.raceWindow);
  s.setExploreReductions(r.exploreSymmetry, r.explorePor);
  s.openLesson(r.lesson, r.lessonStep);
  s.restoreCompare({ ...r.compare.params, schedule: [...r.compare.params.schedule] }, r.compare.cursor, r.compare.window);
}

/**
 * Key of the changes a user makes on purpose (view, scenario, variant and toggles, rule, schedule
 * policy, kvzalloc_node path, a forked schedule, the explore reductions): a change of it pushes a
 * history entry; anything else (sliders, playback, zoom) replaces.
 */
export function deliberateKey(s: AppState): string {
  // In the lessons view the race inputs follow the lesson (src/lessons/lessonRun.ts): only opening a
  // lesson is deliberate, or Back would land between a lesson and its run, which re-pushes it.
  if (s.activeView === 'lessons') return `lessons|${s.lessonId ?? ''}`;
  const p = s.raceParams;
  const t = p.toggles;
  const bits = t ? `${+t.lazyAlloc}${+t.rcuFree}${+t.nullCheck}${+t.allocAfterStateCheck}` : '';
  const reductions = `${+s.exploreSymmetry}${+s.explorePor}`;
  return [
    s.activeView,
    p.scenario,
    p.variant,
    bits,
    p.pntRule,
    `${+p.skipHigherClass}${+p.bumpOnPick}`,
    p.policy,
    p.kvmallocPath,
    p.irqWork,
    p.irqDelivery,
    p.failSchedAlloc ? 'schedfail' : '',
    reductions,
    p.schedule.length,
    p.schedule.join(','),
    compareDeliberateKey(s),
  ].join('|');
}
