/**
 * The accessibility audit: axe-core (default rules, nothing excluded) on every view of the atlas,
 * in each UI language, on a phone and on a desktop. `npm run audit` runs all of it; `npm test`
 * runs the representative part (every view in English at both sizes, and each other language on
 * the main view).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { createI18n, type MessageKey } from '../../src/i18n';
import { PROGRAMME } from '../unit/fixtures';

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
export const LANGUAGES = ['en', 'bg', 'sr-Cyrl', 'sr-Latn'];

/** A view: its link, and what to do on the page to reach it. */
export interface AuditView {
  name: string;
  search: string;
  open?(page: Page, lang: string): Promise<unknown>;
}

/** Presses a button of the header, in the page's language (behind the menu on a phone). */
async function action(page: Page, lang: string, key: MessageKey): Promise<void> {
  const { t } = createI18n(lang, PROGRAMME);
  const menu = page.getByRole('button', { name: t('menu') });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: t(key), exact: true }).click();
}

export const VIEWS: AuditView[] = [
  { name: 'main', search: '' },
  { name: 'list', search: 'view=list' },
  { name: 'project details', search: 'project=CB007.2.32.079' },
  { name: 'municipality profile', search: 'view=profile&municipality=RS-70939' },
  { name: 'share', search: '', open: (page, lang) => action(page, lang, 'share') },
  { name: 'about', search: '', open: (page, lang) => action(page, lang, 'about') },
  { name: 'presenter', search: 'present=periods' },
  { name: 'kiosk', search: 'kiosk=1' },
  { name: 'embed', search: 'embed=1' },
];

/** The serious and critical violations on the page as it is now, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}
