/** Builds the benchmark's floor page (never shipped: their own outDir under bench/), with the atlas's plugins and dataset. */
import { defineConfig } from 'vite';
import atlas from '../vite.config.ts';
import { isOfflinePlugin } from '../offline-plugin.ts';

const pages = new URL('./pages/', import.meta.url).pathname;

export default defineConfig({
  root: pages,
  base: './',
  // The floor page is no app: it has no offline cache.
  plugins: (atlas.plugins ?? []).flat(2).filter((p) => !isOfflinePlugin(p)),
  resolve: atlas.resolve,
  build: {
    ...atlas.build,
    outDir: new URL('./dist', import.meta.url).pathname,
    emptyOutDir: true,
    rollupOptions: { input: { floor: `${pages}floor.html` } },
  },
});
