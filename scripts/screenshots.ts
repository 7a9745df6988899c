/**
 * npm run screenshots: the README's pictures (docs/), taken from the built atlas in Chromium:
 * a desktop at 1440×900, a phone at 390×844, the presenter at 1920×1080, the tour editor with two
 * steps written at 1440×900.
 */
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launchChromium } from '../test/e2e/browser';

/** A tour being written: its title, a step of the year shown, a second of one theme. */
async function writeTour(page: Page) {
  await page.getByRole('combobox', { name: 'Present' }).selectOption({ label: 'New tour…' });
  const editor = page.getByRole('dialog', { name: 'Tour editor' });
  await editor.getByRole('textbox', { name: 'Title of the tour' }).fill('Council meeting: ten years with our neighbours');
  await editor.getByRole('button', { name: 'Add this view as a step' }).click();
  await editor.getByRole('textbox', { name: 'Title of step 1' }).fill('Where we stood in 2016');
  await editor.getByRole('textbox', { name: 'Text of step 1' }).fill('Every project started by the end of 2016, on both sides of the border.');
  await page.getByRole('checkbox', { name: /^Tourism and heritage/ }).check();
  await editor.getByRole('button', { name: 'Add this view as a step' }).click();
  await editor.getByRole('textbox', { name: 'Title of step 2' }).fill('Tourism and heritage');
}

const SHOTS: { file: string; search: string; options: object; prepare?: (page: Page) => Promise<void> }[] = [
  { file: 'docs/screenshot.png', search: '?lang=en&period=2014-2020', options: { viewport: { width: 1440, height: 900 } } },
  { file: 'docs/phone.png', search: '?lang=sr-Latn', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  { file: 'docs/presenter.png', search: '?lang=en&present=periods&step=3', options: { viewport: { width: 1920, height: 1080 } } },
  { file: 'docs/tour-editor.png', search: '?lang=en&year=2016', options: { viewport: { width: 1440, height: 900 } }, prepare: writeTour },
];

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('preview server has no port');
const browser = await launchChromium();
for (const shot of SHOTS) {
  const page = await (await browser.newContext({ ...shot.options, locale: 'en-GB', reducedMotion: 'reduce' })).newPage();
  await page.goto(`http://127.0.0.1:${address.port}/${shot.search}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
  await shot.prepare?.(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: shot.file });
  console.log(`screenshots: ${shot.file}`);
}
await browser.close();
await server.close();
