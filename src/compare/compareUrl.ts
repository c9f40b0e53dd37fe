// The compare view's part of a link, pure: its keys all start with "c" (cscen, ca, cb, csrc, cseed, cdlv,
// cstep, cwin, csched), defaults are left out, and decoding reports each bad value with what was used instead.
//   ?v=1&m=2&view=compare&cpus=3&ca=no-rcu&cb=k-6.17.10&cdlv=tick&cstep=28-28
// A kernel is "k-<version id>", or a variant ("merged") or four toggle bits ("1101"), then "~<rule>" when
// the pnt_seq rule is not 6.17.
import * as v from 'valibot';
import type { PntRule, Toggles } from '../../workers/api.ts';
import {
  IRQ_DELIVERIES,
  IRQ_DELIVERY_INFO,
  IRQ_DELIVERY_SINCE_MODEL,
  kernelVersion,
  PNT_RULES,
  SCENARIOS,
  SEED_MAX,
  TOGGLE_NAMES,
  VARIANT_TOGGLES,
  VARIANTS,
} from '../../workers/model/constants.ts';
import type { IrqDelivery } from '../../workers/api.ts';
import { RACE_MAX_STEPS } from '../races/raceConfig.ts';
import { decodeSchedule, encodeSchedule } from '../url/scheduleCodec.ts';
import { ACTOR_ID_RE, roundWindowEdge, SCHEDULE_MAX } from '../url/urlSchema.ts';
import { COMPARE_SCHEDULE_KINDS, DEFAULT_COMPARE_URL_STATE, type CompareSide, type CompareUrlState } from './compareConfig.ts';

export type { CompareUrlState };

export const COMPARE_URL_KEYS = ['cscen', 'ca', 'cb', 'csrc', 'cseed', 'cdlv', 'cstep', 'cwin', 'csched'] as const;
export type CompareUrlKey = (typeof COMPARE_URL_KEYS)[number];

const bitsOf = (t: Toggles) => TOGGLE_NAMES.map((n) => (t[n] ? '1' : '0')).join('');
const presetOf = (t: Toggles) => VARIANTS.find((name) => TOGGLE_NAMES.every((n) => VARIANT_TOGGLES[name][n] === t[n]));

/** A side's link value; a kernel version implies its variant and rule. */
export function encodeSide(s: CompareSide): string {
  if (s.kernel && kernelVersion(s.kernel)) return `k-${s.kernel}`;
  const name = s.variant === 'custom' && s.toggles ? bitsOf(s.toggles) : s.variant;
  return s.pntRule === '6.17' ? name : `${name}~${s.pntRule}`;
}

/** A side from its link value, or an error message. */
export function decodeSide(raw: string): CompareSide | string {
  if (raw.startsWith('k-')) {
    const k = kernelVersion(raw.slice(2));
    return k ? { kernel: k.id, variant: k.variant, toggles: null, pntRule: k.pntRule } : `${raw.slice(2)} is not a known kernel version`;
  }
  const [name, rule = '6.17', extra] = raw.split('~');
  if (extra !== undefined || !PNT_RULES.includes(rule as PntRule)) return `the pnt_seq rule must be ${PNT_RULES.join(' or ')}`;
  const pntRule = rule as PntRule;
  const variant = VARIANTS.find((x) => x === name);
  if (variant) return { kernel: null, variant, toggles: null, pntRule };
  if (/^[01]{4}$/.test(name)) {
    const toggles = Object.fromEntries(TOGGLE_NAMES.map((n, i) => [n, name[i] === '1'])) as unknown as Toggles;
    const preset = presetOf(toggles);
    return preset ? { kernel: null, variant: preset, toggles: null, pntRule } : { kernel: null, variant: 'custom', toggles, pntRule };
  }
  return `${name} is not a variant (${VARIANTS.join(', ')}) or four 0/1 toggles`;
}

/** The compare keys of a link, in order, defaults left out. */
export function encodeCompareUrl(c: CompareUrlState): string[] {
  const d = DEFAULT_COMPARE_URL_STATE;
  const p = c.params;
  const out: string[] = [];
  const put = (key: CompareUrlKey, value: string | number, def: string | number) => {
    if (value !== def) out.push(`${key}=${value}`);
  };
  put('cscen', p.scenario, d.params.scenario);
  put('ca', encodeSide(p.a), encodeSide(d.params.a));
  put('cb', encodeSide(p.b), encodeSide(d.params.b));
  const hand = p.scheduleKind === 'hand' && p.schedule.length > 0;
  put('csrc', hand || p.scheduleKind !== 'hand' ? p.scheduleKind : 'default', d.params.scheduleKind);
  put('cseed', p.seed, d.params.seed);
  put('cdlv', p.irqDelivery, d.params.irqDelivery);
  put('cstep', `${c.cursor.a}-${c.cursor.b}`, '0-0');
  if (c.window) out.push(`cwin=${c.window[0]}-${c.window[1]}`);
  if (hand) out.push(`csched=${encodeSchedule(p.schedule)}`);
  return out;
}

export interface CompareUrlIssue {
  key: CompareUrlKey;
  message: string;
}

const shown = (raw: string) => (raw === '' ? '(empty)' : raw.length > 24 ? `${raw.slice(0, 24)}…` : raw);
const Int = v.pipe(v.string(), v.regex(/^[0-9]{1,10}$/), v.transform(Number));
const Decimal = v.pipe(v.string(), v.regex(/^[0-9]{1,12}(?:\.[0-9]{1,12})?$/), v.transform(Number));

/**
 * Reads the compare keys; each bad value gives one issue and falls back. Never throws. A link made before
 * model version 2 (`modelVersion`) has no cdlv: its comparison ran with the timer-tick delivery, the only
 * one then, so a link that carries a comparison opens with that, and says so.
 */
export function decodeCompareUrl(
  params: URLSearchParams,
  issues: { push: (issue: CompareUrlIssue) => unknown },
  modelVersion: number | null = null,
): CompareUrlState {
  const d = DEFAULT_COMPARE_URL_STATE.params;
  const get = (k: CompareUrlKey) => params.get(k);
  const scenRaw = get('cscen');
  const scenario = SCENARIOS.find((s) => s === scenRaw) ?? d.scenario;
  if (scenRaw !== null && scenario !== scenRaw)
    issues.push({
      key: 'cscen',
      message: `cscen=${shown(scenRaw)} is not a known scenario (${SCENARIOS.join(', ')}); using ${d.scenario}`,
    });
  const side = (key: 'ca' | 'cb', def: CompareSide) => {
    const raw = get(key);
    if (raw === null) return def;
    const r = decodeSide(raw);
    if (typeof r !== 'string') return r;
    issues.push({ key, message: `${key}=${shown(raw)}: ${r}; using ${encodeSide(def)}` });
    return def;
  };
  const a = side('ca', d.a);
  const b = side('cb', d.b);
  const srcRaw = get('csrc');
  let scheduleKind = COMPARE_SCHEDULE_KINDS.find((k) => k === srcRaw) ?? d.scheduleKind;
  if (srcRaw !== null && scheduleKind !== srcRaw)
    issues.push({
      key: 'csrc',
      message: `csrc=${shown(srcRaw)} is not a schedule (${COMPARE_SCHEDULE_KINDS.join(', ')}); using ${d.scheduleKind}`,
    });
  let schedule: string[] = [];
  const schedRaw = get('csched');
  if (schedRaw) {
    const r = decodeSchedule(schedRaw);
    if (r.ok) schedule = r.schedule;
    else issues.push({ key: 'csched', message: `The link's compare schedule (csched=${shown(schedRaw)}) ${r.reason}; it was dropped` });
  }
  if (scheduleKind !== 'hand' && schedule.length > 0) {
    issues.push({ key: 'csched', message: `csched is only used with csrc=hand; the schedule was dropped (using ${scheduleKind})` });
    schedule = [];
  }
  if (scheduleKind === 'hand' && schedule.length === 0) {
    if (!schedRaw) issues.push({ key: 'csrc', message: 'csrc=hand needs a schedule (csched); using the scenario default' });
    scheduleKind = 'default';
  }
  const seedRaw = get('cseed');
  let seed = d.seed;
  if (seedRaw !== null) {
    const r = v.safeParse(Int, seedRaw);
    if (r.success && r.output <= SEED_MAX) seed = r.output;
    else issues.push({ key: 'cseed', message: `cseed=${shown(seedRaw)} is not a seed (0–${SEED_MAX}); using ${d.seed}` });
  }
  const dlvRaw = get('cdlv');
  let irqDelivery: IrqDelivery = d.irqDelivery;
  const carriesComparison = params.get('view') === 'compare' || COMPARE_URL_KEYS.some((k) => params.has(k));
  if (dlvRaw === null && carriesComparison && modelVersion !== null && modelVersion < IRQ_DELIVERY_SINCE_MODEL) {
    // Only a link that carries a comparison: any other keeps the default comparison (and no cdlv in its URL).
    irqDelivery = 'tick';
    issues.push({
      key: 'cdlv',
      message: `This link was made with model version ${modelVersion}, before the irq_work delivery option: the comparison opens with irq_work delivery: ${IRQ_DELIVERY_INFO.tick.label}, the behaviour it was made with`,
    });
  } else if (dlvRaw !== null) {
    if ((IRQ_DELIVERIES as readonly string[]).includes(dlvRaw)) irqDelivery = dlvRaw as IrqDelivery;
    else
      issues.push({
        key: 'cdlv',
        message: `cdlv=${shown(dlvRaw)} is not an irq_work delivery (${IRQ_DELIVERIES.join(', ')}); using ${d.irqDelivery}`,
      });
  }
  const cursor = { a: 0, b: 0 };
  const stepRaw = get('cstep');
  if (stepRaw !== null) {
    const [x, y, extra] = stepRaw.split('-');
    const ra = v.safeParse(Int, x ?? '');
    const rb = v.safeParse(Int, y ?? '');
    if (extra === undefined && ra.success && rb.success && ra.output <= RACE_MAX_STEPS && rb.output <= RACE_MAX_STEPS) {
      cursor.a = ra.output;
      cursor.b = rb.output;
    } else issues.push({ key: 'cstep', message: `cstep=${shown(stepRaw)} is not two steps (a-b); starting at step 0` });
  }
  let window: readonly [number, number] | null = null;
  const winRaw = get('cwin');
  if (winRaw !== null) {
    const [x, y, extra] = winRaw.split('-');
    const ra = v.safeParse(Decimal, x ?? '');
    const rb = v.safeParse(Decimal, y ?? '');
    const s = ra.success ? roundWindowEdge(Math.min(ra.output, RACE_MAX_STEPS)) : NaN;
    const e = rb.success ? roundWindowEdge(Math.min(rb.output, RACE_MAX_STEPS)) : NaN;
    if (extra === undefined && s < e) window = [s, e];
    else issues.push({ key: 'cwin', message: `cwin=${shown(winRaw)} is not a step window (start-end); showing the whole run` });
  }
  return { params: { scenario, a, b, scheduleKind, schedule, seed, irqDelivery }, cursor, window };
}

let schema: ReturnType<typeof buildSchema> | null = null;

function buildSchema() {
  const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
  const edge = v.pipe(
    v.number(),
    v.minValue(0),
    v.maxValue(RACE_MAX_STEPS),
    v.check((x) => roundWindowEdge(x) === x),
  );
  const side = v.pipe(
    v.strictObject({
      kernel: v.nullable(v.string()),
      variant: v.picklist([...VARIANTS, 'custom'] as const),
      toggles: v.nullable(
        v.strictObject({ lazyAlloc: v.boolean(), rcuFree: v.boolean(), nullCheck: v.boolean(), allocAfterStateCheck: v.boolean() }),
      ),
      pntRule: v.picklist(PNT_RULES),
    }),
    v.check((s) => {
      const k = s.kernel === null ? null : kernelVersion(s.kernel);
      return k === null || (k !== undefined && k.variant === s.variant && k.pntRule === s.pntRule && s.toggles === null);
    }),
    v.check((s) => (s.variant === 'custom') === (s.toggles !== null) && (s.toggles === null || presetOf(s.toggles) === undefined)),
  );
  return v.strictObject({
    params: v.pipe(
      v.strictObject({
        scenario: v.picklist(SCENARIOS),
        a: side,
        b: side,
        scheduleKind: v.picklist(COMPARE_SCHEDULE_KINDS),
        schedule: v.pipe(v.array(v.pipe(v.string(), v.regex(ACTOR_ID_RE))), v.maxLength(SCHEDULE_MAX)),
        seed: int(0, SEED_MAX),
        irqDelivery: v.picklist(IRQ_DELIVERIES),
      }),
      v.check((p) => (p.scheduleKind === 'hand') === p.schedule.length > 0),
    ),
    cursor: v.strictObject({ a: int(0, RACE_MAX_STEPS), b: int(0, RACE_MAX_STEPS) }),
    window: v.nullable(
      v.pipe(
        v.tuple([edge, edge]),
        v.check(([x, y]) => x < y),
      ),
    ),
  });
}

/**
 * True when `s` is a compare state the codec writes and reads back unchanged. A function declaration,
 * built on first use: urlSchema.ts calls it, and this module reads urlSchema.ts's values (an import cycle).
 */
export function isValidCompareUrlState(s: unknown): s is CompareUrlState {
  schema ??= buildSchema();
  return v.is(schema, s);
}
