/** Builds the benchmark pages (never shipped: their own outDir under bench/). */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const pages = new URL('./pages/', import.meta.url).pathname;

export default defineConfig({
  root: pages,
  base: './',
  plugins: [preact()],
  build: {
    outDir: new URL('./dist', import.meta.url).pathname,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: { input: { floor: `${pages}floor.html`, explore: `${pages}explore.html` } },
  },
});
