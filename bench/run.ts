/**
 * npm run bench, in headless Chromium (software WebGL):
 *  1. cold navigation → 'atlas:ready' for the built atlas and for the bare maplibre floor page
 *     (5 runs each, medians, their ratio) and the gzip weight of the atlas's first load;
 *  2. filter change → map idle and → charts updated, at the real size and on 100,000 synthetic
 *     sites (medians of 9 toggles of a period checkbox): at the first view, where dense data is
 *     drawn as counts per municipality, and zoomed in to DETAIL_ZOOM, where each site is drawn.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { DETAIL_ZOOM } from '../src/map/sites';
import { launchChromium } from '../test/e2e/browser';

const RUNS = 5;
const root = new URL('..', import.meta.url).pathname;

async function serve(outDir: string, configFile?: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ root, configFile, build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(url: string, distDir: string) {
  const browser = await launchChromium();
  const times: number[] = [];
  let gzipBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const files = new Set<string>();
    page.on('request', (r) => files.add(new URL(r.url()).pathname));
    await page.goto(url);
    const ready = await page.waitForFunction(() => performance.getEntriesByName('atlas:ready')[0]?.startTime, null, { timeout: 60_000 });
    times.push(Number(await ready.jsonValue()));
    if (i === 0) {
      for (const path of files) {
        const file = join(distDir, path === '/' ? 'index.html' : decodeURIComponent(path));
        try {
          gzipBytes += gzipSync(readFileSync(file)).length;
        } catch {
          /* data: and blob: URLs have no file */
        }
      }
    }
    await context.close();
  }
  await browser.close();
  return { times, median: median(times), gzipBytes };
}

const FILTER_RUNS = 9;
const SYNTHETIC_SITES = 100_000;

/** Toggles a period filter and reads the marks the app sets: filter → map idle, → charts updated. */
async function filterLatency(page: Page) {
  const map: number[] = [];
  const charts: number[] = [];
  const period = page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ });
  for (let i = 0; i < FILTER_RUNS; i++) {
    await page.evaluate(() => performance.clearMarks());
    await period.click();
    // A string, not a function: tsx would wrap inner arrow functions in a helper the page lacks.
    const handle = await page.waitForFunction(
      `(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
        const f = at('atlas:filter'), m = at('atlas:map-idle'), c = at('atlas:charts-updated');
        return f !== undefined && m !== undefined && c !== undefined && { map: m - f, charts: c - f };
      })()`,
      null,
      { timeout: 120_000 },
    );
    const r = (await handle.jsonValue()) as { map: number; charts: number };
    map.push(r.map);
    charts.push(r.charts);
  }
  return { map: Math.round(median(map)), charts: Math.round(median(charts)) };
}

async function exploreBench(url: string, synthetic: number, camera = '') {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const params = new URLSearchParams({ ...(synthetic ? { synthetic: String(synthetic) } : {}), ...(camera ? { map: camera } : {}) });
  await page.goto(`${url}explore.html?${params}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, null, { timeout: 180_000 });
  const result = await filterLatency(page);
  await browser.close();
  return result;
}

await build({ root, logLevel: 'warn' });
await build({ configFile: join(root, 'bench/vite.config.ts'), logLevel: 'warn' });
const atlasServer = await serve(join(root, 'dist'));
const floorServer = await serve(join(root, 'bench/dist'), join(root, 'bench/vite.config.ts'));
try {
  const atlas = await measure(atlasServer.url, join(root, 'dist'));
  const floor = await measure(`${floorServer.url}floor.html`, join(root, 'bench/dist'));
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(`navigation → atlas:ready, cold, ${RUNS} runs, 1280×800 headless Chromium (software WebGL)`);
  console.log(`  atlas  median ${ms(atlas.median)}  runs ${atlas.times.map(ms).join(', ')}`);
  console.log(`  floor  median ${ms(floor.median)}  runs ${floor.times.map(ms).join(', ')}  (bare maplibre, same style and data)`);
  console.log(`  ratio atlas/floor ${(atlas.median / floor.median).toFixed(2)}`);
  console.log(`first load, gzip: atlas ${(atlas.gzipBytes / 1024).toFixed(0)} kB, floor ${(floor.gzipBytes / 1024).toFixed(0)} kB`);
  const runs: [string, () => ReturnType<typeof exploreBench>][] = [
    ['real data (104 projects)', () => exploreBench(floorServer.url, 0)],
    [`${SYNTHETIC_SITES.toLocaleString('en')} synthetic sites, first view`, () => exploreBench(floorServer.url, SYNTHETIC_SITES)],
    [`${SYNTHETIC_SITES.toLocaleString('en')} synthetic sites, zoom ${DETAIL_ZOOM}`, () => exploreBench(floorServer.url, SYNTHETIC_SITES, `${DETAIL_ZOOM}/43.15/22.6`)],
  ];
  console.log(`filter change (toggle a period), medians of ${FILTER_RUNS}, 1500×900:`);
  const filters: ({ map: number; charts: number } | { error: string })[] = [];
  for (const [label, run] of runs) {
    // One failing configuration is reported, not allowed to hide the others.
    const r = await run().catch((error: Error) => ({ error: error.message.split('\n')[0] }));
    filters.push(r);
    console.log(`  ${label.padEnd(38)} ${'error' in r ? `FAILED: ${r.error}` : `→ map idle ${ms(r.map)}, → charts updated ${ms(r.charts)}`}`);
  }
  // The figures of this run, one object per size, for comparing runs (not committed).
  const [real, overview, detail] = filters;
  const results = {
    real: { firstLoadGzipKb: Math.round(atlas.gzipBytes / 1024), readyMs: Math.round(atlas.median), floorReadyMs: Math.round(floor.median), readyRatio: Number((atlas.median / floor.median).toFixed(2)), filter: real },
    '100k': { filterOverview: overview, filterZoom9: detail },
  };
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('figures written to bench/results.json');
} finally {
  await atlasServer.server.close();
  await floorServer.server.close();
}
