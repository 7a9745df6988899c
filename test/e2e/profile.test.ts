/** Municipality profiles, the cooperation network and printing, in real Chromium. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BasemapData } from '../../src/core/basemap';
import { parseCsv } from '../../src/core/csv';
import { atlasBrowser, mapIdle, siteLayers } from './harness';
import { RAW, type RawProject } from './raw';

const open = atlasBrowser();

const partnerIn = (r: RawProject, country: string, name: string) => (r.partners ?? []).some((p) => p.country === country && (p.town === name || p.municipality === name));

describe('municipality profiles', () => {
  it('lists the municipality’s projects as the raw data has them, with its partners across the border', async () => {
    const page = await open('?municipality=BG-MON29&view=profile');
    const profile = page.getByRole('region', { name: 'Montana / Монтана' });
    const expected = RAW.filter((r) => partnerIn(r, 'BG', 'Montana'));
    await expect.poll(() => profile.locator('.profile-projects li').count()).toBe(expected.length);
    const listed = await profile.locator('.profile-projects [data-project]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.project));
    for (const r of expected.filter((x) => x.code)) expect(listed).toContain(r.code);
    // Partner municipalities: every Serbian municipality the raw data names beside a Montana partner.
    const serbianPartners = new Set(expected.flatMap((r) => (r.partners ?? []).filter((p) => p.country === 'RS' && p.municipality).map((p) => p.municipality!.split(' - ')[0])));
    expect(serbianPartners.size).toBeGreaterThan(2);
    const ranked = (await profile.locator('.partners-ranked').textContent())!;
    for (const town of serbianPartners) expect(ranked).toContain(town);
    // The network lines on the map are the municipality's pairs.
    const lines = await page.evaluate(() => window.__atlasMap!.querySourceFeatures('network').length);
    expect(lines).toBeGreaterThan(0);
    await page.close();
  });

  it('opens from a click on a municipality of the map', async () => {
    const page = await open();
    // A point inside a municipality with no project site under it.
    const point = await page.evaluate((sites) => {
      const map = window.__atlasMap!;
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      for (let y = 40; y < h - 40; y += 23) {
        for (let x = 40; x < w - 80; x += 23) {
          if (map.queryRenderedFeatures([[x - 10, y - 10], [x + 10, y + 10]], { layers: [...sites, 'links', 'place-labels'] }).length) continue;
          const m = map.queryRenderedFeatures([x, y], { layers: ['municipality-fill'] })[0];
          if (m) return { x, y, id: String(m.properties.id) };
        }
      }
      throw new Error('no free point in a municipality');
    }, await siteLayers(page));
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('profile');
    expect(new URL(page.url()).searchParams.get('municipality')).toBe(point.id);
    await page.close();
  });

  it('gives an honest empty profile for a municipality with no project', async () => {
    const page = await open('?municipality=RS-70963&view=profile');
    expect(RAW.some((r) => partnerIn(r, 'RS', 'Preševo'))).toBe(false);
    const profile = page.getByRole('region', { name: /Preševo/ });
    await expect.poll(() => profile.textContent()).toContain('No project with a partner or site in Preševo is recorded');
    await page.close();
  });

  it('prints a profile on at most two A4 pages, with the map as an image', async () => {
    const page = await open('?municipality=RS-70939&view=profile');
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const src = await page.locator('img.print-snapshot').getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    await page.close();
  });
});

describe('cooperation network', () => {
  it('draws pairs that follow the filters and ranks the strongest', async () => {
    const page = await open('?network=1');
    const all = await page.evaluate(() => new Set(window.__atlasMap!.querySourceFeatures('network').map((f) => `${f.properties.a}|${f.properties.b}`)).size);
    const pairs = page.getByRole('region', { name: 'Strongest cooperation pairs' });
    expect(await pairs.locator('ol li').count()).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2007-2013/ }).check();
    await expect
      .poll(() => page.evaluate(() => new Set(window.__atlasMap!.querySourceFeatures('network').map((f) => `${f.properties.a}|${f.properties.b}`)).size))
      .toBeLessThan(all);
    await page.close();
  });
});

/** The census table as its rows are, read apart from the build: country, district, name → the latest figure there is. */
const CENSUS = parseCsv(readFileSync(new URL('../../../shared/geo-sources/population.csv', import.meta.url), 'utf8'), 'population.csv');
const BASEMAP = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;

describe('per inhabitant on both sides of the border', () => {
  it('colours every Serbian municipality of the area that a census counts, and says “no data” for exactly those it does not', async () => {
    const page = await open('?layer=per-inhabitant');
    await page.getByRole('list', { name: 'budget per inhabitant' }).waitFor();
    await mapIdle(page);
    const serbian = BASEMAP.municipalities.features.filter((f) => f.properties.country === 'RS').map((f) => f.properties);
    expect(serbian).toHaveLength(36);
    const values = await page.evaluate(
      (ids) => ids.map((id) => window.__atlasMap!.getFeatureState({ source: 'municipalities', id }).value as number),
      serbian.map((m) => m.id),
    );
    const counted = (name: string) => CENSUS.some((r) => r.country === 'RS' && r.municipality_latin === name && (r.population || r.previous_population));
    serbian.forEach((m, i) => expect(values[i] >= 0, `${m.name_Latn}: ${values[i]}`).toBe(counted(String(m.name_Latn))));
    // The table holds no figure for Aleksinac (see SOURCES.md): the one Serbian unit without a value.
    expect(serbian.filter((m) => !counted(String(m.name_Latn))).map((m) => m.name_Latn)).toEqual(['Aleksinac']);
    // The chart beside the map has the map's figures: the same municipalities without data, and the same values.
    const chart = page.getByRole('region', { name: 'Budget per inhabitant' });
    await chart.getByText('Data as a table').click();
    const cells = await chart.getByRole('table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(cells).toHaveLength(BASEMAP.municipalities.features.length);
    expect(cells.filter((c) => c[1] === 'no data').map((c) => c[0])).toEqual(['Aleksinac (RS)']);
    const pirot = serbian.findIndex((m) => m.name_Latn === 'Pirot');
    expect(Number(cells.find((c) => c[0] === 'Pirot (RS)')![1].replace(/[^\d.]/g, ''))).toBeCloseTo(values[pirot], 2);
    await page.close();
  });

  it('gives Pirot its 2022 census population, its budget per inhabitant and its ranks in the area and its district', async () => {
    const page = await open('?municipality=RS-70939&view=profile');
    const profile = page.getByRole('region', { name: 'Pirot / Пирот' });
    const row = CENSUS.find((r) => r.municipality_latin === 'Pirot')!;
    expect(row.census_year).toBe('2022');
    const population = Number(row.population);
    const facts = profile.locator('.facts');
    await expect.poll(() => facts.textContent()).toContain(`${population.toLocaleString('en-IE')} (census 2022 (RZS), as of 30 September 2022)`);
    const fact = async (name: string) => (await facts.locator(`dt:text-is("${name}") + dd`).textContent())!;
    const euros = (text: string) => Number(text.replace(/[^\d.]/g, ''));
    const perInhabitant = euros(await fact('Budget per inhabitant'));
    expect(perInhabitant).toBeCloseTo(euros((await fact('Attributed budget')).split('·')[0]) / population, 2);
    // Ranks against the values the table of all area municipalities shows: one plus those above.
    await profile.locator('.strip').getByText('Data as a table').click();
    const table = profile.getByRole('table', { name: /all municipalities of the programme area/ });
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    const known = cells.filter((c) => c[1] !== 'no data').map((c) => ({ name: c[0], value: Number(c[1].replace(/[^\d.]/g, '')) }));
    const withFigure = CENSUS.filter((r) => !/city municipality of Niš/.test(r.notes) && (r.population || r.previous_population || r.country === 'BG'));
    expect(known).toHaveLength(withFigure.length);
    const rank = 1 + known.filter((k) => k.value > perInhabitant + 0.005).length;
    const district = CENSUS.filter((r) => r.district === row.district && (r.population || r.previous_population));
    const districtRank = 1 + district.filter((r) => known.find((k) => k.name === `${r.municipality_latin} (RS)`)!.value > perInhabitant + 0.005).length;
    expect(await fact('Rank per inhabitant')).toBe(`rank ${rank} of ${known.length} in the programme area; rank ${districtRank} of ${district.length} in district Pirotski okrug`);
    await page.close();
  });
});
