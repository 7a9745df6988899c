/**
 * Phones, tablets and desktops, touch and keyboard, in real Chromium with mobile emulation: the
 * map first on a phone, sheets that Back closes, targets a finger can hit, nothing wider than the
 * screen, partner lines only for the project in hand, and the keyboard's ways to the map.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { light } from '../../src/palette/flavors';
import { DESKTOP, LANGUAGES, PHONE, switchLanguage } from './audit';
import { atlasBrowser, colourCounts, drawnSites, mapIdle, projectsInStatus } from './harness';
import { RAW } from './raw';

const open = atlasBrowser();
const TABLET = { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/** Visible controls smaller than 44×44 CSS px: buttons, selects, text inputs, summaries, checkboxes with their labels, map controls, links outside running text. */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const selector = 'button, select, input[type=search], input[type=file], summary, label:has(> input[type=checkbox]), .maplibregl-ctrl button, a:not(p a, li a, dd a, td a, .maplibregl-ctrl-attrib a)';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.checkVisibility() && !el.closest('.maplibregl-ctrl-attrib-inner') && !el.closest('[hidden]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  });

describe('on a phone (390×844, touch)', () => {
  it('opens on the map: at least 60 % of the height and 90 % of the width, nothing laid over it but its small controls', async () => {
    const page = await open('?lang=en', PHONE);
    const facts = await page.evaluate(() => {
      const map = document.querySelector('.map')!.getBoundingClientRect();
      const over = [...document.querySelectorAll<HTMLElement>('.maplibregl-ctrl, .in-view, .colour-by, .sheet, .panel')]
        .filter((el) => el.checkVisibility())
        .map((el) => el.getBoundingClientRect())
        .reduce((sum, r) => sum + Math.max(0, Math.min(r.right, map.right) - Math.max(r.left, map.left)) * Math.max(0, Math.min(r.bottom, map.bottom) - Math.max(r.top, map.top)), 0);
      return { height: map.height / innerHeight, width: map.width / innerWidth, covered: over / (map.width * map.height), status: document.querySelector('[role=status]')!.getBoundingClientRect().bottom <= innerHeight };
    });
    expect(facts.height).toBeGreaterThanOrEqual(0.6);
    expect(facts.width).toBeGreaterThanOrEqual(0.9);
    expect(facts.covered).toBeLessThan(0.1);
    expect(facts.status).toBe(true);
    expect(await page.locator('.top .actions').count()).toBe(0); // behind the menu button
    await page.close();
  });

  it(`in ${LANGUAGES.join(', ')} (switched in the menu): nothing wider than the screen, every target at least 44×44, in every sheet and in the menu`, async () => {
    const page = await open('?lang=en', PHONE);
    const tabs = page.locator('.tabbar .tabs button');
    const report: Record<string, { overflow: number; small: string[] }> = {};
    let lang = 'en';
    for (const next of LANGUAGES) {
      if (next !== lang) await switchLanguage(page, lang, next);
      lang = next;
      const check = async (name: string) => (report[`${lang}, ${name}`] = { overflow: await overflow(page), small: await smallTargets(page) });
      await check('map');
      await tabs.nth(0).tap();
      await page.getByRole('dialog').waitFor();
      await check('filters');
      await tabs.nth(1).tap();
      await check('charts');
      await tabs.nth(2).tap();
      await page.getByRole('table').first().waitFor();
      await check('list');
      await page.locator('.menu-button').tap();
      await page.locator('#page-actions').waitFor();
      await check('menu');
      // Back to the map, as the next language starts: the menu and the sheet closed, the list left.
      await page.keyboard.press('Escape');
      await page.locator('#page-actions').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await tabs.nth(2).tap();
      await page.getByRole('table').first().waitFor({ state: 'detached' });
    }
    expect(Object.keys(report)).toHaveLength(LANGUAGES.length * 5);
    for (const [name, { overflow: wider, small }] of Object.entries(report)) {
      expect(wider, name).toBeLessThanOrEqual(0);
      expect(small, name).toEqual([]);
    }
    await page.close();
  });

  it('draws the map at a 3× screen’s own density', async () => {
    const page = await open('?lang=en', { ...PHONE, deviceScaleFactor: 3 });
    const canvas = await page.evaluate(() => {
      const c = window.__atlasMap!.getCanvas();
      return { ratio: c.width / c.clientWidth, clientWidth: c.clientWidth };
    });
    expect(canvas.clientWidth).toBeGreaterThan(350);
    expect(canvas.ratio).toBe(3);
    expect((await drawnSites(page)).length).toBeGreaterThan(50);
    await page.close();
  });

  it('opens a sheet as a history entry: Back closes it, the status line stays in view', async () => {
    const page = await open('?lang=en', PHONE);
    const url = page.url();
    await page.getByRole('button', { name: 'Filters' }).tap();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect.poll(() => sheet.count()).toBe(1);
    expect(await page.getByRole('status').isVisible()).toBe(true);
    await sheet.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ }).tap();
    await expect.poll(() => projectsInStatus(page)).toBe(RAW.filter((r) => r.period === '2014-2020').length);
    await page.goBack();
    await expect.poll(() => projectsInStatus(page)).toBe(RAW.length);
    expect(await sheet.count()).toBe(1); // Back undid the filter, inside the open sheet
    await page.goBack();
    await expect.poll(() => sheet.count()).toBe(0);
    expect(page.url()).toBe(url);
    await page.getByRole('button', { name: 'Charts' }).tap();
    await expect.poll(() => page.getByRole('dialog', { name: 'Charts' }).count()).toBe(1);
    await page.getByRole('dialog', { name: 'Charts' }).getByRole('button', { name: 'Close' }).tap();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  it('a tapped site opens its details full screen; Back closes them', async () => {
    const page = await open('?lang=en', { ...PHONE, reducedMotion: 'reduce' });
    const site = (await drawnSites(page)).find((s) => s.slot < 0)!;
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.touchscreen.tap(box.x + site.x, box.y + site.y);
    const dialog = page.getByRole('dialog').filter({ has: page.locator('#project-title') });
    await expect.poll(() => dialog.count()).toBe(1);
    const rect = (await dialog.boundingBox())!;
    expect([rect.x, rect.y, rect.width, rect.height]).toEqual([0, 0, 390, 844]);
    await page.goBack();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('shows the embed at 320×480 without anything wider than it', async () => {
    const page = await open('?embed=1', { ...PHONE, viewport: { width: 320, height: 480 } });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect((await page.locator('.map').boundingBox())!.height).toBeGreaterThan(300);
    await page.close();
  });
});

describe('tablet and desktop', () => {
  it('a tablet (768×1024) keeps the filters beside the map', async () => {
    const page = await open('?lang=bg', TABLET);
    expect(await page.locator('aside.side').isVisible()).toBe(true);
    expect(await page.locator('.tabbar').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it(`in ${LANGUAGES.join(', ')} (switched with the Language control) at 1440×900: nothing wider than the window`, async () => {
    const page = await open('?lang=en', DESKTOP);
    const report: Record<string, { overflow: number; clipped: number }> = {};
    let lang = 'en';
    for (const next of LANGUAGES) {
      if (next !== lang) await switchLanguage(page, lang, next);
      lang = next;
      report[lang] = {
        overflow: await overflow(page),
        clipped: await page.evaluate(() => [...document.querySelectorAll('.top label, .top button')].filter((el) => el.scrollWidth > el.clientWidth + 1).length),
      };
    }
    expect(report).toEqual(Object.fromEntries(LANGUAGES.map((l) => [l, { overflow: expect.toSatisfy((n: number) => n <= 0), clipped: 0 }])));
    await page.close();
  });

  it('a phone on its side (844×390) still opens on the map, with nothing wider than the screen', async () => {
    const page = await open('?lang=bg', { ...PHONE, viewport: { width: 844, height: 390 } });
    expect(await page.locator('.tabbar').count()).toBe(1);
    const map = (await page.locator('.map').boundingBox())!;
    expect(map.width / 844).toBeGreaterThanOrEqual(0.9);
    expect(map.height / 390).toBeGreaterThanOrEqual(0.5);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('draws a project’s partner lines only for the project in hand', async () => {
    const page = await open('?lang=en', { ...DESKTOP, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    const lines = async () => (await colourCounts(page, await page.locator('.map').screenshot(), { line: light.site_highlight })).counts.line;
    await mapIdle(page);
    const none = await lines();
    // A project with partners on both sides of the border, opened.
    const crossing = RAW.find((r) => r.code && new Set((r.partners ?? []).filter((p) => p.town).map((p) => p.country)).size > 1)!;
    await page.goto(`${page.url().split('?')[0]}?lang=en&project=${crossing.code}`);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1);
    await mapIdle(page);
    expect(await lines()).toBeGreaterThan(none + 200);
    await page.close();
  });
});

describe('keyboard', () => {
  it('the first Tab stop skips to the map', async () => {
    const page = await open('?lang=en', DESKTOP);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the map' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    await page.close();
  });

  it('reaches the sites of the map from the list of projects in view, which shows each on the map', async () => {
    const page = await open('?lang=en', DESKTOP);
    const summary = page.locator('.in-view summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const list = page.locator('.in-view .project-buttons button');
    // The whole programme area is in view: most located projects are listed.
    await expect.poll(() => list.count()).toBeGreaterThan(40);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-project'));
    expect(focused).toBeTruthy();
    const lit = () =>
      page.evaluate((id) => {
        const map = window.__atlasMap!;
        const f = map.querySourceFeatures('sites').find((x) => x.properties.project === id)!;
        return map.getFeatureState({ source: 'sites', id: f.id! }).highlight;
      }, focused);
    await expect.poll(lit).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#project-title').count()).toBe(1);
    await page.close();
  });

  it('Escape closes what was opened, even at once, and gives the focus back to its control', async () => {
    const page = await open('?lang=en', DESKTOP);
    const about = page.getByRole('button', { name: 'About the data' });
    await about.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // at once
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await about.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();

    // On a phone: the menu, then a sheet.
    const phone = await open('?lang=en', PHONE);
    const menu = phone.getByRole('button', { name: 'Menu' });
    await menu.focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.locator('#page-actions').count()).toBe(1);
    await phone.keyboard.press('Escape');
    await expect.poll(() => phone.locator('#page-actions').count()).toBe(0);
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    const filters = phone.getByRole('button', { name: 'Filters' });
    await filters.focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByRole('dialog', { name: 'Filters' }).count()).toBe(1);
    await phone.keyboard.press('Escape');
    await expect.poll(() => phone.getByRole('dialog').count()).toBe(0);
    expect(await filters.evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.close();
  });
});
