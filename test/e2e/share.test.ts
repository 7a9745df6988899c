/** Share, export and embed, in real Chromium against the built app. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { RAW } from './raw';

const BASE = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(search = '') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', acceptDownloads: true });
  await page.goto(BASE + search);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
  return page;
}

const projectsInStatus = async (page: Page) => Number((await page.getByRole('status').textContent())!.match(/^(\d+) project/)![1]);
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
    const expectedPoints = await page.evaluate(() =>
      window.__atlasMap!.querySourceFeatures('sites').filter((f) => !window.__atlasMap!.getFeatureState({ source: 'sites', id: f.id! }).out).map((f) => f.id),
    );
    expect(geojson.features).toHaveLength(new Set(expectedPoints).size);
    await page.close();
  });

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
