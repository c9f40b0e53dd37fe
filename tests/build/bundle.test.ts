// The product bundle is the product, nothing else: `npm run build` (Vite's production mode, same config)
// must not contain the test and bench harness (src/harness/), which only `vite build --mode harness`
// loads. Both builds are made here into temporary folders; every name searched for must be found in the
// harness build (so the list cannot go stale and pass by default) and in no file of the product build.
// Module names are minified away inside a chunk but name a chunk of their own (e.g. a dynamic import that
// was not dropped), so they are searched for in file names as well as in the text, product build only.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const harnessDir = join(root, 'src/harness');

/** The harness's window names and hook names: they survive minification. */
const HOOK_NAMES = ['__app', '__bench', '__racesBench', 'failNextSimCall', 'whenIdle', '__faultInjectedByHarness__'];
/** The harness's folder and module names, and its Vite mode (left in the text if the mode check were not folded). */
const MODULE_NAMES = ['harness', ...readdirSync(harnessDir).map((f) => basename(f, extname(f)))];

/** Every emitted file (JS, worker chunk, CSS, HTML) under `dir`, path → text. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, 'latin1'));
  }
  return files;
}

async function buildInto(mode: 'production' | 'harness', outDir: string): Promise<Map<string, string>> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // as under `npm run build` (vitest sets 'test')
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), mode, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return readTree(outDir);
}

/** Names found in a file's name or text, as "name in file". */
function occurrences(files: Map<string, string>, names: readonly string[]): string[] {
  const found: string[] = [];
  for (const [path, text] of files)
    for (const name of names) if (path.includes(name) || text.includes(name)) found.push(`${name} in ${path}`);
  return found;
}

describe('production bundle', { timeout: 180_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  let product = new Map<string, string>();
  let harness = new Map<string, string>();

  beforeAll(async () => {
    product = await buildInto('production', join(tmp, 'product'));
    harness = await buildInto('harness', join(tmp, 'harness'));
  }, 180_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('the product build emitted the page, the app and the worker', () => {
    const paths = [...product.keys()];
    expect(paths).toContain('index.html');
    expect(paths.some((p) => /^assets\/index-.*\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => /^assets\/sim\.worker-.*\.js$/.test(p))).toBe(true);
  });

  test('the harness build contains every hook name (the list is live)', () => {
    const all = [...harness.values()].join('\n');
    expect(HOOK_NAMES.filter((name) => !all.includes(name))).toEqual([]);
  });

  test('no harness name appears in any file of the product build', () => {
    expect(occurrences(product, [...HOOK_NAMES, ...MODULE_NAMES])).toEqual([]);
  });
});
