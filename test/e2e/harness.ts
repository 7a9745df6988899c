/** Shared end-to-end plumbing: one Chromium per test file, opening the atlas, reading pixels. */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { light } from '../../src/palette/flavors';
import { isSiteLayer } from '../../src/map/sources';
import { launchChromium } from './browser';

export const BASE = inject('baseUrl');

/**
 * Starts Chromium for the file's tests and returns an opener for pages of the built atlas (at `base`, a function for a server started later).
 * Pages with the same options share a browser context (the atlas keeps nothing in storage but a
 * tour draft, which a test that writes one keeps to a context of its own): its
 * HTTP and compiled-code caches make each later page cheaper to open, as a second visit is.
 */
export function atlasBrowser(base: () => string = () => BASE) {
  let browser: Browser;
  const contexts = new Map<string, Promise<BrowserContext>>();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  /**
   * A fresh page on `search`, resolved once the map has drawn ('atlas:ready'); `prepare` runs
   * before the navigation (e.g. to serve other data). With `clock`, the page's time is Playwright's
   * (it runs as usual until the test jumps it forward); the clock belongs to a whole context, so
   * such pages get one of their own, and as its `performance` keeps no marks, "drawn" is the map's own word.
   */
  return async function open(search = '', options: BrowserContextOptions & { clock?: boolean } = {}, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
    // Reduced motion unless a test asks otherwise: the camera jumps and labels appear at once, so a
    // test waits on fewer frames (each costs the software WebGL tens of milliseconds). Half the
    // density unless a test reads pixels: layout and positions are the same, a frame costs a quarter.
    const { clock, ...settings }: BrowserContextOptions & { clock?: boolean } = { viewport: { width: 1400, height: 900 }, deviceScaleFactor: 0.5, locale: 'en-GB', serviceWorkers: 'block', reducedMotion: 'reduce', ...options };
    const key = JSON.stringify({ clock, settings });
    if (!contexts.has(key)) contexts.set(key, browser.newContext(settings).then(async (context) => (clock && (await context.clock.install()), context)));
    const page = await (await contexts.get(key)!).newPage();
    await prepare?.(page);
    await page.goto(base() + search);
    if (clock) await page.waitForFunction(() => window.__atlasMap?.loaded(), null, { timeout: 30_000 });
    else await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
    return page;
  };
}

/**
 * A PNG decoded in the page (its canvas does it), then read: how many pixels are near each named
 * colour (sum of channel differences < 40) within rows [top, bottom) sampling every `step`-th
 * pixel, and the colours at some points.
 */
function readPng(page: Page, png: Buffer, query: { colours: Record<string, string>; crop: { top?: number; bottom?: number; step?: number }; points: readonly { x: number; y: number }[] }) {
  return page.evaluate(
    async ({ b64, colours, crop, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.width, img.height];
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const top = crop.top ?? 0;
      const bottom = crop.bottom ?? img.height;
      const { data } = ctx.getImageData(0, top, img.width, bottom - top);
      const targets = Object.entries(colours).map(([name, hex]) => [name, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
      const counts = Object.fromEntries(targets.map(([name]) => [name, 0]));
      if (targets.length) {
        for (let i = 0; i < data.length; i += 4 * (crop.step ?? 1)) {
          for (const [name, r, g, b] of targets) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) counts[name]++;
        }
      }
      const at = points.map(({ x, y }) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)]);
      return { counts, at, width: img.width, height: img.height };
    },
    { b64: png.toString('base64'), ...query },
  );
}

/** How many pixels of a PNG are near each named colour, optionally within rows [top, bottom) and sampling every `step`-th pixel. */
export const colourCounts = (page: Page, png: Buffer, colours: Record<string, string>, crop: { top?: number; bottom?: number; step?: number } = {}) => readPng(page, png, { colours, crop, points: [] });

/** The colour of the map's pixels at points of its canvas (CSS pixels), as [r, g, b]. */
export const pixelsAt = async (page: Page, points: readonly { x: number; y: number }[]): Promise<number[][]> =>
  (await readPng(page, await page.locator('.map canvas').screenshot(), { colours: {}, crop: {}, points })).at;

/** The map's colours that the pixel checks look for, from the one palette. */
export const MAP_COLOURS = { area: light.area, border: light.state_border, tourism: light.themes['tourism-heritage'], environment: light.themes['environment-risk'] };

/** Ids of the map's site layers (one per spiral slot of a stack). */
export const siteLayers = async (page: Page) => (await page.evaluate(() => window.__atlasMap!.getLayersOrder())).filter(isSiteLayer);

/**
 * Resolves once the map has drawn everything and stands still. It resolves with nothing: the idle
 * event holds the whole map, which Playwright would serialise back (seconds of a busy page).
 */
export const mapIdle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => (window.__atlasMap!.loaded() && !window.__atlasMap!.isMoving() ? resolve() : window.__atlasMap!.once('idle', () => resolve()))));

/** Resolves once nothing on the page says it is still loading (aria-busy), as a screen reader would hear it. */
export const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));

/** The status line's text, and the number of projects it counts. */
export const status = (page: Page) => page.getByRole('status').textContent();
export const projectsInStatus = async (page: Page) => Number((await status(page))!.match(/^(\d+) project/)![1]);

/** The site points shown on the map now (filtered-out ones are transparent), with screen positions. */
export async function drawnSites(page: Page) {
  const layers = await siteLayers(page);
  return page.evaluate((layers) => {
    const map = window.__atlasMap!;
    const shown = map.queryRenderedFeatures({ layers }).filter((f) => !map.getFeatureState({ source: 'sites', id: f.id! }).out);
    return shown.map((f) => {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      const { x, y } = map.project([lon, lat]);
      return { id: Number(f.id), project: String(f.properties.project), slot: Number(f.properties.slot), x, y };
    });
  }, layers);
}
