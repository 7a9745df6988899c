/** The built atlas in real Chromium: map drawn, every located project reachable, details, languages, no other origins. */
import { describe, expect, it } from 'vitest';
import { atlasBrowser, BASE, colourCounts, drawnSites, MAP_COLOURS, siteLayers, status } from './harness';
import { englishTitle, hasPlaceablePartner, RAW } from './raw';
import { stackOffset } from '../../src/sites/layout';

const openAtlas = atlasBrowser();

/** Opens the atlas, recording every request and page error from the first one on. */
async function open(search = '', viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1) {
  const requests: string[] = [];
  const errors: string[] = [];
  const page = await openAtlas(search, { viewport, deviceScaleFactor });
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
    // Wide enough that the details panel leaves much of the programme area in view. Positions, not
    // pixels, are checked: drawn at half the density, the software WebGL of the tests fills a
    // quarter of the pixels for each of the few hundred frames.
    const { page } = await open('', { width: 1600, height: 900 }, 0.5);
    const expected = RAW.filter(hasPlaceablePartner);
    const home = await drawnSites(page);
    const onMap = [...new Set(home.map((s) => s.project))];
    expect(onMap).toHaveLength(expected.length);
    for (const raw of expected.filter((r) => r.code)) expect(onMap).toContain(raw.code);

    const canvas = (await page.locator('.map canvas').boundingBox())!;
    const chooser = page.getByRole('dialog', { name: /projects here/ });
    const dialog = page.getByRole('dialog').filter({ has: page.locator('#project-title') });
    const homeCamera = await page.evaluate(() => ({ center: window.__atlasMap!.getCenter().toArray(), zoom: window.__atlasMap!.getZoom() }));
    const layers = await siteLayers(page);
    const offsets = Array.from({ length: 64 }, (_, slot) => stackOffset(slot));
    /** Once the map stands still: the sites drawn, where a click lands on the map (not on the panel or a control laid over it). */
    const clickable = () =>
      page.evaluate(
        async ({ layers, offsets }) => {
          const map = window.__atlasMap!;
          if (!map.loaded() || map.isMoving()) await new Promise<void>((resolve) => map.once('idle', () => resolve()));
          const box = map.getCanvas().getBoundingClientRect();
          return map
            .queryRenderedFeatures({ layers })
            .filter((f) => !map.getFeatureState({ source: 'sites', id: f.id! }).out)
            .map((f) => {
              const { x, y } = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
              const [dx, dy] = offsets[Number(f.properties.slot)] ?? [0, 0];
              return { project: String(f.properties.project), x: box.x + x + dx, y: box.y + y + dy };
            })
            .filter((s) => document.elementFromPoint(s.x, s.y) === map.getCanvas());
        },
        { layers, offsets },
      );
    // As a visitor would, the next site is clicked with the details of the last one still open
    // (the panel then shows the new project). Opening a project moves the camera when some of its
    // places would be under the panel, so the next one is one whose sites are all clear of the
    // panel where the camera is now, else one with a site in view; with none, the panel is closed,
    // and then the camera goes back home.
    const left = new Set(onMap);
    let clear = canvas.x + canvas.width;
    let sites = await clickable();
    const ofProject = (p: string) => sites.filter((s) => s.project === p);
    while (left.size) {
      let project = [...left].find((p) => ofProject(p).length && ofProject(p).every((s) => s.x < clear - 40)) ?? [...left].find((p) => ofProject(p).length);
      if (!project && (await dialog.count())) {
        await page.getByRole('button', { name: 'Close details' }).click();
        await dialog.waitFor({ state: 'detached' });
        clear = canvas.x + canvas.width;
        sites = await clickable();
        continue;
      }
      if (!project) {
        await page.evaluate((camera) => window.__atlasMap!.jumpTo({ center: camera.center as [number, number], zoom: camera.zoom }), homeCamera);
        sites = await clickable();
        project = [...left].find((p) => ofProject(p).length)!;
      }
      const site = ofProject(project)[0];
      await page.mouse.click(site.x, site.y);
      await page.waitForFunction((p) => new URL(location.href).searchParams.get('project') === p || document.querySelector('.chooser'), project);
      if (await chooser.count()) await chooser.locator(`[data-project="${project}"]`).click();
      await page.waitForFunction((p) => new URL(location.href).searchParams.get('project') === p, project);
      const raw = RAW.find((r) => r.code === project);
      if (raw) await expect.poll(() => dialog.locator('#project-title').textContent(), { message: project }).toBe(englishTitle(raw) ?? expect.stringMatching(/^Untitled project/));
      else expect(await dialog.count()).toBe(1);
      clear = (await page.locator('.panel').boundingBox())!.x;
      left.delete(project);
      sites = await clickable();
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
