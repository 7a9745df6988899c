/** The built atlas in real Chromium: map drawn, every located project reachable, details, languages, no other origins. */
import { describe, expect, it } from 'vitest';
import { atlasBrowser, BASE, colourCounts, drawnSites, MAP_COLOURS, status } from './harness';
import { englishTitle, hasPlaceablePartner, RAW } from './raw';
import { stackOffset } from '../../src/map/sites';

const openAtlas = atlasBrowser();

/** Opens the atlas, recording every request and page error from the first one on. */
async function open(search = '', viewport = { width: 1280, height: 800 }) {
  const requests: string[] = [];
  const errors: string[] = [];
  const page = await openAtlas(search, { viewport });
  // Requests made before 'atlas:ready' are read from the resource timing entries.
  requests.push(...(await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)])));
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors };
}


describe('the atlas on real data', () => {
  it('draws the map: boundaries and project sites in the map area', async () => {
    const { page, errors } = await open();
    const map = page.getByRole('region', { name: /Map of the Bulgaria–Serbia/ });
    const png = await map.screenshot();
    const { counts: colours } = await colourCounts(page, png, MAP_COLOURS);
    expect(colours.area).toBeGreaterThan(50_000);
    expect(colours.border).toBeGreaterThan(300);
    expect(colours.tourism).toBeGreaterThan(200);
    expect(colours.environment).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('states the counts of the raw data in the status line', async () => {
    const { page } = await open();
    const onMap = RAW.filter(hasPlaceablePartner).length;
    const known = RAW.filter((p) => p.total_eur !== null).length;
    expect(await status(page)).toMatch(new RegExp(`^${RAW.length} projects · ${onMap} on the map · €[\\d.]+M, budget known for ${known}$`));
    await page.getByText(`${RAW.length - onMap} projects are not on the map`).click();
    await expect.poll(() => page.locator('details.unplaced [data-project]').count()).toBe(RAW.length - onMap);
    await page.close();
  });

  it('lets every located project be clicked open from its site on the map', async () => {
    // Wide enough that the details panel leaves the programme area in view; no camera animation.
    const { page } = await open('', { width: 1600, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const expected = RAW.filter(hasPlaceablePartner);
    const sites = await drawnSites(page);
    const onMap = [...new Set(sites.map((s) => s.project))];
    expect(onMap).toHaveLength(expected.length);
    for (const raw of expected.filter((r) => r.code)) expect(onMap).toContain(raw.code);

    const canvas = (await page.locator('.map canvas').boundingBox())!;
    const home = await page.evaluate(() => ({ center: window.__atlasMap!.getCenter().toArray(), zoom: window.__atlasMap!.getZoom() }));
    for (const project of onMap) {
      // Opening a project may move the camera to keep it beside the panel: come back home first.
      await page.evaluate(async (camera) => {
        const map = window.__atlasMap!;
        const [lon, lat] = map.getCenter().toArray();
        if (Math.abs(lon - camera.center[0]) + Math.abs(lat - camera.center[1]) + Math.abs(map.getZoom() - camera.zoom) < 1e-6) return;
        map.jumpTo({ center: camera.center as [number, number], zoom: camera.zoom });
        await map.once('idle');
      }, home);
      const site = sites.find((s) => s.project === project)!;
      const [dx, dy] = stackOffset(site.slot);
      await page.mouse.click(canvas.x + site.x + dx, canvas.y + site.y + dy);
      const chooser = page.getByRole('dialog', { name: /projects here/ });
      const dialog = page.getByRole('dialog').filter({ has: page.locator('#project-title') });
      await expect.poll(async () => (await chooser.count()) + (await dialog.count()), { message: project }).toBeGreaterThan(0);
      if (await chooser.count()) await chooser.locator(`[data-project="${project}"]`).click();
      await expect.poll(() => dialog.count(), { message: project }).toBe(1);
      const raw = RAW.find((r) => r.code === project);
      const title = (await dialog.locator('#project-title').textContent())!;
      if (raw) expect(title).toBe(englishTitle(raw) ?? expect.stringMatching(/^Untitled project/));
      expect(new URL(page.url()).searchParams.get('project')).toBe(project);
      await page.getByRole('button', { name: 'Close details' }).click();
    }
    await page.close();
  }, 300_000);

  it('opens ?project= directly, labelled by its title, with partners and sources', async () => {
    const raw = RAW.find((r) => r.code === 'CB007.2.32.079')!;
    const { page } = await open('?project=CB007.2.32.079');
    const dialog = page.getByRole('dialog', { name: englishTitle(raw)! });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = (await dialog.textContent())!;
    expect(text).toContain('CB007.2.32.079');
    for (const partner of raw.partners ?? []) expect(text).toContain(partner.name);
    for (const source of raw.sources) expect(text).toContain(source);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('project')).toBe(false);
    await page.close();
  });

  it('says so when ?project= names no project', async () => {
    const { page } = await open('?project=CB007.9.99.999');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No project has the id “CB007.9.99.999”.');
    await page.close();
  });

  const CYRILLIC = /^[\u0400-\u04FF\s.-]+$/;
  const LATIN = /^[A-Za-z\u00C0-\u024F\s.-]+$/;
  it.each([
    ['bg', 'Език', /^104 проекта · \d+ на картата/, CYRILLIC, ['Видин', 'Монтана', 'Пирот', 'Зајечар']],
    ['sr-Cyrl', 'Језик', /^104 пројекта · \d+ на мапи/, CYRILLIC, ['Видин', 'Монтана', 'Пирот', 'Зајечар']],
    ['sr-Latn', 'Jezik', /^104 projekta · \d+ na mapi/, LATIN, ['Vidin', 'Montana', 'Pirot', 'Zaječar']],
  ])('?lang=%s shows its UI and its script of place names', async (lang, languageLabel, statusPattern, script, someOf) => {
    const { page } = await open(`?lang=${lang}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.getByRole('combobox', { name: languageLabel }).inputValue()).toBe(lang);
    expect(await status(page)).toMatch(statusPattern);
    const labels = await page.evaluate(() => {
      const map = window.__atlasMap!;
      // ['coalesce', ['get', <the locale's script's name>], ['get', <the fallback>]]
      const field = map.getLayoutProperty('place-labels', 'text-field') as [string, [string, string]];
      return map.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => String(f.properties[field[1][1]]));
    });
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) expect(label).toMatch(script);
    expect(labels.filter((l) => someOf.includes(l)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('shows Cyrillic place names in the details for a Cyrillic locale', async () => {
    const { page } = await open('?lang=sr-Cyrl&project=CB007.2.32.079');
    const text = await page.getByRole('dialog').first().textContent();
    expect(text).toContain('Бор');
    expect(text).toContain('Бойчиновци');
    await page.close();
  });

  it('makes no request to any other origin', async () => {
    const { page, requests } = await open('?project=CB007.2.32.079');
    await page.getByRole('button', { name: 'About the data' }).click();
    await page.getByRole('button', { name: 'List of projects' }).click();
    const origin = new URL(BASE).origin;
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    expect(requests.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
