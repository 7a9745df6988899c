/**
 * The accessibility audit: axe-core (default rules, nothing excluded) on every view of the atlas,
 * in each UI language, on a phone and on a desktop. `npm run audit` runs all of it; `npm test`
 * runs the representative part (every view in English at both sizes, and each other language on
 * the main view).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { CATALOGUES } from '../../src/i18n/all-catalogues';
import { createI18n, type MessageKey } from '../../src/i18n';
import { PROGRAMME } from '../unit/fixtures';

/**
 * A phone's layout and input. Its device pixel ratio is 1: the ratio changes no layout, only how
 * many pixels the software WebGL of the tests draws (9× fewer than a real phone's 3); the phone
 * tests check the map drawn at 3× once.
 */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
export const LANGUAGES = ['en', 'bg', 'sr-Cyrl', 'sr-Latn'];

/**
 * A view of the atlas: opened by its own link (`search`), or reached from the main view by a
 * visitor's clicks (`reach`) and left again (`leave`), so that one page visits them all.
 */
export type AuditView = { name: string } & ({ search: string } | { reach(page: Page, lang: string): Promise<unknown>; leave(page: Page, lang: string): Promise<unknown> });

/** Presses a control of the header, in the page's language (behind the menu on a phone). */
async function headerControl(page: Page, lang: string, press: (actions: Locator, t: ReturnType<typeof createI18n>['t']) => Promise<unknown>): Promise<void> {
  const { t } = createI18n(lang, PROGRAMME, CATALOGUES);
  const menu = page.getByRole('button', { name: t('menu') });
  if (await menu.isVisible()) await menu.click();
  await press(page.getByRole('navigation', { name: t('menu') }), t);
}

/** Opens a dialog from a button of the header. */
const dialogFrom = (key: MessageKey) => ({
  reach: (page: Page, lang: string) => headerControl(page, lang, (actions, t) => actions.getByRole('button', { name: t(key), exact: true }).click()).then(() => page.getByRole('dialog').first().waitFor()),
  leave: (page: Page) => page.keyboard.press('Escape').then(() => page.getByRole('dialog').first().waitFor({ state: 'detached' })),
});

export const VIEWS: AuditView[] = [
  { name: 'main', search: '' },
  {
    name: 'list',
    reach: (page, lang) => headerControl(page, lang, (actions, t) => actions.getByRole('button', { name: t('showList'), exact: true }).click()).then(() => page.getByRole('table').first().waitFor()),
    leave: (page, lang) => headerControl(page, lang, (actions, t) => actions.getByRole('button', { name: t('showMap'), exact: true }).click()).then(() => page.getByRole('table').first().waitFor({ state: 'detached' })),
  },
  // The details over the map coloured per inhabitant: the choropleth's key and its chart are audited with them.
  { name: 'project details', search: 'project=CB007.2.32.079&layer=per-inhabitant' },
  { name: 'municipality profile', search: 'view=profile&municipality=RS-70939' },
  { name: 'share', ...dialogFrom('share') },
  { name: 'about', ...dialogFrom('about') },
  {
    name: 'presenter',
    reach: (page, lang) => headerControl(page, lang, (actions, t) => actions.getByRole('combobox', { name: t('present') }).selectOption('periods')).then(() => page.locator('.presenter').waitFor()),
    leave: (page) => page.keyboard.press('Escape').then(() => page.locator('.presenter').waitFor({ state: 'detached' })),
  },
  {
    // With one step: its fields, its buttons and the tour's own.
    name: 'tour editor',
    reach: (page, lang) =>
      headerControl(page, lang, (actions, t) => actions.getByRole('combobox', { name: t('present') }).selectOption({ label: t('newTour') }))
        .then(() => page.getByRole('dialog').first().waitFor())
        .then(async () => {
          const { t } = createI18n(lang, PROGRAMME, CATALOGUES);
          const editor = page.getByRole('dialog', { name: t('tourEditor') });
          if (!(await editor.getByRole('listitem').count())) await editor.getByRole('button', { name: t('tourAddStep') }).click();
        }),
    leave: (page) => page.keyboard.press('Escape').then(() => page.getByRole('dialog').first().waitFor({ state: 'detached' })),
  },
  { name: 'kiosk', search: 'kiosk=1' },
  { name: 'embed', search: 'embed=1' },
];

/** Switches the page's language with its Language control, as a visitor does. */
export async function switchLanguage(page: Page, from: string, to: string): Promise<void> {
  await headerControl(page, from, (actions, t) => actions.getByRole('combobox', { name: t('language') }).selectOption(to));
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

/** The serious and critical violations on the page as it is now, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Only violations are read, so axe need not list every node that passes (a third of its time on the list view).
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}
