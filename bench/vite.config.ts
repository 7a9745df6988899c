/** Builds the benchmark floor page (never shipped: its own outDir under bench/). */
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('./floor', import.meta.url).pathname,
  base: './',
  build: { outDir: new URL('./dist', import.meta.url).pathname, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
});
