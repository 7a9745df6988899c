/** Tours written in the page: made through the editor, saved, reopened from the file and from its link, and hostile tour files, in real Chromium. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateStory, type Story } from '../../src/core/stories';
import { parseUrl } from '../../src/state/url';
import { DEFAULT_PROGRAMME, readProgramme } from '../../data/dataset-dir';
import { atlasBrowser, mapIdle } from './harness';
import { RAW } from './raw';

const PROGRAMME = readProgramme(DEFAULT_PROGRAMME);
const openAtlas = atlasBrowser();
// Its own context (the draft lives in the browser's storage), downloads on, reduced motion (the camera jumps).
const open = (search = '') => openAtlas(search, { acceptDownloads: true, viewport: { width: 1440, height: 900 } });
const dir = mkdtempSync(join(tmpdir(), 'atlas-tours-'));
const card = (page: Page) => page.locator('.presenter-card');

const byPeriod = (period: string) => RAW.filter((r) => r.period === period).length;

describe('tours made in the page', () => {
  it('makes a three-step tour in two languages, saves it, and presents it from the file and from its link', async () => {
    const page = await open('?lang=en');
    await page.getByRole('combobox', { name: 'Present' }).selectOption({ label: 'New tour…' });
    const editor = page.getByRole('dialog', { name: 'Tour editor' });
    await editor.getByRole('textbox', { name: 'Title of the tour' }).fill('Council meeting <script>alert(1)</script>');
    // Step 1: everything. Step 2: one period, and a camera the presenter zoomed to. Step 3: another period in a year.
    await editor.getByRole('button', { name: 'Add this view as a step' }).click();
    await editor.getByRole('textbox', { name: 'Title of step 1' }).fill('Twenty years');
    await editor.getByRole('textbox', { name: 'Text of step 1' }).fill('All we did, <b>together</b>.');
    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ }).check();
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 3 + 80, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('map')).not.toBeNull();
    const camera = new URL(page.url()).searchParams.get('map')!;
    await editor.getByRole('button', { name: 'Add this view as a step' }).click();
    await editor.getByRole('textbox', { name: 'Title of step 2' }).fill('2014-2020');
    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2014-2020/ }).uncheck();
    await page.getByRole('group', { name: 'Period' }).getByRole('checkbox', { name: /^2007-2013/ }).check();
    await editor.getByRole('button', { name: 'Add this view as a step' }).click();
    await editor.getByRole('textbox', { name: 'Title of step 3' }).fill('2007-2013');
    // The same titles in Bulgarian.
    await editor.getByRole('combobox', { name: 'Language of the texts' }).selectOption('bg');
    await editor.getByRole('textbox', { name: 'Title of the tour' }).fill('Общински съвет');
    await editor.getByRole('textbox', { name: 'Title of step 1' }).fill('Двадесет години');
    // Reordered and back: step 3 up, then down again.
    await editor.getByRole('button', { name: 'Move step 3 up' }).click();
    expect(await editor.getByRole('listitem').nth(1).locator('.meta').textContent()).toContain('2007-2013');
    await editor.getByRole('button', { name: 'Move step 2 down' }).click();

    // Nothing is lost on a reload.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1);
    await page.getByRole('combobox', { name: 'Present' }).selectOption({ label: 'New tour…' });
    expect(await page.getByRole('dialog', { name: 'Tour editor' }).getByRole('listitem').count()).toBe(3);

    // Saved in the programme's story format, valid by the same code.
    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'Save the tour as a file' }).click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const story = JSON.parse(readFileSync(file, 'utf8')) as Story;
    const ids = { projects: new Set<string>(), municipalities: new Set<string>(), parseFilters: (s: string) => ({ municipalities: parseUrl(s, PROGRAMME).state.filters.municipalities, invalid: parseUrl(s, PROGRAMME).notices }) };
    expect(validateStory(story, file, ids).steps).toHaveLength(3);
    expect(story.title).toEqual({ key: 'storyWritten', text: { en: 'Council meeting <script>alert(1)</script>', bg: 'Общински съвет' } });
    expect(story.steps.map((s) => s.filters)).toEqual(['', 'period=2014-2020', 'period=2007-2013']);
    expect(story.steps[1].camera).toBe(camera);

    // Its link, then presenting: each step's title, count and frame.
    await editor.getByRole('button', { name: 'Link to the tour' }).click();
    const link = await editor.getByRole('textbox', { name: /Link with the tour/ }).inputValue();
    expect(link).toMatch(/\?present=tour-[a-z-]+#tour=/);
    await editor.getByRole('button', { name: 'Present the tour' }).click();
    await expect.poll(() => card(page).locator('h2').textContent()).toBe('Twenty years');
    expect(await page.locator('.presenter-story').textContent()).toBe('Council meeting <script>alert(1)</script>');
    expect(await card(page).locator('.presenter-number strong').textContent()).toBe(String(RAW.length));
    expect(await card(page).locator('b').count()).toBe(0);
    expect(await card(page).textContent()).toContain('All we did, <b>together</b>.');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => card(page).locator('h2').textContent()).toBe('2014-2020');
    expect(await card(page).locator('.presenter-number strong').textContent()).toBe(String(byPeriod('2014-2020')));
    await mapIdle(page);
    const [, lat, lon] = camera.split('/').map(Number);
    const centre = await page.evaluate(() => window.__atlasMap!.getCenter());
    expect(centre.lat).toBeCloseTo(lat, 2);
    expect(centre.lng).toBeCloseTo(lon, 2);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => card(page).locator('.presenter-number strong').textContent()).toBe(String(byPeriod('2007-2013')));
    await page.close();

    // From its link, in another page and language: presented at once; then the saved file opened there.
    const [address, fragment] = link.slice(link.indexOf('?')).split('#');
    const other = await openAtlas(`${address}&lang=bg#${fragment}`, { viewport: { width: 1280, height: 800 } });
    await expect.poll(() => card(other).locator('h2').textContent()).toBe('Двадесет години');
    expect(await other.locator('.presenter-story').textContent()).toBe('Общински съвет');
    await other.keyboard.press('ArrowRight');
    // A step with no text in Bulgarian says it in the first language that has one.
    await expect.poll(() => card(other).locator('h2').textContent()).toBe('2014-2020');
    await other.getByLabel('Отвори файл с обиколка', { exact: true }).setInputFiles(file);
    await expect.poll(() => other.getByRole('status').filter({ hasText: 'е отворена от' }).textContent()).toContain(`Обиколката „Общински съвет“ е отворена от ${download.suggestedFilename()}.`);
    await expect.poll(() => card(other).locator('h2').textContent()).toBe('Двадесет години');
    await other.close();
  }, 90_000);

  it('says what is wrong with a hostile tour file, and opens the steps of one that names what the data lacks', async () => {
    const page = await open();
    const openTour = async (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      await page.getByLabel('Open a tour file', { exact: true }).setInputFiles(path);
    };
    const alert = page.getByRole('alert').filter({ hasText: 'The tour could not be opened' });
    const step = (text: unknown, more: object = {}) => ({ filters: '', text, ...more });
    const tour = (steps: unknown[]) => JSON.stringify({ id: 'bad', title: { key: 'storyWritten', text: { en: 'Bad' } }, steps });

    await openTour('types.json', tour([step({ key: 'stepWritten', title: { en: 'ok' }, body: {} }), step({ key: 'stepWritten', title: { en: 5 }, body: {} })]));
    await expect.poll(() => alert.textContent()).toContain('types.json: steps[1].text.title.en: expected a text');
    await openTour('many.json', tour(Array.from({ length: 10_000 }, () => step({ key: 'stepWritten', title: { en: 'x' }, body: {} }))));
    await expect.poll(() => alert.textContent()).toContain('many.json: steps: 10000 steps, more than a tour holds (500)');
    await openTour('huge.json', Buffer.alloc(10_000_000, 32));
    await expect.poll(() => alert.textContent()).toContain('huge.json: 10.0 MB, more than a tour file holds (1 MB)');
    await openTour('not.json', '{"title": ');
    await expect.poll(() => alert.textContent()).toContain('not.json: not a tour: not JSON');
    expect(await page.locator('.presenter').count()).toBe(0);

    // Unknown project and municipality: named, and the steps still open.
    await openTour(
      'unknown.json',
      tour([
        step({ key: 'stepWritten', title: { en: 'Somewhere <img src=x onerror=alert(1)>' }, body: { en: 'Text' } }, { filters: 'municipality=RS-99999' }),
        step({ key: 'stepWritten', title: { en: 'A project' }, body: {} }, { project: 'NO.SUCH.1' }),
      ]),
    );
    await expect.poll(() => card(page).locator('h2').textContent()).toBe('Somewhere <img src=x onerror=alert(1)>');
    expect(await card(page).locator('img').count()).toBe(0);
    const note = await page.getByRole('status').filter({ hasText: 'Not in the data' }).textContent();
    expect(note).toContain('unknown.json: steps[0].filters.municipality[0]: unknown municipality "RS-99999"');
    expect(note).toContain('unknown.json: steps[1].project: unknown project "NO.SUCH.1"');
    await page.close();
  });
});
