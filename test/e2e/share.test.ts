/** Share, export and embed, in real Chromium against the built app. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import type { Download, Page } from 'playwright-core';
import { light } from '../../src/palette/flavors';
import { atlasBrowser, colourCounts, drawnSites, MAP_COLOURS, projectsInStatus } from './harness';
import { RAW } from './raw';

const openAtlas = atlasBrowser();
// Full density: the exported images are checked pixel by pixel.
const open = (search = '') => openAtlas(search, { acceptDownloads: true, deviceScaleFactor: 1 });

const downloaded = async (download: Download) => readFileSync((await download.path())!);

describe('share, export, embed', () => {
  it('downloads the selection as UTF-8 CSV with a BOM and as GeoJSON, named after the view', async () => {
    const page = await open('?period=2014-2020&municipality=RS-70939');
    const expected = RAW.filter((r) => r.period === '2014-2020' && (r.partners ?? []).some((p) => p.country === 'RS' && (p.town === 'Pirot' || p.municipality === 'Pirot')));
    await expect.poll(() => projectsInStatus(page)).toBe(expected.length);
    await page.getByRole('button', { name: 'Share and export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share and export this view' });

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /as CSV/ }).click()]);
    expect(csvDownload.suggestedFilename()).toBe('atlas-pirot-2014-2020.csv');
    const bytes = await downloaded(csvDownload);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('id,code,acronym,title_en,title_bg,title_sr,period,theme')).toBe(true);
    expect(lines).toHaveLength(expected.length + 1);
    for (const r of expected.filter((x) => x.code)) expect(text).toContain(r.code!);

    const [geoDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /as GeoJSON/ }).click()]);
    expect(geoDownload.suggestedFilename()).toBe('atlas-pirot-2014-2020.geojson');
    const geojson = JSON.parse((await downloaded(geoDownload)).toString('utf8'));
    expect(geojson.type).toBe('FeatureCollection');
    const expectedPoints = new Set((await drawnSites(page)).map((s) => s.id));
    expect(geojson.features).toHaveLength(expectedPoints.size);
    await page.close();
  });

  it('downloads the selection as a list-of-operations workbook that imports back, with an About sheet', async () => {
    const page = await open('?period=2014-2020&theme=tourism-heritage');
    const n = await projectsInStatus(page);
    expect(n).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Share and export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share and export this view' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Excel workbook/ }).click()]);
    expect(download.suggestedFilename()).toBe('atlas-2014-2020-tourism-heritage.xlsx');
    const file = (await download.path())!;
    const sheets = (await readXlsxFile(readFileSync(file))) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((x) => x.sheet)).toEqual(['Operations', 'Partners', 'About']);
    // A title row, the header, then one operation per project of the status line.
    const operations = sheets[0].data;
    expect(operations[1].slice(0, 3)).toEqual(['Operation ID', 'Atlas ID', 'Operation name']);
    expect(operations.length - 2).toBe(n);
    const about = Object.fromEntries(sheets[2].data.map(([k, v]) => [k, v]));
    expect(about.Filters).toBe('2014-2020; Tourism and heritage');
    expect(about.Projects).toBe(String(n));
    expect(about['Link to this view']).toBe(page.url());
    // npm run import reads it back into as many projects.
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-workbook-')), 'data');
    const xlsx = `${out}.xlsx`;
    copyFileSync(file, xlsx);
    const run = spawnSync('npx', ['tsx', 'scripts/import.ts', '--out', out, xlsx], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${n} records read, ${n} added`);
    expect(JSON.parse(readFileSync(join(out, 'atlas-data.json'), 'utf8')).projects).toHaveLength(n);
    await page.close();
  }, 60_000);

  it('gives the exact link with a QR code, and an embed snippet that reproduces the view', async () => {
    const page = await open('?period=2007-2013&theme=tourism-heritage');
    const count = await projectsInStatus(page);
    await page.getByRole('button', { name: 'Share and export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share and export this view' });
    expect(await dialog.getByRole('textbox', { name: 'Link to this view' }).inputValue()).toBe(page.url());
    expect(await dialog.getByRole('img', { name: /QR code/ }).locator('path').getAttribute('d')).toMatch(/^M\d+,\d+h1v1h-1z/);
    const snippet = await dialog.getByRole('textbox', { name: 'Embed code for your website' }).inputValue();
    const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
    expect(new URL(src).searchParams.get('embed')).toBe('1');

    const embed = await open(new URL(src).search);
    expect(await projectsInStatus(embed)).toBe(count);
    expect(await embed.getByRole('group', { name: 'Period' }).count()).toBe(0);
    expect(await embed.getByRole('button', { name: 'Share and export' }).count()).toBe(0);
    expect(await embed.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap contributors');
    const full = embed.getByRole('link', { name: 'Open in the full atlas' });
    expect(new URL((await full.getAttribute('href'))!).searchParams.has('embed')).toBe(false);
    expect(await embed.evaluate(() => window.__atlasMap!.cooperativeGestures.isEnabled())).toBe(true);
    await embed.close();
    await page.close();
  });
});

/** Exports the map of the page as PNG through the share dialog. */
async function mapPng(page: Page) {
  await page.getByRole('button', { name: 'Share and export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and export this view' });
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: /PNG image/ }).click()]);
  return { name: png.suggestedFilename(), bytes: await downloaded(png) };
}

describe('map image', () => {
  // A wide, low window: the image keeps the map's framing, so it has fewer rows for the software WebGL to draw.
  const openWide = (search: string) => openAtlas(search, { acceptDownloads: true, viewport: { width: 1600, height: 640 }, deviceScaleFactor: 1 });

  it('downloads a 3000 px wide PNG whose map area shows boundaries and sites', async () => {
    const page = await openWide('?period=2014-2020');
    const { name, bytes } = await mapPng(page);
    expect(name).toBe('atlas-2014-2020.png');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBe(3000);
    // Count colours in the map area only (below the header, above the attribution line).
    const { counts } = await colourCounts(page, bytes, MAP_COLOURS, { top: Math.round(width * 0.06), bottom: height - Math.round(width * 0.03), step: 4 });
    expect(height).toBeGreaterThan(1000);
    expect(counts.area).toBeGreaterThan(50_000);
    expect(counts.border).toBeGreaterThan(500);
    expect(counts.tourism).toBeGreaterThan(100);
    expect(counts.environment).toBeGreaterThan(50);
    await page.close();
  }, 180_000);

  it('keys the municipality colours in the PNG when the map colours municipalities', async () => {
    const page = await openWide('?period=2014-2020&layer=budget');
    const { bytes } = await mapPng(page);
    const width = bytes.readUInt32BE(16);
    const classes = Object.fromEntries(light.choropleth.map((c, i) => [`class${i}`, c]));
    const header = await colourCounts(page, bytes, classes, { bottom: Math.round(width * 0.06) });
    const map = await colourCounts(page, bytes, classes, { top: Math.round(width * 0.06), step: 4 });
    // Every class drawn on the map has its swatch in the key.
    for (const name of Object.keys(classes).filter((n) => map.counts[n] > 500)) expect(header.counts[name], name).toBeGreaterThan(200);
    expect(Object.values(map.counts).filter((n) => n > 500).length).toBeGreaterThanOrEqual(4);
    await page.close();
  }, 180_000);
});

describe('chart downloads', () => {
  it('says why a dialog cannot open while its code cannot come, with a Close, and opens it once the code comes', async () => {
    let refuse = true;
    const page = await openAtlas('', {}, (p) => p.route('**/assets/ShareDialog-*.js', (route) => (refuse ? route.abort() : route.continue())));
    await page.getByRole('button', { name: 'Share and export' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This part of the atlas could not be loaded:' });
    await expect.poll(() => alert.count()).toBe(1);
    await alert.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    refuse = false;
    await page.getByRole('button', { name: 'Share and export' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Share and export this view' }).count()).toBe(1);
    await page.close();
  });

  it('saves a chart as a standalone SVG and as a PNG', async () => {
    const page = await open('?period=2014-2020');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download “Budget per municipality” as SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('atlas-2014-2020-budget-per-municipality.svg');
    const text = (await downloaded(svg)).toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('font-family=');
    expect(text).toMatch(/Montana \(BG\)/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download “Budget per municipality” as PNG' }).click()]);
    const bytes = await downloaded(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
    await page.close();
  });
});
