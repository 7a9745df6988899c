/** Builds the benchmark's floor page (never shipped: their own outDir under bench/), with the atlas's plugins and dataset. */
import { defineConfig } from 'vite';
import atlas from '../vite.config';

const pages = new URL('./pages/', import.meta.url).pathname;

export default defineConfig({
  root: pages,
  base: './',
  plugins: atlas.plugins?.filter((p) => !(p && 'name' in p && p.name === 'atlas-service-worker')),
  resolve: atlas.resolve,
  build: {
    ...atlas.build,
    outDir: new URL('./dist', import.meta.url).pathname,
    emptyOutDir: true,
    rollupOptions: { input: { floor: `${pages}floor.html` } },
  },
});
