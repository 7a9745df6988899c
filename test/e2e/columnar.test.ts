/**
 * A dataset large enough for the tiled path (COLUMNAR_SITES), as a deployment makes it: synthetic
 * operations (npm run synthetic, seeded) imported with npm run import, built with ATLAS_DATA, and
 * served by a static server that honours byte ranges and answers 404 for missing files. What the
 * page shows is checked against the counts the generator wrote from its own rows (expected.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME, readProgramme } from '../../data/dataset-dir';
import type { AtlasData } from '../../src/core/types';
import { light } from '../../src/palette/flavors';
import { siteFeatures, stackOffset } from '../../src/sites/layout';
import { DETAIL_ZOOM, COLUMNAR_SITES } from '../../src/sites/tiers';
import { atlasBrowser, mapIdle, pixelsAt, projectsInStatus } from './harness';
import { serveStatic, type StaticServer } from './static-server';

const ROOT = new URL('../..', import.meta.url).pathname;
const SITES = 25_000;
const PROGRAMME = readProgramme(DEFAULT_PROGRAMME);

interface Expected {
  projects: number;
  sites: number;
  budget: number;
  periods: Record<string, number>;
  themes: Record<string, number>;
  countries: Record<string, number>;
  municipalities: Record<string, number>;
  search: { word: string; projects: number };
  sample: { id: string; title: string; partners: string[] }[];
}

let server: StaticServer;
let site = '';
let expected: Expected;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-tiled-'));
  const run = (...args: string[]) => execFileSync('npx', ['tsx', ...args], { cwd: ROOT, stdio: 'pipe' });
  run('scripts/synthetic.ts', '--sites', String(SITES), '--seed', '7', '--out', join(dir, 'input'));
  run('scripts/import.ts', '--out', join(dir, 'data'), join(dir, 'input/operations.csv'), join(dir, 'input/partners.csv'));
  site = join(dir, 'site');
  execFileSync('npx', ['vite', 'build', '--outDir', site, '--logLevel', 'error'], { cwd: ROOT, env: { ...process.env, ATLAS_DATA: join(dir, 'data'), NODE_ENV: 'production' }, stdio: 'pipe' });
  expected = JSON.parse(readFileSync(join(dir, 'input/expected.json'), 'utf8')) as Expected;
  server = await serveStatic(site);
}, 300_000);
afterAll(async () => {
  await server?.close();
});

const open = atlasBrowser(() => server.url);


/** The built records of the site with them, as the page would list them. */
const builtRecords = () => JSON.parse(readFileSync(join(site, 'assets', readdirSync(join(site, 'assets')).find((f) => f.startsWith('atlas-data-'))!), 'utf8')) as AtlasData;

/** The page once its projects are in (they load after the first frame, which the build's preview drew). */
async function openLoaded(search = '', options: Parameters<typeof open>[1] = {}): Promise<Page> {
  const page = await open(search, options);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:projects').length === 1, null, { timeout: 60_000 });
  return page;
}

const MUNICIPALITIES = JSON.parse(readFileSync(join(DEFAULT_PROGRAMME, 'geo/municipalities.json'), 'utf8')) as { id: string; names: Record<string, string> }[];
/** A municipality's name as the English page writes it (Latin script). */
const readMunicipalityName = (id: string) => MUNICIPALITIES.find((m) => m.id === id)!.names.Latn;

const checkbox = (page: Page, group: string, name: RegExp) => page.getByRole('group', { name: group }).getByRole('checkbox', { name });
const count = (label: string | null) => Number(/\((\d+)\)/.exec(label ?? '')![1]);

/** Whether a pixel is a colour (sum of channel differences < 40). */
const near = (rgb: number[], hex: string) => rgb.reduce((d, v, i) => d + Math.abs(v - parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)), 0) < 40;

/**
 * The sites of the built records (laid out as the page lays them out) that stand alone in the
 * middle of the map (as far as the window shows it) once it has its points: no other site's centre within 14 px, away from the
 * panels over the map. The place names are hidden, so that what is under a site is the site.
 */
async function isolatedSites(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('atlas:points').length === 1, null, { timeout: 60_000 });
  const records = builtRecords();
  const period = new Map(records.projects.map((p) => [p.id, p.period ?? '']));
  const features = siteFeatures(records.projects.filter((p) => p.locations.length)).features;
  await page.evaluate(() => window.__atlasMap!.setLayoutProperty('place-labels', 'visibility', 'none'));
  await mapIdle(page);
  const box = (await page.locator('.map canvas').boundingBox())!;
  // The part of the canvas in the window: a screenshot shows no WebGL pixels beyond it.
  const [width, height] = [box.width, Math.min(box.height, page.viewportSize()!.height - box.y)];
  const centres = await page.evaluate((points) => points.map((p) => window.__atlasMap!.project(p as [number, number])), features.map((f) => f.geometry.coordinates));
  const at = features.map((f, i) => {
    const [dx, dy] = stackOffset(f.properties.slot);
    return { x: centres[i].x + dx, y: centres[i].y + dy, project: f.properties.project, theme: f.properties.theme, period: period.get(f.properties.project)! };
  });
  return at.filter((s) => s.x > width * 0.3 && s.x < width * 0.7 && s.y > height * 0.25 && s.y < height * 0.7 && at.every((o) => o === s || Math.hypot(o.x - s.x, o.y - s.y) > 14));
}

describe(`a dataset of ${SITES.toLocaleString('en')} sites, tiled and served as static files`, () => {
  it('is built as a preview, columns, points and shards, which the server serves with byte ranges and a 404 for what is missing', async () => {
    expect(expected.sites).toBeGreaterThan(COLUMNAR_SITES);
    const assets = readdirSync(join(site, 'assets'));
    for (const name of ['atlas-preview', 'atlas-columns', 'atlas-lists', 'atlas-points', 'atlas-rows', 'atlas-data']) expect(assets.filter((f) => f.startsWith(`${name}-`))).toHaveLength(1);
    expect(readdirSync(site).filter((f) => ['details', 'search', 'tiles'].includes(f)).sort()).toEqual(['details', 'search']);
    const points = `${server.url}assets/${assets.find((f) => f.startsWith('atlas-points-'))}`;
    expect((await fetch(points)).status).toBe(200);
    const part = await fetch(points, { headers: { Range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-9\/\d+$/);
    expect((await fetch(`${server.url}assets/atlas-points-missing.arrow`)).status).toBe(404);
  });

  it('draws the first view from the preview, then loads the projects: the status line, the facet counts and a municipality’s chart count are the generator’s', async () => {
    const page = await open();
    expect(await projectsInStatus(page)).toBe(expected.projects);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:projects').length === 1, null, { timeout: 60_000 });
    expect(await projectsInStatus(page)).toBe(expected.projects);
    for (const [period, n] of Object.entries(expected.periods)) expect(count(await checkbox(page, 'Period', new RegExp(`^${period}`)).locator('..').textContent())).toBe(n);
    for (const [code, n] of Object.entries(expected.countries)) {
      const name = PROGRAMME.countries.find((c) => c.code === code)!.names.en;
      expect(count(await checkbox(page, 'Country', new RegExp(`^${name}`)).locator('..').textContent())).toBe(n);
    }
    // The municipality chart counts a municipality's projects as the generator placed them.
    const [top, n] = Object.entries(expected.municipalities).sort((a, b) => b[1] - a[1])[0];
    const name = readMunicipalityName(top);
    const labels = () => page.locator('section[aria-labelledby="chart-municipalities"] svg [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    await expect.poll(async () => (await labels()).find((l) => l.startsWith(`${name} (`))).toMatch(new RegExp(`: ${n} projects`));
    await page.close();
  });

  it('filters and lists without the projects’ records, and says what needs them', async () => {
    const page = await open('', {}, (p) => p.route('**/assets/atlas-data-*.json', (route) => route.abort()));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The projects’ records could not load' }).count()).toBe(1);
    expect(await projectsInStatus(page)).toBe(expected.projects);
    const [period, n] = Object.entries(expected.periods)[0];
    await checkbox(page, 'Period', new RegExp(`^${period}`)).click();
    await expect.poll(() => projectsInStatus(page)).toBe(n);
    expect(await page.getByRole('region', { name: /map/i }).count()).toBeGreaterThan(0);
    // The cooperation network comes from the data worker: drawn without the records, its strongest
    // 1,000 pairs of the thousands there are, as its table and its note say.
    await page.getByRole('checkbox', { name: 'Show the cooperation network' }).check();
    const section = page.locator('section[aria-labelledby="strongest-pairs"]');
    await expect.poll(() => section.locator('.note').textContent()).toMatch(/^The map and the table show the 1,000 strongest of [\d,]+ pairs\.$/);
    expect(await section.locator('tbody tr').count()).toBe(1000);
    const drawn = () => page.evaluate(() => new Set(window.__atlasMap!.querySourceFeatures('network').map((f) => `${f.properties.a}|${f.properties.b}`)).size);
    await expect.poll(drawn).toBeGreaterThan(900);
    expect(await drawn()).toBeLessThanOrEqual(1000);
    // The list comes from the data worker; the workbook of the selection says why it cannot come.
    await page.getByRole('button', { name: 'List of projects' }).click();
    await expect.poll(() => page.locator('table.projects tbody tr').count(), { timeout: 30_000 }).toBe(200);
    await page.close();
  });

  it('lists a municipality’s projects in its profile without the records, a page at a time, and says what needs them', async () => {
    const [id, n] = Object.entries(expected.municipalities).filter(([, count]) => count > 200).sort((a, b) => a[1] - b[1])[0];
    const page = await open(`?view=profile&municipality=${id}`, {}, (p) => p.route('**/assets/atlas-data-*.json', (route) => route.abort()));
    const profile = page.locator('.profile');
    await expect.poll(() => profile.locator('.note').filter({ hasText: 'The projects’ records could not load' }).count()).toBe(1);
    const rows = profile.locator('.project-buttons [data-project]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(200);
    await profile.getByRole('button', { name: `Show ${Math.min(200, n - 200)} more (of ${(n - 200).toLocaleString('en-GB')})` }).click();
    await expect.poll(() => rows.count()).toBe(Math.min(400, n));
    const first = (await rows.first().getAttribute('data-project'))!;
    await rows.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(first);
    await page.close();
  });

  it('says on a phone, beside the status line, that the records cannot come: no sheet has to be opened', async () => {
    const page = await open('', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, (p) => p.route('**/assets/atlas-data-*.json', (route) => route.abort()));
    const note = page.getByRole('navigation').getByRole('alert').filter({ hasText: 'The projects’ records could not load' });
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  it('recounts the overview’s circles for a filter without the projects’ records, as the municipality chart counts', async () => {
    const page = await open('', {}, (p) => p.route('**/assets/atlas-data-*.json', (route) => route.abort()));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The projects’ records could not load' }).count()).toBe(1);
    const [top, all] = Object.entries(expected.municipalities).sort((a, b) => b[1] - a[1])[0];
    const circle = () =>
      page.evaluate((m) => {
        const map = window.__atlasMap!;
        const f = map.querySourceFeatures('site-counts').find((x) => x.properties.municipality === m);
        return f ? Number(map.getFeatureState({ source: 'site-counts', id: f.id! }).count) : null;
      }, top);
    await expect.poll(circle).toBe(all);
    await checkbox(page, 'Period', new RegExp(`^${Object.keys(expected.periods)[0]}`)).click();
    const name = readMunicipalityName(top);
    const inChart = async () => {
      const labels = await page.locator('section[aria-labelledby="chart-municipalities"] svg [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
      return Number(/: (\d+) projects/.exec(labels.find((l) => l.startsWith(`${name} (`)) ?? '')?.[1] ?? NaN);
    };
    await expect.poll(inChart).toBeLessThan(all);
    await expect.poll(circle).toBe(await inChart());
    await page.close();
  });

  it('keeps the first view, and names the file, when the data worker cannot read the columns', async () => {
    const page = await open('', {}, (p) => p.route('**/assets/atlas-columns-*.arrow', (route) => route.abort()));
    const alert = page.getByRole('alert').filter({ hasText: 'The projects could not load' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/atlas-columns-[\w-]+\.arrow/);
    await checkbox(page, 'Period', new RegExp(`^${Object.keys(expected.periods)[0]}`)).click();
    expect(await projectsInStatus(page)).toBe(expected.projects);
    expect(await page.getByRole('region', { name: /map/i }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps a file opened before the projects arrive on show when they do', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const page = await open('', {}, (p) => p.route('**/assets/atlas-data-*.json', async (route) => (await held, route.continue())));
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-tiled-')), 'mine.csv');
    writeFileSync(file, 'Project ID,Project name,Programming period\nMINE.1,My own project,2014-2020\n');
    await page.getByLabel('Open a list of operations').setInputFiles(file);
    await expect.poll(() => projectsInStatus(page), { timeout: 20_000 }).toBe(1);
    release();
    await page.waitForFunction(() => performance.getEntriesByName('atlas:projects').length === 1, null, { timeout: 60_000 });
    expect(await projectsInStatus(page)).toBe(1);
    await page.getByRole('region', { name: 'Your file' }).getByRole('button', { name: /back/i }).click();
    await expect.poll(() => projectsInStatus(page)).toBe(expected.projects);
    await page.close();
  });

  it('opens the list on the first view with a loading state, never an empty table, then shows the rows', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The records and the lists' rows held back: nothing can list the projects yet.
    const page = await open('?view=list', {}, (p) => p.route(/\/assets\/atlas-(data|rows)-/, async (route) => (await held, route.continue())));
    const loading = page.locator('[aria-busy="true"]').filter({ hasText: 'The projects are loading…' });
    await expect.poll(() => loading.count()).toBe(1);
    expect(await page.locator('table.projects').count()).toBe(0);
    // Share and export: the downloads need no records (they read the shards of whole projects), only the selection counted.
    await page.getByRole('button', { name: 'Share and export', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Projects as CSV (opens in Excel)' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: `Download the ${expected.projects.toLocaleString('en-GB')} projects of this view` }).count()).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    release();
    // The rows, 200 at a time.
    await expect.poll(() => page.locator('table.projects tbody tr').count(), { timeout: 60_000 }).toBe(Math.min(200, expected.projects));
    expect(await loading.count()).toBe(0);
    expect(expected.projects).toBeGreaterThan(1000);
    await page.getByRole('button', { name: `Show 200 more (of ${(expected.projects - 200).toLocaleString('en-GB')})` }).click();
    await expect.poll(() => page.locator('table.projects tbody tr').count()).toBe(400);
    await page.close();
  });

  it('filters by period: the status line, the charts and the sites drawn follow, pixel by pixel', async () => {
    const [period, n] = Object.entries(expected.periods).sort((a, b) => a[1] - b[1])[0];
    // Full density, as the pixels are read; a large window, for many sites.
    const page = await openLoaded(`?map=${DETAIL_ZOOM}/43.2/22.7`, { deviceScaleFactor: 1, viewport: { width: 1500, height: 1100 } });
    await checkbox(page, 'Period', new RegExp(`^${period}`)).check();
    await expect.poll(() => projectsInStatus(page)).toBe(n);
    // The theme chart's bars add up to the selection.
    const bars = await page.locator('section[aria-labelledby="chart-themes"] svg [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    expect(bars.reduce((sum, label) => sum + Number(/(\d+) projects?$/.exec(label)?.[1] ?? 0), 0)).toBe(n);
    const sites = await isolatedSites(page);
    const colours = await pixelsAt(page, sites);
    // Each lone site in the middle of the map: its theme's colour when its project is of the period, none otherwise.
    const drawn = sites.map((s, i) => near(colours[i], light.themes[s.theme]));
    expect(drawn).toEqual(sites.map((s) => s.period === period));
    expect(drawn.filter(Boolean).length).toBeGreaterThan(3);
    expect(drawn.filter((d) => !d).length).toBeGreaterThan(3);
    await page.close();
  });

  it('draws the sites when the link opens with the cooperation network on (its lines still loading when the points come)', async () => {
    const page = await openLoaded(`?map=${DETAIL_ZOOM}/43.2/22.7&network=1`, { deviceScaleFactor: 1, viewport: { width: 1100, height: 850 } });
    const sites = await isolatedSites(page);
    const colours = await pixelsAt(page, sites);
    expect(sites.length).toBeGreaterThan(3);
    expect(sites.map((s, i) => near(colours[i], light.themes[s.theme]))).toEqual(sites.map(() => true));
    await page.close();
  });

  it('opens the project of a site clicked on the map, and points at it when hovered', async () => {
    const page = await openLoaded(`?map=${DETAIL_ZOOM}/43.2/22.7`);
    const [site] = await isolatedSites(page);
    const canvas = await page.locator('.map canvas').boundingBox();
    await page.mouse.move(canvas!.x + site.x, canvas!.y + site.y);
    await expect.poll(() => page.locator('.map canvas').evaluate((c) => (c as HTMLElement).style.cursor)).toBe('pointer');
    await page.mouse.click(canvas!.x + site.x, canvas!.y + site.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(site.project);
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.close();
  });

  it('opens a clicked site’s project whole from its shard when the records cannot come, and says why when its shard cannot', async () => {
    const page = await open(`?map=${DETAIL_ZOOM}/43.2/22.7`, {}, (p) => p.route('**/assets/atlas-data-*.json', (route) => route.abort()));
    const [site, other] = await isolatedSites(page);
    const records = builtRecords().projects;
    const canvas = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(canvas.x + site.x, canvas.y + site.y);
    const project = records.find((p) => p.id === site.project)!;
    await expect.poll(() => page.getByRole('dialog', { name: project.title.en! }).count(), { timeout: 30_000 }).toBe(1);
    expect(server.log.some((r) => /^\/details\/[0-9a-f]{12}\/\d+\.json\.gz$/.test(r.path) && r.status === 200)).toBe(true);
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.route('**/details/**', (route) => route.abort());
    await page.mouse.click(canvas.x + other.x, canvas.y + other.y);
    const note = page.locator('.panel.details[role="alert"] p');
    await expect.poll(() => note.textContent()).toMatch(new RegExp(`^Project “${other.project.replace(/\./g, '\\.')}”: .*details/`));
    await page.close();
  });

  it('searches titles with the build’s word shards: as many projects as the generator wrote with the word', async () => {
    const page = await openLoaded();
    const box = page.getByRole('searchbox', { name: /search/i });
    await box.fill(expected.search.word);
    await expect.poll(() => projectsInStatus(page), { timeout: 30_000 }).toBe(expected.search.projects);
    // Only the shards that can hold the word were read, not the index.
    const shards = server.log.filter((r) => /\/search\/[0-9a-f]{12}\/\d+\.arrow$/.test(r.path) && r.status === 200);
    expect(shards.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('opens a project’s dialog with its partners, its details fetched from a shard', async () => {
    const sample = expected.sample[3];
    const page = await openLoaded(`?project=${encodeURIComponent(sample.id)}`);
    const dialog = page.getByRole('dialog', { name: sample.title });
    await expect.poll(() => dialog.count()).toBe(1);
    for (const partner of sample.partners) await expect.poll(() => dialog.getByText(partner).count()).toBe(1);
    await expect.poll(() => dialog.getByRole('heading', { name: 'Sources' }).count()).toBe(1);
    expect(server.log.some((r) => r.path.startsWith('/details/') && r.status === 200)).toBe(true);
    await page.close();
  });

  it('exports the selection as CSV, one row per project of the period', async () => {
    const [period, n] = Object.entries(expected.periods).sort((a, b) => a[1] - b[1])[0];
    const page = await openLoaded(`?period=${period}`);
    await expect.poll(() => projectsInStatus(page)).toBe(n);
    await page.getByRole('button', { name: 'Share and export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('dialog').getByRole('button', { name: /as CSV/ }).click()]);
    const rows = readFileSync((await (download as Download).path())!, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(n + 1);
    expect(rows.slice(1).every((r) => r.includes(`,${period},`))).toBe(true);
    await page.close();
  });
});

describe('the same dataset without its records in the page (refused here; left out of a build too large for them): the lists come from the data worker', () => {
  const noRecords = (p: Page) => p.route('**/assets/atlas-data-*.json', (route) => route.abort());
  const rows = (page: Page) => page.locator('table.projects tbody tr');
  const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 60_000 });

  it('downloads the selection as CSV from the shards of whole projects, one row per project of the period with its partners', async () => {
    const [period, n] = Object.entries(expected.periods).sort((a, b) => a[1] - b[1])[0];
    const page = await open(`?period=${period}`, { acceptDownloads: true }, noRecords);
    await expect.poll(() => projectsInStatus(page)).toBe(n);
    await page.getByRole('button', { name: 'Share and export' }).click();
    const csv = page.getByRole('dialog').getByRole('button', { name: /as CSV/ });
    await expect.poll(() => csv.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), csv.click()]);
    const lines = readFileSync((await (download as Download).path())!, 'utf8').trim().split('\r\n').slice(1);
    // The oracle: the records of the build, which this page never read.
    const records = new Map(builtRecords().projects.filter((p) => p.period === period).map((p) => [p.id, p]));
    expect(lines.map((line) => line.split(',')[0]).sort()).toEqual([...records.keys()].sort());
    for (const line of lines.slice(0, 50)) {
      const project = records.get(line.split(',')[0])!;
      for (const partner of project.partners) expect(line).toContain(partner.name);
    }
    await page.close();
  });

  it('lists the selection a page at a time, in the order the language sorts the titles, and follows a filter', async () => {
    const page = await open('?view=list', {}, noRecords);
    await expect.poll(() => rows(page).count(), { timeout: 60_000 }).toBe(200);
    expect(await page.getByRole('button', { name: `Show 200 more (of ${(expected.projects - 200).toLocaleString('en-GB')})` }).count()).toBe(1);
    // The oracle: the records of the build that has them, titles collated as the English page collates.
    const records = builtRecords().projects;
    expect(records.every((p) => p.title.en)).toBe(true);
    const collate = new Intl.Collator(PROGRAMME.languages.find((l) => l.id === 'en')!.intl).compare;
    const byTitle = (ps: typeof records) => [...ps].sort((a, b) => collate(a.title.en!, b.title.en!) || (a.id < b.id ? -1 : 1)).map((p) => p.title.en);
    await page.getByRole('button', { name: /^Project/ }).click();
    await expect.poll(() => page.locator('table.projects th[aria-sort="ascending"]').count()).toBe(1);
    await settled(page);
    expect(await rows(page).locator('th').evaluateAll((ths) => ths.slice(0, 8).map((th) => th.textContent))).toEqual(byTitle(records).slice(0, 8));
    const [period, n] = Object.entries(expected.periods).sort((a, b) => a[1] - b[1])[0];
    await checkbox(page, 'Period', new RegExp(`^${period}`)).click();
    await expect.poll(() => page.locator('.table-wrap .more').textContent()).toBe(`Show 200 more (of ${(n - 200).toLocaleString('en-GB')})`);
    await settled(page);
    expect(await rows(page).locator('th').evaluateAll((ths) => ths.slice(0, 8).map((th) => th.textContent))).toEqual(byTitle(records.filter((p) => p.period === period)).slice(0, 8));
    expect(server.log.some((r) => /\/assets\/atlas-rows-/.test(r.path) && r.status === 200)).toBe(true);
    // A row opens its project whole, from its compressed shard: its partners are the records'.
    const firstTitle = byTitle(records.filter((q) => q.period === period))[0];
    const first = records.find((p) => p.title.en === firstTitle)!;
    await rows(page).first().getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: first.title.en! });
    await expect.poll(() => dialog.count(), { timeout: 30_000 }).toBe(1);
    for (const partner of first.partners) expect(await dialog.getByText(partner.name, { exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('says why the list cannot come when its rows are refused, while the filters and the dialogs work', async () => {
    const page = await open('?project=NO.SUCH.PROJECT', {}, (p) => p.route(/\/assets\/atlas-(data|rows)-/, (route) => route.abort()));
    // An id no shard holds: said, not loading for ever.
    await expect.poll(() => page.locator('.panel.details[role="alert"] p').textContent(), { timeout: 30_000 }).toBe('No project has the id “NO.SUCH.PROJECT”.');
    await page.getByRole('button', { name: 'Close' }).click();
    const [period, n] = Object.entries(expected.periods)[0];
    await checkbox(page, 'Period', new RegExp(`^${period}`)).click();
    await expect.poll(() => projectsInStatus(page), { timeout: 60_000 }).toBe(n);
    await page.getByRole('button', { name: 'List of projects' }).click();
    await expect.poll(() => page.locator('.table-wrap').getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^The project lists could not load \(.*atlas-rows-[\w-]+\.arrow/);
    await page.close();
  });
});
