/**
 * A second programme proves the atlas knows none in its code: the made-up three-country "Trio"
 * fixture (test/fixtures/trio: its own descriptor, synthetic boundaries and gazetteer, two periods,
 * a Greek-script language) is compiled with `npm run data`, built with ATLAS_DATA and checked in
 * real Chromium: map, filters, charts, a municipality profile, the network across all three
 * countries and its story.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atlasBrowser, drawnSites, projectsInStatus, status } from './harness';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'test/fixtures/trio');
const RECORDS = readFileSync(join(FIXTURE, 'raw/projects.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { code: string; period: string; partners: { country: string }[] });

let server: PreviewServer;
let base = '';
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-trio-'));
  execFileSync('npx', ['tsx', 'data/build.ts', '--programme', FIXTURE, '--out', join(dir, 'data')], { cwd: ROOT });
  execFileSync('npx', ['vite', 'build', '--outDir', join(dir, 'site'), '--logLevel', 'error'], { cwd: ROOT, env: { ...process.env, ATLAS_DATA: join(dir, 'data'), NODE_ENV: 'production' } });
  server = await preview({ root: ROOT, build: { outDir: join(dir, 'site') }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  base = `http://127.0.0.1:${address.port}/`;
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const open = atlasBrowser(() => base);

describe('a second programme, of three countries', () => {
  it('draws its map, filters by its own periods and countries, and updates the charts', async () => {
    const page = await open('?lang=en');
    expect(await projectsInStatus(page)).toBe(RECORDS.length);
    expect(await page.getByRole('heading', { level: 1 }).locator('xpath=..').textContent()).toContain('Trio');
    // One site per located partner's settlement: 12 (the partner in "Nowhere" is reported, not placed).
    await expect.poll(async () => (await drawnSites(page)).length).toBe(12);
    const periods = page.getByRole('group', { name: 'Period' });
    expect(await periods.getByRole('checkbox').count()).toBe(3); // its two periods and "period unknown"
    await periods.getByRole('checkbox', { name: /^2028-2034/ }).check();
    const later = RECORDS.filter((r) => r.period === '2028-2034');
    await expect.poll(() => projectsInStatus(page)).toBe(later.length);
    await expect.poll(async () => new Set((await drawnSites(page)).map((s) => s.project)).size).toBe(later.length);
    // The municipality chart follows: bars only for the places of the selection.
    await expect.poll(() => page.getByRole('button', { name: /^Dumo \(XB\):/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Fenn \(XC\):/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Clear all' }).click();
    const countries = page.getByRole('group', { name: 'Country' });
    expect(await countries.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.parentElement!.textContent!.replace(/\s*\(\d+\)$/, '')))).toEqual(['Aria', 'Bora', 'Cima']);
    await countries.getByRole('checkbox', { name: /^Cima/ }).check();
    await expect.poll(() => projectsInStatus(page)).toBe(RECORDS.filter((r) => r.partners.some((p) => p.country === 'XC')).length);
    await expect.poll(() => page.getByRole('button', { name: /^Dumo \(XB\):/ }).count()).toBe(0);
    await page.close();
  });

  it('shows a municipality profile, with its partners in both other countries', async () => {
    const page = await open('?lang=en&view=profile&municipality=XA-ardo');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Ardo / Άρδο' }).count()).toBe(1);
    const profile = page.getByRole('complementary', { name: 'Municipality profile' });
    const text = await profile.textContent();
    expect(text).toContain('Corra');
    expect(text).toContain('Eska');
    await page.close();
  });

  it('draws the cooperation network across all three countries', async () => {
    const page = await open('?lang=en&network=1');
    const pairs = async () =>
      page.evaluate(() => [...new Set(window.__atlasMap!.querySourceFeatures('network').map((f) => `${String(f.properties.a).slice(0, 2)}|${String(f.properties.b).slice(0, 2)}`))].sort());
    await expect.poll(pairs).toEqual(['XA|XB', 'XA|XC', 'XB|XC']);
    await page.close();
  });

  it('speaks its Greek-script language: titles, place names and map labels', async () => {
    const page = await open('?lang=el&view=list');
    const table = page.getByRole('table');
    await expect.poll(() => table.textContent()).toContain('Καθαρισμός τριών ποταμών');
    expect(await table.textContent()).toContain('Αθλητικές συναντήσεις');
    const label = await page.evaluate(() => JSON.stringify(window.__atlasMap!.getLayoutProperty('place-labels', 'text-field')));
    expect(label).toContain('name_Grek');
    expect(await status(page)).toMatch(/^6 projects/);
    await page.close();
  });

  it('plays its story, step by step', async () => {
    const page = await open('?lang=en&present=trio-tour');
    await expect.poll(() => page.locator('.presenter').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#presenter-title').textContent()).toBe('Corra');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#presenter-title').textContent()).toBe('Ardo – Eska');
    expect(await page.locator('.presenter-number strong').textContent()).toBe('1');
    await page.close();
  });
});
