/**
 * Dense data in the real app: the real dataset served many times over (SYNTHETIC, made here for
 * this test only) so that it has more than DENSE_SITES sites. Expected counts come from the
 * served records, not from the app's code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AtlasData, Project } from '../../src/core/types';
import { DENSE_SITES, DETAIL_ZOOM } from '../../src/sites/tiers';
import { atlasBrowser, drawnSites } from './harness';

const real = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const located = real.projects.filter((p) => p.locations.length > 0);
const COPIES = Math.ceil((DENSE_SITES * 1.2) / located.reduce((n, p) => n + p.locations.length, 0));
const projects: Project[] = Array.from({ length: COPIES }, (_, k) => located.map((p) => ({ ...p, id: `${p.id}~${k}` }))).flat();
const dense: AtlasData = { ...real, projects };

/** Selected projects with a site in each municipality, each project once. */
function expectedCounts(selected: readonly Project[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of selected) for (const m of new Set(p.locations.map((l) => l.municipalityId))) counts[m] = (counts[m] ?? 0) + 1;
  return counts;
}

/** The counts the map's bubbles hold now, by municipality (bubbles of 0 are not drawn). */
const bubbleCounts = (page: Page) =>
  page.evaluate(() => {
    const map = window.__atlasMap!;
    const counts: Record<string, number> = {};
    for (const f of map.querySourceFeatures('site-counts')) {
      const count = Number(map.getFeatureState({ source: 'site-counts', id: f.id! }).count ?? 0);
      if (count > 0) counts[String(f.properties.municipality)] = count;
    }
    return counts;
  });

const open = atlasBrowser();

describe('dense data', () => {
  it('counts projects per municipality at the overview, follows filters, and shows each site when zoomed in', async () => {
    const page = await open('', { viewport: { width: 1500, height: 900 } }, (p) => p.route('**/atlas-data*.json', (route) => route.fulfill({ json: dense })));
    const sites = projects.reduce((n, p) => n + p.locations.length, 0);
    await expect.poll(() => page.getByText(`With ${sites} project sites, the map shows the number of projects per municipality`).isVisible()).toBe(true);

    expect(await bubbleCounts(page)).toEqual(expectedCounts(projects));
    expect(await drawnSites(page)).toHaveLength(0);
    expect(await page.evaluate(() => window.__atlasMap!.queryRenderedFeatures({ layers: ['site-counts'] }).length)).toBeGreaterThan(20);

    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ }).check();
    const inPeriod = projects.filter((p) => p.period === '2014-2020');
    await expect.poll(() => bubbleCounts(page)).toEqual(expectedCounts(inPeriod));

    // Click the largest bubble drawn: the map zooms in and draws the sites there, only the selected ones.
    const bubble = await page.evaluate(() => {
      const map = window.__atlasMap!;
      const drawn = map.queryRenderedFeatures({ layers: ['site-counts'] });
      const count = (f: (typeof drawn)[number]) => Number(map.getFeatureState({ source: 'site-counts', id: f.id! }).count ?? 0);
      const biggest = drawn.sort((a, b) => count(b) - count(a))[0];
      return map.project((biggest.geometry as GeoJSON.Point).coordinates as [number, number]);
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + bubble.x, box.y + bubble.y);
    await expect.poll(() => page.evaluate(() => window.__atlasMap!.getZoom())).toBeGreaterThanOrEqual(DETAIL_ZOOM);
    await page.waitForFunction(() => window.__atlasMap!.loaded());
    await expect.poll(async () => (await drawnSites(page)).length).toBeGreaterThan(0);
    const ids = new Set(inPeriod.map((p) => p.id));
    for (const site of await drawnSites(page)) expect(ids.has(site.project)).toBe(true);
    expect(new URL(page.url()).searchParams.get('map')).toMatch(/^9(\.\d+)?\//);
    await page.close();
  }, 120_000);
});
