// Regenerating a golden file (`npm run golden:update`, which sets UPDATE_GOLDEN=1) is checked, not trusted:
// - the model is computed twice by two different paths (with and without the stored trace, say) and the
//   pinned fields of both must agree, so a non-deterministic model, or a hash that depends on what is kept,
//   fails instead of being written;
// - a changed trace hash needs a new MODEL_VERSION (workers/model/constants.ts), because every shared link
//   of the old version would otherwise show a different run without a word;
// - the file is written, read back, and the test file's own checks then run against what was read.
// Nothing is written when a check fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { MODEL_VERSION } from '../../workers/model/constants.ts';

export const UPDATING_GOLDEN = Boolean(process.env.UPDATE_GOLDEN);

/** What a golden entry pins: its key and the fields both computations must agree on. */
export interface PinnedEntry {
  key: string;
  pinned: unknown;
}

export interface GoldenRegeneration<F extends { modelVersion: number }> {
  file: URL;
  /** The new file's contents. */
  fresh: F;
  /** Each entry of a file, keyed, with the fields that must not depend on how they were computed. */
  entries: (f: F) => PinnedEntry[];
  /** The same entries computed a second, independent way. */
  again: PinnedEntry[];
  /** The trace hash of an entry (what shared links depend on). */
  hashOf: (f: F, key: string) => string | undefined;
}

export function readGolden<F>(file: URL): F {
  return JSON.parse(readFileSync(file, 'utf8')) as F;
}

/** Checks, writes and reads back one golden file; throws (writing nothing) when a check fails. */
export function regenerateGolden<F extends { modelVersion: number }>(g: GoldenRegeneration<F>): F {
  const name = g.file.pathname.replace(/^.*\/tests\//, 'tests/');
  const first = new Map(g.entries(g.fresh).map((e) => [e.key, JSON.stringify(e.pinned)]));
  const second = new Map(g.again.map((e) => [e.key, JSON.stringify(e.pinned)]));
  const disagree = [...first.keys()].filter((k) => first.get(k) !== second.get(k));
  if (disagree.length > 0 || first.size !== second.size)
    throw new Error(
      `${name}: two computations of the same entries disagree (${disagree.slice(0, 3).join(', ') || 'different entries'}); nothing written`,
    );

  const previous = readGolden<F>(g.file);
  const keys = new Set([...g.entries(previous).map((e) => e.key), ...first.keys()]);
  const changed = [...keys].filter((k) => g.hashOf(previous, k) !== g.hashOf(g.fresh, k));
  if (changed.length > 0 && previous.modelVersion === MODEL_VERSION)
    throw new Error(
      `${name}: ${changed.length} pinned trace(s) changed (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}) ` +
        `but MODEL_VERSION is still ${MODEL_VERSION}: bump it in workers/model/constants.ts so old links say so; nothing written`,
    );

  const text = JSON.stringify(g.fresh, null, 1) + '\n';
  writeFileSync(g.file, text);
  const back = readGolden<F>(g.file);
  if (JSON.stringify(back, null, 1) + '\n' !== text) throw new Error(`${name}: the file read back differs from what was written`);
  console.log(
    `${name}: regenerated, ${keys.size} entries, ${changed.length} trace hash(es) changed${changed.length ? `: ${changed.join(', ')}` : ''}`,
  );
  return back;
}
