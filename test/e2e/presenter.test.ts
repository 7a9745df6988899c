/** Presenter mode, kiosk loop and WebGL context loss, in real Chromium against the built app. */
import { describe, expect, it } from 'vitest';
import { contrast, light } from '../../src/palette/flavors';
import { atlasBrowser, colourCounts, drawnSites, mapIdle, MAP_COLOURS, siteLayers } from './harness';
import { RAW } from './raw';

const openAtlas = atlasBrowser();
const open = async (search: string, viewport = { width: 1920, height: 1080 }) => {
  // Full density: some of these tests count the map's pixels.
  const page = await openAtlas(search, { viewport, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  return { page, context: { close: () => page.close() } };
};

const rawCount = (pred: (r: (typeof RAW)[number]) => boolean) => RAW.filter(pred).length;

describe('presenter mode', () => {
  it('shows step 1; → advances, ← goes back, Esc leaves; type is large enough', async () => {
    const { page, context } = await open('?present=periods');
    const card = page.getByRole('region', { name: '2004-2006' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await page.locator('.presenter-number strong').textContent()).toBe(String(rawCount((r) => r.period === '2004-2006')));
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    const sizes = await page.evaluate(() => ['.presenter-card h2', '.presenter-number strong', '.presenter-body'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)));
    expect(sizes[0]).toBeGreaterThanOrEqual(48);
    expect(sizes[1]).toBeGreaterThanOrEqual(64);
    expect(sizes[2]).toBeGreaterThanOrEqual(28);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#presenter-title').textContent()).toBe('2007-2013');
    expect(await page.locator('.presenter-number strong').textContent()).toBe(String(rawCount((r) => r.period === '2007-2013')));
    expect(new URL(page.url()).searchParams.get('step')).toBe('2');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('#presenter-title').textContent()).toBe('2014-2020');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#presenter-title').textContent()).toBe('2007-2013');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('6');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('present')).toBe(false);
    expect(await page.getByRole('status').first().textContent()).toMatch(new RegExp(`^${RAW.length} projects`));
    await context.close();
  });

  it('switches the map to the high-contrast theme with larger sites when a tour starts from the page, and back on leaving', async () => {
    const { page, context } = await open('', { width: 1400, height: 900 });
    const areaPixels = async () => {
      await mapIdle(page);
      const { counts } = await colourCounts(page, await page.locator('.map').screenshot(), { light: light.area, contrast: contrast.area });
      return counts;
    };
    /** The radius a drawn site is rendered with (paint evaluated for that feature). */
    const siteRadius = async () =>
      page.evaluate((layers) => {
        const map = window.__atlasMap!;
        const f = map.queryRenderedFeatures({ layers }).find((x) => !map.getFeatureState({ source: 'sites', id: x.id! }).out && !map.getFeatureState({ source: 'sites', id: x.id! }).highlight)!;
        return (f.layer.paint as Record<string, number>)['circle-radius'];
      }, await siteLayers(page));
    const before = await areaPixels();
    expect(before.light).toBeGreaterThan(20_000);
    expect(before.contrast).toBeLessThan(before.light / 10); // dark text and edges only
    const desktopRadius = await siteRadius();

    await page.getByRole('combobox', { name: 'Present' }).selectOption({ label: 'Both sides of the border' });
    await expect.poll(() => page.locator('.presenter').count()).toBe(1);
    await expect.poll(async () => (await areaPixels()).contrast).toBeGreaterThan(20_000);
    const presenting = await areaPixels();
    expect(presenting.light).toBeLessThan(presenting.contrast); // white type and buttons of the card only
    expect(await siteRadius()).toBeCloseTo(desktopRadius * contrast.site_scale);

    await page.keyboard.press('Escape');
    await expect.poll(async () => (await areaPixels()).light).toBeGreaterThan(20_000);
    expect((await areaPixels()).contrast).toBeLessThan(before.light / 10);
    expect(await siteRadius()).toBeCloseTo(desktopRadius);
    await context.close();
  });

  it('scales the type down proportionally at 1280×720', async () => {
    const { page, context } = await open('?present=environment-risk', { width: 1280, height: 720 });
    const title = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.presenter-card h2')!).fontSize));
    expect(title).toBeCloseTo(48 * (1280 / 1920), 0);
    await context.close();
  });
});

describe('kiosk mode', () => {
  it('loops through the stories by itself, an interaction pauses the loop, and the idle time starts it again', async () => {
    // The page's clock is Playwright's: stopped once the map has drawn, then jumped forward by the test.
    const page = await openAtlas('?kiosk=1&idle=30', { viewport: { width: 1920, height: 1080 }, clock: true });
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const progress = page.getByRole('progressbar');
    const first = await progress.getAttribute('aria-valuenow');
    await page.clock.fastForward(10_000);
    await expect.poll(() => progress.getAttribute('aria-valuenow')).not.toBe(first);
    await page.mouse.click(300, 300);
    await expect.poll(() => page.locator('.presenter').count()).toBe(0);
    // Paused: more than a step's time passes without the loop coming back.
    await page.clock.fastForward(10_000);
    expect(await page.locator('.presenter').count()).toBe(0);
    const small = await page.evaluate(() => [...document.querySelectorAll('.app.kiosk button')].filter((b) => (b as HTMLElement).offsetParent && b.getBoundingClientRect().height < 48).length);
    expect(small).toBe(0);
    // The link's 30 s without input: the loop starts again from its first step.
    await page.clock.fastForward(20_000);
    await expect.poll(() => page.locator('.presenter').count()).toBe(1);
    expect(await progress.getAttribute('aria-valuenow')).toBe('1');
    await page.close();
  });
});

describe('WebGL context loss', () => {
  it('draws the map again after the context is lost and restored', async () => {
    const { page, context } = await open('', { width: 1280, height: 800 });
    const drawn = async () => (await drawnSites(page)).length;
    const before = await drawn();
    expect(before).toBeGreaterThan(50);
    await page.evaluate(() => {
      const gl = window.__atlasMap!.getCanvas().getContext('webgl2') ?? window.__atlasMap!.getCanvas().getContext('webgl');
      const ext = gl!.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
      ext.loseContext();
    });
    await expect.poll(() => page.evaluate(() => (window.__atlasMap!.getCanvas().getContext('webgl2') ?? window.__atlasMap!.getCanvas().getContext('webgl'))!.isContextLost())).toBe(true);
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await page.evaluate(() => new Promise((resolve) => window.__atlasMap!.once('idle', () => resolve(null))));
    await expect.poll(drawn, { timeout: 15_000 }).toBe(before);
    const png = await page.locator('.map').screenshot();
    const { counts } = await colourCounts(page, png, MAP_COLOURS);
    expect(counts.area).toBeGreaterThan(50_000);
    await context.close();
  });
});
