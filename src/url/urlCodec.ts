// The link format, pure: `encodeUrlState` writes a canonical query string (fixed key order, defaults
// left out, v and m always first) and `decodeUrlState` reads any string back into a valid state plus
// one message per thing it could not use. Decoding never throws: fields are read one by one through
// valibot schemas, and a bad field falls back (clamped or default) without touching the others.
//
//   ?v=1&m=1&view=races&cpus=4&scenario=disable-vs-kick&variant=no-rcu&step=31&win=10-40.5&sched=…
//   ?v=1&m=1&view=races&cpus=1023&scenario=enable-disable&pol=random&kv=vmalloc&enomem=2
//   ?v=1&m=2&view=races&cpus=1023&scenario=enable-disable&kv=every-3&schedfail=1
//   ?v=1&m=2&irq=threaded&dlv=tick   (kick irq work and irq_work delivery; a link of model version 1
//                                     carries neither and opens with dlv=tick, the behaviour it was made with)
import * as v from 'valibot';
import type { PageSize, PntRule, Toggles } from '../../workers/api.ts';
import {
  IRQ_DELIVERIES,
  IRQ_DELIVERY_INFO,
  IRQ_DELIVERY_SINCE_MODEL,
  IRQ_WORK_MODES,
  isKvmallocPath,
  MAX_CPUS,
  MAX_NODES,
  MIN_CPUS,
  MIN_NODES,
  MODEL_VERSION,
  PAGE_SIZES,
  KICK_RULE_INFO,
  PNT_RULE_PRESETS,
  PNT_RULES,
  SCENARIOS,
  pntRuleOf,
  TOGGLE_NAMES,
} from '../../workers/model/constants.ts';
import { FAIL_ALLOC_MAX, FAIL_ALLOC_NEVER, RACE_MAX_STEPS, RACE_POLICIES } from '../races/raceConfig.ts';
import type { IrqDelivery, IrqWork, KvmallocPath, RacePolicy, RaceVariant } from '../races/raceConfig.ts';
import type { GridDesign } from '../state/memorySlice.ts';
import { VIEW_IDS, type ViewId } from '../state/paramsSlice.ts';
import { findLesson, LESSON_IDS } from '../lessons/lessonCatalog.ts';
import { decodeSchedule, encodeSchedule } from './scheduleCodec.ts';
import { COMPARE_URL_KEYS, decodeCompareUrl, encodeCompareUrl } from '../compare/compareUrl.ts';
import {
  DEFAULT_URL_STATE,
  presetOfToggles,
  roundWindowEdge,
  SEED_MAX,
  STORM_KICKS_MAX,
  STORM_KICKS_MIN,
  URL_GRID_DESIGNS,
  URL_RACE_VARIANTS,
  URL_SCHEMA_VERSION,
  type UrlState,
} from './urlSchema.ts';

/** Keys in the order they are written. */
export const URL_KEYS = [
  'v',
  'm',
  'view',
  'cpus',
  'page',
  'nodes',
  'log',
  'grid',
  'scenario',
  'variant',
  'toggles',
  'rule',
  'hc',
  'kw',
  'seed',
  'kicks',
  'pol',
  'kv',
  'irq',
  'dlv',
  'enomem',
  'schedfail',
  'sym',
  'por',
  'lesson',
  'lstep',
  'step',
  'win',
  'sched',
  ...COMPARE_URL_KEYS,
] as const;
export type UrlKey = (typeof URL_KEYS)[number];

/** Something in a link that could not be used as is, and what was used instead. */
export interface UrlIssue {
  key: UrlKey | 'schedule-run' | 'step-run';
  message: string;
}

export interface UrlDecodeResult {
  /** Always valid (isValidUrlState). */
  state: UrlState;
  issues: UrlIssue[];
  /** The model version the link was made with (m=), or null when it does not say. */
  modelVersion: number | null;
}

// ---- encode -------------------------------------------------------------------------------------

/** The rule preset a link without `rule=` means (the store's default is this preset). */
const DEFAULT_RULE: PntRule = '6.17';

function togglesToBits(t: Toggles): string {
  return TOGGLE_NAMES.map((name) => (t[name] ? '1' : '0')).join('');
}

/**
 * The canonical query string (without "?") of a valid state: equal states give equal strings.
 * O(schedule length) for the lz-string compression of a forked schedule.
 */
export function encodeUrlState(s: UrlState): string {
  const d = DEFAULT_URL_STATE;
  const out: string[] = [`v=${URL_SCHEMA_VERSION}`, `m=${MODEL_VERSION}`];
  const put = (key: UrlKey, value: string | number, def: string | number) => {
    if (value !== def) out.push(`${key}=${value}`);
  };
  put('view', s.view, d.view);
  put('cpus', s.cpus, d.cpus);
  put('page', s.pageSize, d.pageSize);
  put('nodes', s.nodes, d.nodes);
  put('log', s.logScale ? 1 : 0, 1);
  put('grid', s.gridDesign, d.gridDesign);
  put('scenario', s.scenario, d.scenario);
  put('variant', s.variant, d.variant);
  if (s.toggles) out.push(`toggles=${togglesToBits(s.toggles)}`);
  // The rule preset, then each a379fa1e2cae-series switch only where it differs from that preset (old links
  // carry only rule=6.17 or rule=a379fa1e2cae, which stay presets).
  const base: PntRule = s.pntRule === 'custom' ? DEFAULT_RULE : s.pntRule;
  put('rule', base, DEFAULT_RULE);
  put('hc', s.skipHigherClass ? 1 : 0, PNT_RULE_PRESETS[base].skipHigherClass ? 1 : 0);
  put('kw', s.bumpOnPick ? 1 : 0, PNT_RULE_PRESETS[base].bumpOnPick ? 1 : 0);
  put('seed', s.seed, d.seed);
  put('kicks', s.stormKicks, d.stormKicks);
  put('pol', s.policy, d.policy);
  put('kv', s.kvmallocPath, d.kvmallocPath);
  put('irq', s.irqWork, d.irqWork);
  put('dlv', s.irqDelivery, d.irqDelivery);
  put('enomem', s.failAllocAt, d.failAllocAt);
  put('schedfail', s.failSchedAlloc ? 1 : 0, 0);
  put('sym', s.exploreSymmetry ? 1 : 0, 1);
  put('por', s.explorePor ? 1 : 0, 1);
  if (s.lesson) out.push(`lesson=${s.lesson}`);
  put('lstep', s.lessonStep + 1, 1);
  put('step', s.step, d.step);
  if (s.window) out.push(`win=${s.window[0]}-${s.window[1]}`);
  // lz-string's URL alphabet (A–Z a–z 0–9 + - $) needs no escaping in a query.
  if (s.schedule.length) out.push(`sched=${encodeSchedule(s.schedule)}`);
  out.push(...encodeCompareUrl(s.compare));
  return out.join('&');
}

// ---- decode -------------------------------------------------------------------------------------

/** A raw value as a message shows it: short, and visibly empty. */
function shown(raw: string): string {
  if (raw === '') return '(empty)';
  return raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
}

const WholeNumber = v.pipe(v.string(), v.trim(), v.regex(/^[+-]?[0-9]{1,20}$/), v.transform(Number));
const Decimal = v.pipe(v.string(), v.regex(/^[0-9]{1,12}(?:\.[0-9]{1,12})?$/), v.transform(Number));
const Bits4 = v.pipe(v.string(), v.regex(/^[01]{4}$/));
const Flag = v.picklist(['0', '1']);

interface Reader {
  issues: UrlIssue[];
  params: URLSearchParams;
}

function readInt(r: Reader, key: UrlKey, min: number, max: number, def: number): number {
  const raw = r.params.get(key);
  if (raw === null) return def;
  const parsed = v.safeParse(WholeNumber, raw);
  if (!parsed.success) {
    r.issues.push({ key, message: `${key}=${shown(raw)} is not a whole number; using ${def} (the default)` });
    return def;
  }
  const inRange = v.safeParse(v.pipe(v.number(), v.minValue(min), v.maxValue(max)), parsed.output);
  if (!inRange.success) {
    const used = parsed.output < min ? min : max;
    r.issues.push({ key, message: `${key}=${shown(raw)} is out of range (${min}–${max}); using ${used}` });
    return used;
  }
  return parsed.output;
}

/** A 0/1 flag; anything else is reported and `def` used (`defText` says what the default means). */
function readFlag(r: Reader, key: UrlKey, def: boolean, defText: string): boolean {
  const raw = r.params.get(key);
  if (raw === null) return def;
  const flag = v.safeParse(Flag, raw);
  if (flag.success) return flag.output === '1';
  r.issues.push({ key, message: `${key}=${shown(raw)} is not 0 or 1; using ${def ? 1 : 0} (${defText})` });
  return def;
}

function readChoice<T extends string | number>(r: Reader, key: UrlKey, choices: readonly T[], def: T, noun: string): T {
  const raw = r.params.get(key);
  if (raw === null) return def;
  const match = choices.find((c) => String(c) === raw);
  const parsed = v.safeParse(v.picklist(choices), match);
  if (!parsed.success) {
    r.issues.push({ key, message: `${key}=${shown(raw)} is not a known ${noun} (${choices.join(', ')}); using ${def}` });
    return def;
  }
  return parsed.output;
}

/** kv=kmalloc|vmalloc|seeded|every-K: each CPU's kvzalloc_node() path (K from 2 to 1024). */
function readKvmallocPath(r: Reader): KvmallocPath {
  const raw = r.params.get('kv');
  const def = DEFAULT_URL_STATE.kvmallocPath;
  if (raw === null) return def;
  if (isKvmallocPath(raw)) return raw;
  r.issues.push({
    key: 'kv',
    message: `kv=${shown(raw)} is not a known kvzalloc_node path (kmalloc, vmalloc, seeded, or every-K with K from 2 to 1024); using ${def}`,
  });
  return def;
}

/** enomem=k: the 0-based kvzalloc_node() call that fails; left out (or -1) = none fails. */
function readFailAllocAt(r: Reader): number {
  const raw = r.params.get('enomem');
  if (raw === null) return FAIL_ALLOC_NEVER;
  const parsed = v.safeParse(WholeNumber, raw);
  if (!parsed.success) {
    r.issues.push({
      key: 'enomem',
      message: `enomem=${shown(raw)} is not a whole number (a 0-based kvzalloc_node() call); no allocation fails`,
    });
    return FAIL_ALLOC_NEVER;
  }
  const k = parsed.output;
  if (k === FAIL_ALLOC_NEVER) return k;
  if (k < 0) {
    r.issues.push({
      key: 'enomem',
      message: `enomem=${shown(raw)} is out of range (0–${FAIL_ALLOC_MAX}, or -1 for none); no allocation fails`,
    });
    return FAIL_ALLOC_NEVER;
  }
  if (k > FAIL_ALLOC_MAX) {
    r.issues.push({ key: 'enomem', message: `enomem=${shown(raw)} is out of range (0–${FAIL_ALLOC_MAX}); using ${FAIL_ALLOC_MAX}` });
    return FAIL_ALLOC_MAX;
  }
  return k;
}

function readVariant(r: Reader): { variant: RaceVariant; toggles: Toggles | null } {
  const def = DEFAULT_URL_STATE.variant;
  const rawVariant = r.params.get('variant');
  const named = readChoice<RaceVariant>(r, 'variant', URL_RACE_VARIANTS, def, 'variant');
  const namedOk = rawVariant !== null && named === rawVariant;
  const rawBits = r.params.get('toggles');
  let toggles: Toggles | null = null;
  if (rawBits !== null) {
    const bits = v.safeParse(Bits4, rawBits);
    if (bits.success) {
      toggles = Object.fromEntries(TOGGLE_NAMES.map((name, i) => [name, bits.output[i] === '1'])) as unknown as Toggles;
    } else {
      r.issues.push({
        key: 'toggles',
        message: `toggles=${shown(rawBits)} is not four 0/1 flags (${TOGGLE_NAMES.join(', ')}); ignored`,
      });
    }
  }
  if (toggles) {
    const variant = presetOfToggles(toggles);
    if (namedOk && named !== 'custom' && named !== variant) {
      r.issues.push({ key: 'variant', message: `variant=${named} does not match toggles=${rawBits}; using the toggles (${variant})` });
    }
    return variant === 'custom' ? { variant, toggles } : { variant, toggles: null };
  }
  if (named === 'custom') {
    r.issues.push({ key: 'variant', message: `variant=custom needs toggles (four 0/1 flags); using ${def}` });
    return { variant: def, toggles: null };
  }
  return { variant: named, toggles: null };
}

/**
 * dlv=self-interrupt|tick. A link made before model version 2 has no dlv: it was made with the timer-tick
 * delivery (the only one then), so it opens with that and says so.
 */
function readIrqDelivery(r: Reader, modelVersion: number | null): IrqDelivery {
  const old = modelVersion !== null && modelVersion < IRQ_DELIVERY_SINCE_MODEL && r.params.get('dlv') === null;
  if (!old) return readChoice<IrqDelivery>(r, 'dlv', IRQ_DELIVERIES, DEFAULT_URL_STATE.irqDelivery, 'irq_work delivery');
  r.issues.push({
    key: 'dlv',
    message: `This link was made with model version ${modelVersion}, before the irq_work delivery option: opened with irq_work delivery: ${IRQ_DELIVERY_INFO.tick.label}, the behaviour it was made with`,
  });
  return 'tick';
}

function readWindow(r: Reader): readonly [number, number] | null {
  const raw = r.params.get('win');
  if (raw === null) return null;
  const dash = raw.indexOf('-');
  const a = v.safeParse(Decimal, raw.slice(0, Math.max(0, dash)));
  const b = v.safeParse(Decimal, raw.slice(dash + 1));
  if (dash < 0 || !a.success || !b.success) {
    r.issues.push({ key: 'win', message: `win=${shown(raw)} is not a step window (start-end); showing the whole run` });
    return null;
  }
  const start = roundWindowEdge(Math.min(a.output, RACE_MAX_STEPS));
  const end = roundWindowEdge(Math.min(b.output, RACE_MAX_STEPS));
  if (!(start < end)) {
    r.issues.push({ key: 'win', message: `win=${shown(raw)} does not start before it ends; showing the whole run` });
    return null;
  }
  return [start, end];
}

function readSchedule(r: Reader): string[] {
  const raw = r.params.get('sched');
  if (raw === null || raw === '') return [];
  const decoded = decodeSchedule(raw);
  if (decoded.ok) return decoded.schedule;
  r.issues.push({
    key: 'sched',
    message: `The link's schedule (sched=${shown(raw)}) ${decoded.reason}; it was dropped: showing the scenario's own interleaving`,
  });
  return [];
}

/** lesson=id and lstep=k (1-based): an unknown lesson opens the list, a step past its end its last step. */
function readLesson(r: Reader): { lesson: string | null; lessonStep: number } {
  const raw = r.params.get('lesson');
  const rawStep = r.params.get('lstep');
  let lesson: string | null = null;
  if (raw !== null) {
    lesson = findLesson(raw) ? raw : null;
    if (!lesson)
      r.issues.push({
        key: 'lesson',
        message: `lesson=${shown(raw)} is not a known lesson (${LESSON_IDS.join(', ')}); showing the list of lessons`,
      });
  }
  if (!lesson) {
    if (rawStep !== null && raw === null) r.issues.push({ key: 'lstep', message: `lstep=${shown(rawStep)} needs a lesson; ignored` });
    return { lesson: null, lessonStep: 0 };
  }
  const steps = findLesson(lesson)!.steps.length;
  return { lesson, lessonStep: readInt(r, 'lstep', 1, steps, 1) - 1 };
}

function readVersions(r: Reader): number | null {
  const rawV = r.params.get('v');
  if (rawV !== null && rawV !== String(URL_SCHEMA_VERSION)) {
    r.issues.push({
      key: 'v',
      message: `v=${shown(rawV)} is not a link version this app reads (it reads v=${URL_SCHEMA_VERSION}); the fields it recognises were read as v=${URL_SCHEMA_VERSION}`,
    });
  }
  const rawM = r.params.get('m');
  if (rawM === null) return null;
  const m = v.safeParse(WholeNumber, rawM);
  if (!m.success || m.output < 0) {
    r.issues.push({ key: 'm', message: `m=${shown(rawM)} is not a model version; ignored` });
    return null;
  }
  if (m.output !== MODEL_VERSION) {
    r.issues.push({
      key: 'm',
      message: `This link was made with model version ${m.output}; this app runs model version ${MODEL_VERSION}, so traces may differ`,
    });
  }
  return m.output;
}

/**
 * Reads a query string ("?a=b&…" or "a=b&…") into a valid state. Unknown keys are ignored; each bad
 * value gives one issue saying what was wrong and what was used instead. Never throws.
 */
export function decodeUrlState(search: string): UrlDecodeResult {
  const d = DEFAULT_URL_STATE;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    params = new URLSearchParams();
  }
  const r: Reader = { issues: [], params };
  const modelVersion = readVersions(r);
  const view = readChoice<ViewId>(r, 'view', VIEW_IDS, d.view, 'view');
  const cpus = readInt(r, 'cpus', MIN_CPUS, MAX_CPUS, d.cpus);
  const pageSize = readChoice<PageSize>(r, 'page', PAGE_SIZES, d.pageSize, 'page size');
  const nodes = readInt(r, 'nodes', MIN_NODES, MAX_NODES, d.nodes);
  const logScale = readFlag(r, 'log', d.logScale, 'log axes');
  const gridDesign = readChoice<GridDesign>(r, 'grid', URL_GRID_DESIGNS, d.gridDesign, 'grid design');
  const scenario = readChoice(r, 'scenario', SCENARIOS, d.scenario, 'scenario');
  const { variant, toggles } = readVariant(r);
  const rule = readChoice<PntRule>(r, 'rule', PNT_RULES, DEFAULT_RULE, 'pnt_seq rule');
  const preset = PNT_RULE_PRESETS[rule];
  const skipHigherClass = readFlag(r, 'hc', preset.skipHigherClass, `as in the ${rule} rule: ${KICK_RULE_INFO.skipHigherClass.title}`);
  const bumpOnPick = readFlag(r, 'kw', preset.bumpOnPick, `as in the ${rule} rule: ${KICK_RULE_INFO.bumpOnPick.title}`);
  const pntRule = pntRuleOf({ skipHigherClass, bumpOnPick });
  const seed = readInt(r, 'seed', 0, SEED_MAX, d.seed);
  const stormKicks = readInt(r, 'kicks', STORM_KICKS_MIN, STORM_KICKS_MAX, d.stormKicks);
  const policy = readChoice<RacePolicy>(r, 'pol', RACE_POLICIES, d.policy, 'schedule policy');
  const kvmallocPath = readKvmallocPath(r);
  const irqWork = readChoice<IrqWork>(r, 'irq', IRQ_WORK_MODES, d.irqWork, 'kick irq work');
  const irqDelivery = readIrqDelivery(r, modelVersion);
  const failAllocAt = readFailAllocAt(r);
  const failSchedAlloc = readFlag(r, 'schedfail', d.failSchedAlloc, 'scx_alloc_and_add_sched() does not fail');
  const exploreSymmetry = readFlag(r, 'sym', d.exploreSymmetry, 'symmetry reduction on');
  const explorePor = readFlag(r, 'por', d.explorePor, 'partial-order reduction on');
  const { lesson, lessonStep } = readLesson(r);
  const step = readInt(r, 'step', 0, RACE_MAX_STEPS, d.step);
  const window = readWindow(r);
  const schedule = readSchedule(r);
  const compare = decodeCompareUrl(params, r.issues, modelVersion);
  const state: UrlState = {
    view,
    cpus,
    pageSize,
    nodes,
    logScale,
    gridDesign,
    scenario,
    variant,
    toggles,
    pntRule,
    skipHigherClass,
    bumpOnPick,
    seed,
    stormKicks,
    policy,
    kvmallocPath,
    irqWork,
    irqDelivery,
    failAllocAt,
    failSchedAlloc,
    schedule,
    step,
    window,
    exploreSymmetry,
    explorePor,
    lesson,
    lessonStep,
    compare,
  };
  return { state, issues: r.issues, modelVersion };
}
