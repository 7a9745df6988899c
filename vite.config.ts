import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { serviceWorker } from './sw-plugin.ts';

export default defineConfig({
  // Relative asset URLs: dist/ works from any static server and any base path.
  base: './',
  plugins: [preact(), serviceWorker()],
  // maplibre alone is about 1 MB of the main chunk: warn only above that.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
