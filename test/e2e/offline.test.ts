/**
 * Offline after one visit: a service worker precaches the build. The proof stops the server
 * itself (Playwright's setOffline does not stop service-worker fetches), then reloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { launchChromium } from './browser';
import { drawnSites } from './harness';
import { RAW } from './raw';

let browser: Browser;
let server: PreviewServer | null = null;
let base = '';
beforeAll(async () => {
  browser = await launchChromium();
  // Its own server on its own port (the build is the one the global setup made).
  server = await preview({ root: new URL('../..', import.meta.url).pathname, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/`;
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('offline', () => {
  it('shows the map, the data and the status line with the server stopped', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${base}?period=2014-2020`);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await server!.close();
    server = null;
    await expect(fetch(base)).rejects.toThrow();

    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
    const expected = RAW.filter((r) => r.period === '2014-2020').length;
    expect(await page.getByRole('status').first().textContent()).toMatch(new RegExp(`^${expected} projects · \\d+ on the map`));
    expect((await drawnSites(page)).length).toBeGreaterThan(50);
    await context.close();
  });
});
