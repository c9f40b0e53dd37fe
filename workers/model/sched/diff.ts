// The diff of two runs' traces (the compare view and `sim diff`): each step becomes a key for what it means
// (actor, and per event: CPU, kernel function, action, object, value), the two key sequences are aligned by a
// longest-common-subsequence diff (jsdiff's diffArrays, Myers' algorithm), and the differing stretches
// become hunks. Allocation ids are renamed to "the k-th array allocated for CPU c", so ids shifted by an
// earlier extra allocation do not count as differences. Pure and deterministic: no clock, no timeout.
import { diffArrays } from 'diff';
import type { RunResult, Verdict } from './types.ts';
import type { CheckerName } from './explore.ts';
import { CHECKERS } from '../constants.ts';
import { EVENT_CODE } from './machine/codes.ts';
import { eventAt } from './stepView.ts';
import { EVENT_KINDS, KERNEL_FNS } from './types.ts';

/**
 * A differing stretch. Steps are 0-based trace step indices, half-open: A's steps a[0] … a[1] − 1 stand
 * against B's steps b[0] … b[1] − 1; an empty side (from === to) is where the other side's steps would go.
 */
export interface DiffHunk {
  a: [number, number];
  b: [number, number];
  /** The events of each side in words ("enable:A alloc_kick_pseqs(): kvzalloc_node() …"), at most MAX_HUNK_EVENTS. */
  aEvents: string[];
  bEvents: string[];
  /** Each side in a few words: "alloc_kick_pseqs() alloc ×3 then scx_enable() state-check". */
  aSummary: string;
  bSummary: string;
}

export interface TraceDiff {
  steps: { a: number; b: number };
  hunks: DiffHunk[];
  firstDifference: { stepA: number; stepB: number } | null;
  /** Checkers whose verdict differs between A and B, in CHECKERS order. */
  verdictDifferences: CheckerName[];
  /**
   * null when the whole traces were aligned. Otherwise the traces were too long and too different to align
   * whole within the edit budget, and only these step ranges (around the focus step) were aligned.
   */
  window: { a: [number, number]; b: [number, number] } | null;
}

/** Edits the whole-trace alignment may use before it falls back to a window (bounds the worker's time). */
export const MAX_EDITS = 1000;
/** Steps of each trace the windowed alignment covers at most (halved until it fits MAX_EDITS). */
export const DIFF_WINDOW_STEPS = 4000;
export const MAX_HUNK_EVENTS = 40;

/** A step's meaning as numbers: its actor, then six per event (CPU, function, action, object, bytes, value). */
type StepWords = Int32Array;

/**
 * Interns step meanings as small integers, shared by both traces so equal meanings get equal keys. A
 * 53-bit hash finds the candidate; the stored words confirm it, so the keys are exact (no collisions).
 */
export class KeyTable {
  private readonly byHash = new Map<number, number[]>();
  private readonly words: StepWords[] = [];
  id(w: StepWords): number {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x2545f491 | 0;
    for (let i = 0; i < w.length; i++) {
      h1 = Math.imul(h1 ^ w[i], 0x01000193);
      h2 = Math.imul(h2 ^ w[i], 0x5bd1e995) ^ (h2 >>> 15);
    }
    const h = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
    const ids = this.byHash.get(h);
    if (ids)
      for (const id of ids) {
        const o = this.words[id];
        if (o.length === w.length && o.every((x, i) => x === w[i])) return id;
      }
    const id = this.words.length;
    this.words.push(w.slice());
    if (ids) ids.push(id);
    else this.byHash.set(h, [id]);
    return id;
  }
}

const ALLOC_KINDS = new Set<number>([EVENT_CODE.alloc, EVENT_CODE['percpu-alloc']]);
/** Objects renamed to "generation g of CPU c" are c·2^12 + g; an id never allocated keeps -2 - id. */
const GEN_BITS = 12;

/** One key per step of `r`: what the step means, with allocation ids renamed by (CPU, generation). O(events). */
export function stepKeys(r: RunResult, table: KeyTable): Int32Array {
  const t = r.trace;
  const canon = new Map<number, number>();
  const generation = new Map<number, number>();
  const keys = new Int32Array(r.steps);
  let buf = new Int32Array(64);
  for (let s = 0; s < r.steps; s++) {
    const i0 = r.stepEventStart[s];
    const end = r.stepEventStart[s + 1];
    const n = 1 + 6 * (end - i0);
    if (n > buf.length) buf = new Int32Array(2 * n);
    buf[0] = r.actors[s];
    let k = 1;
    for (let i = i0; i < end; i++) {
      const obj = t.obj[i];
      let o = -1;
      if (obj >= 0) {
        if (ALLOC_KINDS.has(t.kind[i]) && !canon.has(obj)) {
          const g = generation.get(t.arg[i]) ?? 0;
          generation.set(t.arg[i], g + 1);
          canon.set(obj, t.arg[i] * (1 << GEN_BITS) + Math.min(g, (1 << GEN_BITS) - 1));
        }
        o = canon.get(obj) ?? -2 - obj;
      }
      buf[k++] = t.cpu[i];
      buf[k++] = t.fn[i];
      buf[k++] = t.kind[i];
      buf[k++] = o;
      buf[k++] = t.bytes[i];
      buf[k++] = t.arg[i];
    }
    keys[s] = table.id(buf.subarray(0, n));
  }
  return keys;
}

/** Each checker's finding, from a run's verdict. */
export function verdictCheckers(v: Verdict): Record<CheckerName, boolean> {
  return {
    useAfterFree: v.useAfterFree,
    nullDeref: v.nullDeref,
    leak: v.leakedArrays > 0,
    doubleFree: v.doubleFree,
    warn: v.warnings.length > 0,
    droppedKicks: v.droppedKicks > 0,
    stuck: v.stuck,
    rcuStall: v.rcuStall,
    bootPanic: v.bootPanic,
  };
}

interface RawHunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** The differing stretches of keysA[a0, a1) against keysB[b0, b1), by jsdiff; null when over `maxEdits`. */
function alignRange(
  keysA: Int32Array,
  keysB: Int32Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  maxEdits: number,
): RawHunk[] | null {
  const changes = diffArrays(Array.from(keysA.subarray(a0, a1)), Array.from(keysB.subarray(b0, b1)), { maxEditLength: maxEdits });
  if (!changes) return null;
  const out: RawHunk[] = [];
  let ia = a0;
  let ib = b0;
  let open: RawHunk | null = null;
  for (const c of changes) {
    const n = c.count;
    if (!c.added && !c.removed) {
      if (open) out.push(open);
      open = null;
      ia += n;
      ib += n;
      continue;
    }
    open ??= { a0: ia, a1: ia, b0: ib, b1: ib };
    if (c.removed) ia = open.a1 = ia + n;
    else ib = open.b1 = ib + n;
  }
  if (open) out.push(open);
  return out;
}

/** True when every step of A[a0, a1) and B[b0, b1) is by one and the same actor. */
function oneActor(ra: RunResult, rb: RunResult, h: RawHunk): boolean {
  const first = h.a1 > h.a0 ? ra.actors[h.a0] : rb.actors[h.b0];
  for (let s = h.a0; s < h.a1; s++) if (ra.actors[s] !== first) return false;
  for (let s = h.b0; s < h.b1; s++) if (rb.actors[s] !== first) return false;
  // Both kernels must name the actor alike (loader names come from the scenario, so they do).
  return true;
}

/**
 * Hunk rule: two hunks with only matching steps between them are one difference when one actor made every
 * step of both and of the gap: a reordering inside one kernel function call (05e63305c85c moves the
 * allocation after the state check) is one change, not a deletion here and an insertion there.
 */
export function mergeHunks(ra: RunResult, rb: RunResult, hunks: readonly RawHunk[]): RawHunk[] {
  const out: RawHunk[] = [];
  for (const h of hunks) {
    const prev = out[out.length - 1];
    if (prev) {
      const joined = { a0: prev.a0, a1: h.a1, b0: prev.b0, b1: h.b1 };
      if (oneActor(ra, rb, joined)) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push({ ...h });
  }
  return out;
}

function sideEvents(r: RunResult, from: number, to: number): string[] {
  const out: string[] = [];
  const i0 = r.stepEventStart[from];
  const i1 = r.stepEventStart[to];
  for (let i = i0; i < i1 && out.length < MAX_HUNK_EVENTS; i++) {
    const e = eventAt(r, i);
    out.push(`${e.actor} ${e.fn}(): ${e.text}`);
  }
  if (i1 - i0 > MAX_HUNK_EVENTS) out.push(`… and ${i1 - i0 - MAX_HUNK_EVENTS} more events`);
  return out;
}

/** Event kinds that name a step in a summary in place of its first event: what the checkers report. */
const HEADLINE_KINDS = new Set<number>([
  EVENT_CODE.uaf,
  EVENT_CODE['null-deref'],
  EVENT_CODE['double-free'],
  EVENT_CODE.leak,
  EVENT_CODE.warn,
  EVENT_CODE['null-return'],
  EVENT_CODE.stuck,
  EVENT_CODE['rcu-stall'],
]);

/** "alloc_kick_pseqs() alloc ×3 then scx_enable() state-check": each step by its first event, runs counted. */
export function summarizeSteps(r: RunResult, from: number, to: number, maxRuns = 4): string {
  const runs: { fn: number; kind: number; n: number }[] = [];
  for (let s = from; s < to; s++) {
    let i = r.stepEventStart[s];
    const end = r.stepEventStart[s + 1];
    if (i >= end) continue;
    // A step is named by its first event, or by a finding among its events (a leak, a WARN …).
    for (let j = i; j < end; j++)
      if (HEADLINE_KINDS.has(r.trace.kind[j])) {
        i = j;
        break;
      }
    const fn = r.trace.fn[i];
    const kind = r.trace.kind[i];
    const last = runs[runs.length - 1];
    if (last && last.fn === fn && last.kind === kind) last.n++;
    else runs.push({ fn, kind, n: 1 });
  }
  if (!runs.length) return 'nothing';
  const words = runs.slice(0, maxRuns).map((x, i) => {
    const fn = i > 0 && runs[i - 1].fn === x.fn ? '' : `${KERNEL_FNS[x.fn]}() `;
    return `${fn}${EVENT_KINDS[x.kind]}${x.n > 1 ? ` ×${x.n}` : ''}`;
  });
  return words.join(' then ') + (runs.length > maxRuns ? ' …' : '');
}

export interface DiffOptions {
  /** Step of A the windowed alignment centres on when the traces are too different to align whole (default: the first difference). */
  focusStep?: number;
  maxEdits?: number;
  windowSteps?: number;
}

/**
 * Align two runs and list their differences. Cost: O(events) for the keys, plus Myers' O((N + M)·D) on the
 * stretch between the common prefix and suffix, bounded by `maxEdits`; past it, only a window of
 * `windowSteps` steps per trace around the focus is aligned (TraceDiff.window says which).
 */
export function diffRuns(ra: RunResult, rb: RunResult, opts: DiffOptions = {}): TraceDiff {
  const table = new KeyTable();
  const ka = stepKeys(ra, table);
  const kb = stepKeys(rb, table);
  const na = ka.length;
  const nb = kb.length;
  let p = 0;
  while (p < na && p < nb && ka[p] === kb[p]) p++;
  let s = 0;
  while (s < na - p && s < nb - p && ka[na - 1 - s] === kb[nb - 1 - s]) s++;
  const maxEdits = opts.maxEdits ?? MAX_EDITS;
  let raw: RawHunk[] | null = [];
  let window: TraceDiff['window'] = null;
  if (p < na - s || p < nb - s) {
    raw = alignRange(ka, kb, p, na - s, p, nb - s, maxEdits);
    if (!raw) {
      // Too different to align whole: align a window around the focus, narrowing it until the edit budget holds.
      const focus = Math.max(p, Math.min(opts.focusStep ?? p, na - s));
      for (let w = opts.windowSteps ?? DIFF_WINDOW_STEPS; ; w >>= 1) {
        const a0 = Math.max(p, focus - (w >> 1));
        const b0 = Math.min(a0, nb - s);
        const a1 = Math.min(na - s, a0 + w);
        const b1 = Math.min(nb - s, b0 + w);
        window = { a: [a0, a1], b: [b0, b1] };
        raw = w <= 16 ? [{ a0, a1, b0, b1 }] : alignRange(ka, kb, a0, a1, b0, b1, maxEdits);
        if (raw) break;
      }
    }
  }
  const hunks = mergeHunks(ra, rb, raw).map((h): DiffHunk => ({
    a: [h.a0, h.a1],
    b: [h.b0, h.b1],
    aEvents: sideEvents(ra, h.a0, h.a1),
    bEvents: sideEvents(rb, h.b0, h.b1),
    aSummary: summarizeSteps(ra, h.a0, h.a1),
    bSummary: summarizeSteps(rb, h.b0, h.b1),
  }));
  const va = verdictCheckers(ra.verdict);
  const vb = verdictCheckers(rb.verdict);
  return {
    steps: { a: na, b: nb },
    hunks,
    firstDifference: hunks.length ? { stepA: hunks[0].a[0], stepB: hunks[0].b[0] } : null,
    verdictDifferences: CHECKERS.filter((c) => va[c] !== vb[c]),
    window,
  };
}

/**
 * The status line: "3 differences · first at step 3: A alloc_kick_pseqs() alloc ×3 then … · B …", or
 * "No difference: identical traces (n steps)". Steps are counted from 1, as the step shown after them.
 */
export function diffStatus(d: TraceDiff): string {
  if (!d.hunks.length) {
    const same = d.steps.a === d.steps.b;
    return same && !d.window ? `No difference: identical traces (${d.steps.a} steps)` : `No difference in the aligned window`;
  }
  const h = d.hunks[0];
  const n = d.hunks.length;
  const where = h.a[0] === h.b[0] ? `step ${h.a[0] + 1}` : `step ${h.a[0] + 1} of A, ${h.b[0] + 1} of B`;
  return `${n} difference${n === 1 ? '' : 's'} · first at ${where}: A ${h.aSummary} · B ${h.bSummary}`;
}
