import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `--mode harness` (npm run build:harness → dist-harness/, served by `vite preview --mode harness`) is the
// product plus src/harness/ (the e2e and bench hooks), which src/main.tsx loads only in that mode. It keeps
// the product's one chunk so the benches measure the same code. `npm run build` never contains the harness.
export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  build: mode === 'harness' ? { outDir: 'dist-harness', rolldownOptions: { output: { codeSplitting: false } } } : {},
  server: { port: 5173, strictPort: true },
  preview: { port: Number(process.env.PREVIEW_PORT ?? 4173), strictPort: true },
}));
