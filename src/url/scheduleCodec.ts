// A forked schedule in a link: actor ids as short tokens (one letter per actor kind, then the CPU
// number or the loader's letter: "irq:12" → "i12", "enable:B" → "eB", "gp" → "g"), a checksum, then
// lz-string's URL-safe compression. Schedules repeat a lot (a loader's steps, a CPU's irq work), so
// 300 hand-chosen steps take a few hundred characters. Decoding never throws: it returns a reason.
// lz-string is CommonJS: its default import works in Vite, Vitest and plain Node ESM alike.
import LZString from 'lz-string';
import type { ActorKind } from '../../workers/model/sched/types.ts';
import { ACTOR_ID_RE, SCHEDULE_MAX } from './urlSchema.ts';

const KIND_LETTER: Record<ActorKind, string> = {
  boot: 'o',
  enable: 'e',
  disable: 'd',
  bpf: 'b',
  irq: 'i',
  sched: 's',
  wake: 'w',
  qs: 'q',
  cb: 'c',
  gp: 'g',
};
const LETTER_KIND = new Map(Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind as ActorKind]));
const NO_ARG: ReadonlySet<ActorKind> = new Set(['boot', 'disable', 'gp']);
/** Compressed schedules longer than this are refused before decompression (a link is < 2k anyway). */
const MAX_ENCODED_CHARS = 200_000;

/** 32-bit FNV-1a of a string, base 36: catches truncated and altered payloads. */
export function scheduleChecksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The token of one actor id; the id must be canonical (ACTOR_ID_RE). */
function actorToken(id: string): string {
  const [kind, arg = ''] = id.split(':');
  return KIND_LETTER[kind as ActorKind] + arg;
}

/** The schedule's token text with its checksum (before compression). */
export function scheduleToText(schedule: readonly string[]): string {
  const tokens = schedule.map(actorToken).join('');
  return `${tokens}.${scheduleChecksum(tokens)}`;
}

/** The `sched` parameter's value: URL-safe (A–Z a–z 0–9 + - $). Ids must match ACTOR_ID_RE. */
export function encodeSchedule(schedule: readonly string[]): string {
  return LZString.compressToEncodedURIComponent(scheduleToText(schedule));
}

export type ScheduleDecode = { ok: true; schedule: string[] } | { ok: false; reason: string };

/** Token text back to actor ids, or why it is not a schedule. */
export function textToSchedule(text: string): ScheduleDecode {
  const dot = text.lastIndexOf('.');
  if (dot < 0 || scheduleChecksum(text.slice(0, dot)) !== text.slice(dot + 1)) return { ok: false, reason: 'is truncated or corrupted' };
  const tokens = text.slice(0, dot);
  const out: string[] = [];
  const re = /([a-z])([0-9]+|[A-Z])?/y;
  while (re.lastIndex < tokens.length) {
    const at = re.lastIndex;
    const m = re.exec(tokens);
    if (!m) return { ok: false, reason: `has an unreadable actor at character ${at + 1}` };
    const kind = LETTER_KIND.get(m[1]);
    if (!kind) return { ok: false, reason: `has an unknown actor kind "${m[1]}"` };
    const arg = m[2];
    const id = NO_ARG.has(kind) ? (arg === undefined ? kind : '') : arg === undefined ? '' : `${kind}:${arg}`;
    if (!ACTOR_ID_RE.test(id)) return { ok: false, reason: `names an actor that does not exist ("${m[0]}")` };
    out.push(id);
    if (out.length > SCHEDULE_MAX) return { ok: false, reason: `is longer than ${SCHEDULE_MAX} steps` };
  }
  return { ok: true, schedule: out };
}

/** The `sched` parameter back to actor ids; never throws. */
export function decodeSchedule(encoded: string): ScheduleDecode {
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, reason: 'is too long' };
  let text: string | null;
  try {
    // URLSearchParams turns '+' into ' '; lz-string maps it back.
    text = LZString.decompressFromEncodedURIComponent(encoded);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, reason: 'is truncated or corrupted' };
  return textToSchedule(text);
}
