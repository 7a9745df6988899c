import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { DATA_FILE, datasetFile, MANIFEST_FILE, programmeOf } from './data/dataset-files.ts';
import { datasetPlugin, recordsMaxBytes } from './data-plugin.ts';
import { trimMaplibreCss } from './maplibre-css-plugin.ts';
import { offlineCache } from './offline-plugin.ts';

// The dataset the atlas is built with: a folder written by `npm run data` or `npm run import`,
// whose files are checked to belong together, and its programme (descriptor, boundaries, gazetteer).
const ATLAS_DATA = process.env.ATLAS_DATA ? resolve(process.env.ATLAS_DATA) : fileURLToPath(new URL('./data/out', import.meta.url));
if (!existsSync(resolve(ATLAS_DATA, DATA_FILE))) {
  throw new Error(`ATLAS_DATA=${ATLAS_DATA}: no ${DATA_FILE} there (write one with npm run import -- --out ${ATLAS_DATA} FILE…)`);
}
const DATASET_FILE = datasetFile(ATLAS_DATA, DATA_FILE);
const ATLAS_PROGRAMME = programmeOf(ATLAS_DATA);
if (!existsSync(resolve(ATLAS_PROGRAMME, 'programme.json'))) throw new Error(`${resolve(ATLAS_DATA, MANIFEST_FILE)}: programme: no programme.json in ${ATLAS_PROGRAMME}`);

export default defineConfig({
  // Relative asset URLs: dist/ works from any static server and any base path.
  base: './',
  plugins: [preact(), trimMaplibreCss(), datasetPlugin({ dataFile: DATASET_FILE, programmeDir: ATLAS_PROGRAMME, recordsMaxBytes: recordsMaxBytes(process.env.ATLAS_RECORDS_MAX_MB) }), offlineCache()],
  resolve: { alias: { '@atlas-data': ATLAS_DATA, '@atlas-programme': ATLAS_PROGRAMME } },
  server: { fs: { allow: ['.', ATLAS_DATA, ATLAS_PROGRAMME] } },
  // maplibre alone is about 1 MB of the main chunk: warn only above that.
  // Data files stay files (fetched when needed, cached by name), never inlined into the script.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, assetsInlineLimit: (file) => (/\.(json|woff2|pbf|arrow)$/.test(file) ? false : undefined) },
  // The page's import worker (src/import/worker.ts) is a module, split like the page's code.
  worker: { format: 'es' },
  test: {
    // Two test files at a time, whatever the machine: the browser tests are bound by the CPU that
    // Chromium's software WebGL uses (two cores in CI); more at once only slows each one down.
    maxWorkers: 2,
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
          // Each file has its own browser and pages; the build is shared (global setup), so files run side by side.
          fileParallelism: true,
        },
      },
    ],
  },
});
