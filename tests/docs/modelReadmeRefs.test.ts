// Comments and CLI help point at workers/model/README.md's sections (the kernel facts the model rests on);
// every such pointer must land on a heading that exists, so a renamed section cannot leave dead links.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const README = join(ROOT, 'workers/model/README.md');

/** GitHub's heading anchor: lower case, punctuation dropped (but - and _), spaces to hyphens. */
export const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const headings = readFileSync(README, 'utf8')
  .split('\n')
  .filter((l) => /^#{1,6} /.test(l))
  .map((l) => l.replace(/^#+ /, '').trim());
const anchors = new Set(headings.map(slug));

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (/\.(ts|tsx)$/.test(e.name)) yield p;
  }
}
const SELF = new URL(import.meta.url).pathname;
const files = ['src', 'workers', 'tests'].flatMap((d) => [...sourceFiles(join(ROOT, d))]).filter((f) => f !== SELF);

interface Ref {
  file: string;
  ref: string;
}
const refs: { anchors: Ref[]; headings: Ref[] } = { anchors: [], headings: [] };
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const file = relative(ROOT, f);
  for (const m of text.matchAll(/workers\/model\/README\.md#([\w-]+)/g)) refs.anchors.push({ file, ref: m[1] });
  // Inside the model, a bare "#section-anchor" (two or more words) names a section of its README.
  if (file.startsWith('workers/model/'))
    for (const m of text.matchAll(/(?<![\w/])#([a-z][a-z0-9_]*(?:-[a-z0-9_]+)+)\b/g)) refs.anchors.push({ file, ref: m[1] });
  // The CLI help names sections by heading: workers/model/README.md, 'Heading' and 'Heading'.
  for (const m of text.matchAll(/workers\/model\/README\.md, ((?:'[^']+'(?:\s*\\n"\s*\+\s*"|\s)*(?:and\s+)?)+)/g))
    for (const h of m[1].replace(/\\n"\s*\+\s*"/g, ' ').matchAll(/'([^']+)'/g))
      refs.headings.push({ file, ref: h[1].replace(/\s+/g, ' ') });
}

describe('pointers into workers/model/README.md', () => {
  it('exist (the test would be vacuous without them)', () => {
    expect(refs.anchors.length).toBeGreaterThan(10);
    expect(refs.headings.length).toBeGreaterThanOrEqual(3);
  });

  it('every #anchor is a heading of the README', () => {
    expect(refs.anchors.filter((r) => !anchors.has(r.ref))).toEqual([]);
  });

  it('every section named by its heading exists', () => {
    expect(refs.headings.filter((r) => !headings.includes(r.ref))).toEqual([]);
  });

  it('no source file points at a document outside the repository', () => {
    expect(files.filter((f) => /kernel-facts|toolchain-notes/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });
});
