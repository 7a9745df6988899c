/**
 * npm run screenshots: the README's pictures (docs/), taken from the built atlas in Chromium:
 * a desktop at 1440×900, a phone at 390×844, the presenter at 1920×1080.
 */
import { preview } from 'vite';
import { launchChromium } from '../test/e2e/browser';

const SHOTS = [
  { file: 'docs/screenshot.png', search: '?lang=en&period=2014-2020', options: { viewport: { width: 1440, height: 900 } } },
  { file: 'docs/phone.png', search: '?lang=sr-Latn', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  { file: 'docs/presenter.png', search: '?lang=en&present=periods&step=3', options: { viewport: { width: 1920, height: 1080 } } },
];

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('preview server has no port');
const browser = await launchChromium();
for (const shot of SHOTS) {
  const page = await (await browser.newContext({ ...shot.options, locale: 'en-GB', reducedMotion: 'reduce' })).newPage();
  await page.goto(`http://127.0.0.1:${address.port}/${shot.search}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length === 1, null, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: shot.file });
  console.log(`screenshots: ${shot.file}`);
}
await browser.close();
await server.close();
