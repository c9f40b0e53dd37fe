import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** index.html's Content-Security-Policy tag. */
const CSP_META_RE = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/;

/**
 * The dev server adds an inline script (React Refresh's preamble) and injects CSS as <style> elements,
 * which the page's CSP forbids: it serves index.html without the tag. Builds keep it.
 */
const cspInBuildsOnly: Plugin = {
  name: 'csp-in-builds-only',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(CSP_META_RE, ''),
};

// base './': every URL the build writes (index.html's script, CSS and icon, the worker's URL) is relative
// to the page, so dist/ works unchanged at the host's root or under any sub-path.
// `--mode harness` (npm run build:harness → dist-harness/, served by `vite preview --mode harness`) is the
// product plus src/harness/ (the e2e and bench hooks), which src/main.tsx loads only in that mode. It keeps
// the product's one chunk so the benches measure the same code. `npm run build` never contains the harness.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), tailwindcss(), cspInBuildsOnly],
  worker: { format: 'es' },
  build: mode === 'harness' ? { outDir: 'dist-harness', rolldownOptions: { output: { codeSplitting: false } } } : {},
  server: { port: 5173, strictPort: true },
  preview: { port: Number(process.env.PREVIEW_PORT ?? 4173), strictPort: true },
}));
