/**
 * Offline after one visit, and updates, through the Workbox service worker of the build (a copy
 * of dist/ served as a static host serves it). The proofs stop the server itself (Playwright's
 * setOffline does not stop service-worker fetches), or change the files it serves.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { drawnSites } from './harness';
import { englishTitle, RAW } from './raw';
import { serveStatic, type StaticServer } from './static-server';

let browser: Browser;
const servers: StaticServer[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
  await browser?.close();
});

/** A copy of the build, served: the tests change or stop it, never dist/ itself. */
async function deployed() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
  cpSync(new URL('../../dist', import.meta.url).pathname, dir, { recursive: true });
  const server = await serveStatic(dir);
  servers.push(server);
  return { dir, server };
}

/** A page that lets the service worker run, resolved once the map has drawn and the worker controls the page. */
async function visit(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', serviceWorkers: 'allow', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return page;
}

const ready = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });

describe('offline', () => {
  it('shows the map, the data, the status line and a project opened before, with the server stopped', async () => {
    const { server } = await deployed();
    const raw = RAW.find((r) => r.code === 'CB007.2.32.079')!;
    const page = await visit(`${server.url}?period=2014-2020`);
    // The dialogs' code, fetched apart once the map has drawn (before the worker controlled the page), is in the offline cache after this one visit.
    const dialogs = await page.evaluate(async () => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /\/(AboutDialog|MunicipalityProfile|ProjectDialog|ShareDialog|TourEditor)-[\w-]+\.js$/.test(url));
      return Promise.all(urls.map(async (url) => [url.split('/').pop(), !!(await caches.match(url))]));
    });
    expect(dialogs).toHaveLength(5);
    expect(dialogs.filter(([, cached]) => !cached)).toEqual([]);
    // A project's details come from a shard the page fetches when it opens (cached as it is fetched).
    await page.goto(`${server.url}?project=${raw.code}`);
    const dialog = page.getByRole('dialog', { name: englishTitle(raw)! });
    await expect.poll(() => dialog.textContent()).toContain(raw.sources[0]);
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();

    await page.goto(`${server.url}?period=2014-2020`);
    await ready(page);
    const expected = RAW.filter((r) => r.period === '2014-2020').length;
    expect(await page.getByRole('status').first().textContent()).toMatch(new RegExp(`^${expected} projects · \\d+ on the map`));
    expect((await drawnSites(page)).length).toBeGreaterThan(50);

    await page.goto(`${server.url}?project=${raw.code}`);
    await ready(page);
    await expect.poll(() => dialog.textContent()).toContain(raw.sources[0]);
    for (const partner of raw.partners ?? []) expect(await dialog.textContent()).toContain(partner.name);
    await page.keyboard.press('Escape');

    // The QR encoder was never fetched: offline, the share dialog says why there is no code, never shows an empty one.
    await page.getByRole('button', { name: 'Share and export' }).click();
    const share = page.getByRole('dialog', { name: 'Share and export this view' });
    await expect.poll(() => share.textContent()).toContain('The QR code cannot be drawn without a connection');
    expect(await share.getByRole('img', { name: /QR code/ }).count()).toBe(0);
    await page.context().close();
  });
});

describe('a new version', () => {
  it('waits until the page is reloaded from its notice, and downloads only what changed', async () => {
    const { dir, server } = await deployed();
    const page = await visit(server.url);
    const before = server.log.length;

    // Deploy a new version in which only the page changed: its precache revision changes with it.
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', '<head><meta name="atlas-version" content="2">');
    writeFileSync(join(dir, 'index.html'), html);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const entry = /\{"revision":"[0-9a-f]+","url":"index\.html"\}/;
    expect(sw).toMatch(entry);
    writeFileSync(join(dir, 'sw.js'), sw.replace(entry, JSON.stringify({ revision: createHash('md5').update(html).digest('hex'), url: 'index.html' })));

    // The next visit still shows the running version, and says a new one is ready.
    await page.reload();
    await ready(page);
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the atlas is ready.' });
    await notice.waitFor();
    expect(await page.locator('meta[name="atlas-version"]').count()).toBe(0);

    await notice.getByRole('button', { name: 'Reload now' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name="atlas-version"]')?.getAttribute('content') === '2', null, { timeout: 30_000 });
    await ready(page);
    expect(await notice.count()).toBe(0);
    // Only the page and the worker were downloaded again: every hashed file came from the cache.
    expect(server.log.slice(before).filter((r) => r.path.includes('/assets/'))).toEqual([]);
    await page.context().close();
  });
});
