/** Municipality profiles, the cooperation network and printing, in real Chromium. */
import { describe, expect, it } from 'vitest';
import { atlasBrowser, siteLayers } from './harness';
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
