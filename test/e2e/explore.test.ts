/** Filters, linked charts, URL state and the list view, in real Chromium against the built app. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atlasBrowser, drawnSites, projectsInStatus, status } from './harness';
import { RAW } from './raw';

const openAtlas = atlasBrowser();
const open = (search = '') => openAtlas(search, { viewport: { width: 1500, height: 900 } });


/** Projects whose sites are drawn (not filtered out) on the map. */
const visibleOnMap = async (page: Page) => [...new Set((await drawnSites(page)).map((s) => s.project))].sort();

const rawPeriod = (period: string) => RAW.filter((r) => r.period === period);
const hasPartnerIn = (r: (typeof RAW)[number], country: string, name: string) =>
  (r.partners ?? []).some((p) => p.country === country && (p.town === name || p.municipality === name));

describe('exploring', () => {
  it('filters from the UI: the status line follows counts taken from the raw data', async () => {
    const page = await open();
    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ }).check();
    await expect.poll(() => projectsInStatus(page)).toBe(rawPeriod('2014-2020').length);
    await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^investment/ }).check();
    await expect.poll(() => projectsInStatus(page)).toBe(rawPeriod('2014-2020').filter((r) => r.type === 'investment').length);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => projectsInStatus(page)).toBe(RAW.length);

    const add = page.getByRole('combobox', { name: 'Add a municipality' });
    expect(await add.locator('option[value="RS-70939"]').textContent()).toMatch(/^Pirot \(RS\)/);
    await add.selectOption('RS-70939');
    await expect.poll(() => projectsInStatus(page)).toBe(RAW.filter((r) => hasPartnerIn(r, 'RS', 'Pirot')).length);
    expect(new URL(page.url()).searchParams.get('municipality')).toBe('RS-70939');
    await page.close();
  });

  it('searches across scripts: "Pirot", "Пирот" and "pirot" find the same projects', async () => {
    const page = await open();
    const counts: number[] = [];
    for (const q of ['Pirot', 'Пирот', 'pirot']) {
      await page.getByRole('searchbox', { name: 'Search projects' }).fill(q);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
      counts.push(await projectsInStatus(page));
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThanOrEqual(RAW.filter((r) => hasPartnerIn(r, 'RS', 'Pirot')).length);
    await page.close();
  });

  it('reproduces the view from its URL after a reload, and steps back through changes', async () => {
    const page = await open();
    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2007-2013/ }).check();
    await expect.poll(() => projectsInStatus(page)).toBe(rawPeriod('2007-2013').length);
    await page.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: /^Serbia/ }).check();
    await page.getByRole('combobox', { name: 'Colour municipalities by' }).selectOption('projects');
    await expect.poll(() => page.url()).toContain('layer=projects');
    const before = await status(page);
    const url = page.url();
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1);
    expect(page.url()).toBe(url);
    expect(await status(page)).toBe(before);
    expect(await page.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: /^Serbia/ }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Colour municipalities by' }).inputValue()).toBe('projects');
    await page.goBack();
    await expect.poll(() => page.getByRole('combobox', { name: 'Colour municipalities by' }).inputValue()).toBe('sites');
    await page.goBack();
    await expect.poll(() => page.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: /^Serbia/ }).isChecked()).toBe(false);
    await expect.poll(() => projectsInStatus(page)).toBe(rawPeriod('2007-2013').length);
    await page.close();
  });

  it('filters the map and charts from a bar of the municipality chart', async () => {
    const page = await open();
    const bar = page.getByRole('button', { name: /^Montana \(BG\):/ });
    await bar.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('municipality')).toBe('BG-MON29');
    const expected = RAW.filter((r) => hasPartnerIn(r, 'BG', 'Montana'));
    await expect.poll(() => projectsInStatus(page)).toBe(expected.length);
    const onMap = Number((await status(page))!.match(/· (\d+) on the map/)![1]);
    await expect.poll(async () => (await visibleOnMap(page)).length).toBe(onMap);
    expect(await bar.getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('shows the same projects in the list view as on the map', async () => {
    const page = await open('?period=2014-2020&theme=environment-risk');
    const onMap = await visibleOnMap(page);
    await page.getByRole('button', { name: 'List of projects' }).click();
    const table = page.getByRole('table', { name: 'Projects' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(await projectsInStatus(page));
    const listed = await rows.evaluateAll((trs) => trs.filter((tr) => tr.children[3].textContent !== '—').map((tr) => (tr as HTMLElement).dataset.project!));
    expect(listed.sort()).toEqual(onMap);
    // Keyboard: the first title button opens its project.
    await table.getByRole('button').nth(5).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.has('project')).toBe(true);
    await page.close();
  });

  it('ignores invalid parameters with a visible notice', async () => {
    const page = await open('?theme=nonsense&period=2014-2020&municipality=RS-00000&zoom=3');
    const notes = page.getByRole('note', { name: 'Link notices' });
    await expect.poll(() => notes.textContent()).toContain('Ignored “theme=nonsense”');
    expect(await notes.textContent()).toContain('municipality=RS-00000');
    expect(await notes.textContent()).toContain('“zoom”');
    expect(await projectsInStatus(page)).toBe(rawPeriod('2014-2020').length);
    await page.close();
  });
});
