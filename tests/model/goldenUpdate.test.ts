// What `npm run golden:update` refuses to write, on throwaway golden files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '../../workers/model/constants.ts';
import { regenerateGolden } from './goldenUpdate.ts';

interface File {
  modelVersion: number;
  rows: { key: string; hash: string }[];
}

function setUp(previous: File) {
  const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'golden-')), 'g.json'));
  writeFileSync(file, JSON.stringify(previous));
  return file;
}
const entries = (f: File) => f.rows.map((r) => ({ key: r.key, pinned: r.hash }));
const hashOf = (f: File, key: string) => f.rows.find((r) => r.key === key)?.hash;
const file = (modelVersion: number, ...hashes: string[]): File => ({
  modelVersion,
  rows: hashes.map((hash, i) => ({ key: `k${i}`, hash })),
});

describe('golden regeneration', () => {
  it('writes and reads back an unchanged file', () => {
    const url = setUp(file(MODEL_VERSION, 'a', 'b'));
    const fresh = file(MODEL_VERSION, 'a', 'b');
    expect(regenerateGolden({ file: url, fresh, entries, again: entries(fresh), hashOf })).toEqual(fresh);
    expect(JSON.parse(readFileSync(url, 'utf8'))).toEqual(fresh);
  });

  it('refuses when the two computations disagree, and writes nothing', () => {
    const before = file(MODEL_VERSION, 'a', 'b');
    const url = setUp(before);
    const fresh = file(MODEL_VERSION, 'a', 'b');
    expect(() => regenerateGolden({ file: url, fresh, entries, again: entries(file(MODEL_VERSION, 'a', 'c')), hashOf })).toThrow(
      /disagree \(k1\)/,
    );
    expect(() => regenerateGolden({ file: url, fresh, entries, again: entries(file(MODEL_VERSION, 'a')), hashOf })).toThrow(/disagree/);
    expect(JSON.parse(readFileSync(url, 'utf8'))).toEqual(before);
  });

  it('refuses a changed trace hash without a new MODEL_VERSION, and writes nothing', () => {
    const before = file(MODEL_VERSION, 'a', 'b');
    const url = setUp(before);
    const fresh = file(MODEL_VERSION, 'a', 'x');
    expect(() => regenerateGolden({ file: url, fresh, entries, again: entries(fresh), hashOf })).toThrow(
      /1 pinned trace\(s\) changed \(k1\).*bump it/,
    );
    // An entry added is a change too.
    const more = file(MODEL_VERSION, 'a', 'b', 'c');
    expect(() => regenerateGolden({ file: url, fresh: more, entries, again: entries(more), hashOf })).toThrow(/changed \(k2\)/);
    expect(JSON.parse(readFileSync(url, 'utf8'))).toEqual(before);
  });

  it('writes changed traces once the model version has moved on', () => {
    const url = setUp(file(MODEL_VERSION - 1, 'a', 'b'));
    const fresh = file(MODEL_VERSION, 'a', 'x');
    regenerateGolden({ file: url, fresh, entries, again: entries(fresh), hashOf });
    expect(JSON.parse(readFileSync(url, 'utf8'))).toEqual(fresh);
  });
});
