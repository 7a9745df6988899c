/**
 * npm run bench [-- --sizes real,100k,1M]: the atlas as deployed, in headless Chromium (software
 * WebGL), at three sizes: the real data (104 projects) and synthetic datasets of 100,000 and
 * 1,000,000 sites (npm run synthetic → npm run import → ATLAS_DATA build, never shipped), each
 * built site served by the static server of the end-to-end tests. Per size:
 *  - the build (import + pack): seconds and peak memory, and the sizes of what it wrote;
 *  - cold navigation → 'atlas:ready' (5 runs, median) and the gzip weight of every file fetched
 *    before it; for the real data also the bare-maplibre floor page (same style, same first-frame
 *    files) and the ratio, from 9 navigations of each taken in turns (atlas, floor, atlas…), so
 *    that the machine's drift during the runs falls on both alike;
 *  - the first visit's total: every byte transferred until the network is quiet, the service
 *    worker's precache included;
 *  - JS heap after 'atlas:ready' and, for a columnar dataset, once its records (if shipped) and points are in (after a GC);
 *  - for a columnar dataset, navigation → 'atlas:columns' (its data worker has read the columns: every
 *    filter works) and the gzip weight the server sent until then, and → 'atlas:points' (the map
 *    draws every site);
 *  - filter change → map idle and → charts updated (medians of 9 toggles of a period, and of 9
 *    words typed into the search box), at the first view and at DETAIL_ZOOM, where each site is drawn;
 *  - the list: navigation → its first rows, a period toggled → rows updated (median of 9), the
 *    first sort by title and a second;
 *  - a full play of the years at 1× (the year control): frames per second, the 95th percentile and
 *    the longest frame, counted with requestAnimationFrame.
 * Writes bench/results.json: one object per size.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { DETAIL_ZOOM } from '../src/sites/tiers';
import { launchChromium } from '../test/e2e/browser';
import { serveStatic, type StaticServer } from '../test/e2e/static-server';

const RUNS = 5;
const PAIRED_RUNS = 9;
const FILTER_RUNS = 9;
/** Words typed into the search box, each one change (names of places and title words, found or not). */
const SEARCH_WORDS = ['pirot', 'vidin', 'bridge', 'zaj', 'tourism', 'niš', 'youth', 'eco', 'montana'];
const root = new URL('..', import.meta.url).pathname;
const SIZES: Record<string, number> = { '100k': 100_000, '1M': 1_000_000 };
const wanted = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? 'real,100k,1M').split(',');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

/** Runs a command, with its wall time and its peak resident memory (GNU time's, in MB). */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; peakMB: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Peak memory of the process tree, sampled (the build runs in one node process).
    let peak = 0;
    const sample = setInterval(() => {
      try {
        const tree = execFileSync('ps', ['-o', 'rss=', '--ppid', String(child.pid), '-p', String(child.pid)]).toString();
        peak = Math.max(peak, tree.split('\n').reduce((n, l) => n + (Number(l.trim()) || 0), 0));
      } catch {
        /* the process ended between samples */
      }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')}: exit ${code ?? 'by a signal'}\n${err.split('\n').slice(-5).join('\n')}`));
      else resolve({ seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), peakMB: round(peak / 1024) });
    });
  });
}

/** The built site's files: total, and the points, detail shards, columns and search shards apart. */
function siteSizes(dir: string) {
  const files: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ path: relative(dir, full), bytes: statSync(full).size });
    }
  };
  walk(dir);
  const sum = (f: (p: string) => boolean) => files.filter((x) => f(x.path)).reduce((n, x) => n + x.bytes, 0);
  const mb = (b: number) => Number((b / 1e6).toFixed(1));
  return {
    files: files.length, totalMB: mb(sum(() => true)),
    pointsMB: mb(sum((p) => /assets\/atlas-points-/.test(p))),
    detailShards: files.filter((f) => f.path.startsWith('details/')).length, detailsMB: mb(sum((p) => p.startsWith('details/'))),
    indexMB: mb(sum((p) => /assets\/atlas-data-/.test(p))),
    rowsMB: mb(sum((p) => /assets\/atlas-rows-/.test(p))),
    columnsMB: mb(sum((p) => /assets\/atlas-(columns|lists)-/.test(p))),
    searchShards: files.filter((f) => f.path.startsWith('search/')).length, searchMB: mb(sum((p) => p.startsWith('search/'))),
  };
}

/** Gzip weight of the files a page fetched before 'atlas:ready' (resource timing, same origin). */
async function firstLoad(page: Page, dir: string): Promise<number> {
  const paths = await page.evaluate(() => {
    const ready = performance.getEntriesByName('atlas:ready')[0].startTime;
    const fetched = performance.getEntriesByType('resource').filter((r) => r.startTime < ready).map((r) => new URL(r.name).pathname);
    return [location.pathname, ...fetched];
  });
  let bytes = 0;
  for (const path of new Set(paths)) {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : decodeURIComponent(path));
    if (existsSync(file) && statSync(file).isFile()) bytes += gzipSync(readFileSync(file)).length;
  }
  return round(bytes / 1024);
}

/**
 * Gzip weight of everything a first visit transfers until the network is quiet: the page, what it
 * loads, and what its service worker then precaches (files already in the browser's HTTP cache
 * are not transferred again: the static server marks hashed files immutable, as a CDN would).
 * Counted from the server's own log of the answers it sent.
 */
async function firstVisit(browser: Browser, server: StaticServer, dir: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const start = server.log.length;
  await page.goto(server.url);
  await readyAt(page);
  // Installed and active: its precache is complete.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
  // Quiet: no request for a second.
  for (let seen = -1; seen !== server.log.length; ) {
    seen = server.log.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const bytes = sentSince(server, dir, start);
  await context.close();
  return bytes;
}

/** Milliseconds from navigation to 'atlas:ready'. */
const readyAt = async (page: Page) => Number(await (await page.waitForFunction(() => performance.getEntriesByName('atlas:ready')[0]?.startTime, null, { timeout: 120_000 })).jsonValue());

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return round(usedSize / 1e6);
}

async function readiness(browser: Browser, url: string, dir: string) {
  const times: number[] = [];
  let gzipKb = 0;
  let heapReady = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    times.push(await readyAt(page));
    if (i === 0) {
      gzipKb = await firstLoad(page, dir);
      heapReady = await heapMB(page);
    }
    await context.close();
  }
  return { readyMs: round(median(times)), runs: times.map(round), firstLoadGzipKb: gzipKb, heapAfterReadyMB: heapReady };
}

/** Navigation → 'atlas:ready' of two pages taken in turns (a, b, a, b…): the median of each. */
async function pairedReadiness(browser: Browser, a: string, b: string): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < PAIRED_RUNS; i++) {
    for (const [k, url] of [a, b].entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(url);
      times[k].push(await readyAt(page));
      await context.close();
    }
  }
  return [round(median(times[0])), round(median(times[1]))];
}

/** Gzip weight of what the server sent since its log held `from` answers (asked for before `until`, epoch ms). */
function sentSince(server: StaticServer, dir: string, from: number, until = Infinity): number {
  let bytes = 0;
  for (const { path, status, at } of server.log.slice(from)) {
    if (at > until) continue;
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (status === 200 && existsSync(file) && statSync(file).isFile()) bytes += gzipSync(readFileSync(file)).length;
  }
  return round(bytes / 1024);
}

/** Toggles a period filter and reads the marks the app sets: filter → map idle, → charts updated. */
async function filterLatency(browser: Browser, server: StaticServer, dir: string, url: string, columnar: boolean, records: boolean) {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const start = server.log.length;
  await page.goto(url);
  await readyAt(page);
  let heapProjects: number | null = null;
  let columns: { ms: number; gzipKb: number } | null = null;
  let projectsError: string | null = null;
  let pointsMs: number | null = null;
  if (columnar) {
    // Every filter works once the data worker has read the columns (or the page says why not).
    const at = await page.waitForFunction(() => performance.getEntriesByName('atlas:columns')[0]?.startTime ?? ([...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent?.includes('projects could not load')) ? -1 : undefined), null, { timeout: 300_000 });
    const ms = Number(await at.jsonValue());
    const epoch = await page.evaluate((t) => performance.timeOrigin + t, ms);
    if (ms >= 0) columns = { ms: round(ms), gzipKb: sentSince(server, dir, start, epoch) };
    // The projects load after the first frame (where the build shipped them), or fail to (the page then says why, in an alert).
    const failed = page.getByRole('alert').filter({ hasText: /could not load/ });
    if (records) await page.waitForFunction(() => performance.getEntriesByName('atlas:projects').length > 0 || document.querySelector('[role="alert"]'), null, { timeout: 300_000 });
    if (await failed.count()) {
      projectsError = (await failed.textContent()) ?? '';
      // Without the columns nothing is filtered; without the records only the lists wait.
      if (!columns) {
        await page.close();
        return { error: projectsError, heapProjects: null, columns, projectsError, pointsMs };
      }
    }
    // The map draws every site once the worker has handed it the points (or the page says why not).
    const points = await page.waitForFunction(() => performance.getEntriesByName('atlas:points')[0]?.startTime ?? ([...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent?.includes('sites could not load')) ? -1 : undefined), null, { timeout: 300_000 });
    const drawnAt = Number(await points.jsonValue());
    pointsMs = drawnAt >= 0 ? round(drawnAt) : null;
    // Everything the page holds once loaded: the records (where they come) and the points.
    heapProjects = await heapMB(page);
  }
  /** Filter → map idle and → charts updated, for one change made by `act`. */
  const timed = async (act: () => Promise<void>) => {
    await page.evaluate(() => ['atlas:filter', 'atlas:map-idle', 'atlas:charts-updated'].forEach((n) => performance.clearMarks(n)));
    await act();
    const handle = await page.waitForFunction(
      () => {
        const [f, m, c] = ['atlas:filter', 'atlas:map-idle', 'atlas:charts-updated'].map((n) => performance.getEntriesByName(n)[0]?.startTime);
        // Marks of an earlier change (the first view's answer landing meanwhile) are not this change's.
        return f !== undefined && m >= f && c >= f && { map: m - f, charts: c - f };
      },
      null,
      { timeout: 120_000 },
    );
    return (await handle.jsonValue()) as { map: number; charts: number };
  };
  const period = page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ });
  const toggles: { map: number; charts: number }[] = [];
  for (let i = 0; i < FILTER_RUNS; i++) toggles.push(await timed(() => period.click()));
  if (await period.isChecked()) await timed(() => period.click());
  // A word typed into the search box (filled at once: one change per word).
  const search = page.getByRole('searchbox', { name: 'Search projects' });
  const searches: { map: number; charts: number }[] = [];
  for (const word of SEARCH_WORDS) searches.push(await timed(() => search.fill(word)));
  await page.close();
  const medians = (rs: { map: number; charts: number }[]) => ({ map: round(median(rs.map((r) => r.map))), charts: round(median(rs.map((r) => r.charts))) });
  return { ...medians(toggles), search: medians(searches), heapProjects, columns, projectsError, pointsMs };
}

/**
 * The list of projects: navigation → its first rows ('atlas:list-updated'), a period toggled →
 * rows updated (median), and the first sort by title (cold: a large dataset's worker sorts every
 * project once) and a second (warm).
 */
async function listLatency(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  await page.goto(`${url}?view=list`);
  const first = await page.waitForFunction(() => performance.getEntriesByName('atlas:list-updated')[0]?.startTime, null, { timeout: 300_000 });
  const firstRowsMs = round(Number(await first.jsonValue()));
  /** Action → the list's rows updated. */
  const timed = async (act: () => Promise<void>) => {
    await page.evaluate(() => ['atlas:filter', 'atlas:list-updated'].forEach((n) => performance.clearMarks(n)));
    const t0 = await page.evaluate(() => performance.now());
    await act();
    const handle = await page.waitForFunction((t) => {
      const done = performance.getEntriesByName('atlas:list-updated')[0]?.startTime;
      return done !== undefined && { ms: done - (performance.getEntriesByName('atlas:filter')[0]?.startTime ?? t) };
    }, t0, { timeout: 120_000 });
    return round(((await handle.jsonValue()) as { ms: number }).ms);
  };
  const period = page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ });
  const toggles: number[] = [];
  for (let i = 0; i < FILTER_RUNS; i++) toggles.push(await timed(() => period.click()));
  const header = page.getByRole('button', { name: /^Project/ });
  const titleCold = await timed(() => header.click());
  const titleWarm = await timed(() => header.click());
  await page.close();
  return { firstRowsMs, filterMs: round(median(toggles)), titleSortColdMs: titleCold, titleSortWarmMs: titleWarm };
}

/** Plays every year once at 1× and counts the frames the page drew meanwhile. */
async function playFps(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  await page.goto(url);
  await readyAt(page);
  const control = page.getByRole('region', { name: 'Year', exact: true });
  // As text: the bench's own compiler would name the inner function with a helper the page lacks.
  await page.evaluate('window.__frames = []; (function tick(t) { if (t) window.__frames.push(t); requestAnimationFrame(tick); })()');
  await control.getByRole('button', { name: /Play/ }).click();
  await control.getByRole('button', { name: /Play/ }).waitFor({ timeout: 600_000 });
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  await page.close();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  return { fps: round(frames.length / seconds), p95FrameMs: round(gaps[Math.floor(gaps.length * 0.95)]), longestFrameMs: round(gaps[gaps.length - 1]), seconds: round(seconds) };
}

async function measureSite(browser: Browser, dir: string, columnar: boolean) {
  const server = await serveStatic(dir);
  const records = readdirSync(join(dir, 'assets')).some((f) => f.startsWith('atlas-data-'));
  try {
    const ready = await readiness(browser, server.url, dir);
    const firstVisitGzipKb = await firstVisit(browser, server, dir);
    const overview = await filterLatency(browser, server, dir, server.url, columnar, records);
    const zoomed = await filterLatency(browser, server, dir, `${server.url}?map=${DETAIL_ZOOM}/43.15/22.6`, columnar, records);
    const list = await listLatency(browser, server.url);
    const filter = (r: typeof overview) => ('error' in r ? { error: r.error } : { map: r.map, charts: r.charts, search: r.search });
    const play = await playFps(browser, server.url);
    return { ...ready, firstVisitGzipKb, columnsReadyMs: overview.columns?.ms ?? null, pointsReadyMs: overview.pointsMs, bytesUntilFiltersGzipKb: overview.columns?.gzipKb ?? null, heapWithProjectsMB: overview.heapProjects, projectsError: overview.projectsError, filterOverview: filter(overview), filterZoom9: filter(zoomed), list, play };
  } finally {
    await server.close();
  }
}

/** A synthetic dataset of `sites` sites, imported and built: the build's time and memory, the site's folder. */
async function syntheticSite(sites: number, work: string) {
  await timed('npx', ['tsx', 'scripts/synthetic.ts', '--sites', String(sites), '--seed', '1', '--out', join(work, 'input')]);
  const importRun = await timed('node', ['--max-old-space-size=6144', '--import', 'tsx', 'scripts/import.ts', '--out', join(work, 'data'), join(work, 'input/operations.csv'), join(work, 'input/partners.csv')]);
  // A new dataset folder: the build packs it afresh (its pack cache is keyed by the dataset's path and time).
  const buildRun = await timed('node', ['--max-old-space-size=12288', 'node_modules/vite/bin/vite.js', 'build', '--outDir', join(work, 'site'), '--logLevel', 'error'], { ATLAS_DATA: join(work, 'data'), NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' });
  return { import: importRun, build: buildRun, dir: join(work, 'site') };
}

const results: Record<string, unknown> = {};
const browser = await launchChromium();
try {
  if (wanted.includes('real')) {
    await build({ root, logLevel: 'warn' });
    await build({ configFile: join(root, 'bench/vite.config.ts'), logLevel: 'warn' });
    const atlas = await measureSite(browser, join(root, 'dist'), false);
    const floorServer = await serveStatic(join(root, 'bench/dist'));
    const atlasServer = await serveStatic(join(root, 'dist'));
    const floor = await readiness(browser, `${floorServer.url}floor.html`, join(root, 'bench/dist'));
    const [pairedReadyMs, floorReadyMs] = await pairedReadiness(browser, atlasServer.url, `${floorServer.url}floor.html`);
    await floorServer.close();
    await atlasServer.close();
    results.real = { ...atlas, floorReadyMs, floorFirstLoadGzipKb: floor.firstLoadGzipKb, pairedReadyMs, readyRatio: Number((pairedReadyMs / floorReadyMs).toFixed(2)), site: siteSizes(join(root, 'dist')) };
    console.log('real', JSON.stringify(results.real));
  }
  for (const [name, sites] of Object.entries(SIZES).filter(([name]) => wanted.includes(name))) {
    const work = mkdtempSync(join(tmpdir(), `atlas-bench-${name}-`));
    try {
      const built = await syntheticSite(sites, work);
      const site = siteSizes(built.dir);
      const measured = await measureSite(browser, built.dir, site.columnsMB > 0);
      results[name] = { sites, importRun: built.import, buildRun: built.build, site, ...measured };
    } catch (error) {
      // A size that fails is reported with its reason, and does not hide the others.
      results[name] = { sites, error: (error as Error).message.split('\n').slice(0, 3).join(' ') };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    console.log(name, JSON.stringify(results[name]));
  }
} finally {
  await browser.close();
}
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('figures written to bench/results.json');
