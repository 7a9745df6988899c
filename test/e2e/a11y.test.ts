/**
 * axe-core on the views of the atlas (see audit.ts), at a phone's and a desktop's size. One page
 * visits the main view in each language (switched with the Language control) and the views a
 * visitor reaches from it; the views with a link of their own are opened by it. AUDIT=full runs
 * every view in every language.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, LANGUAGES, PHONE, seriousViolations, switchLanguage, VIEWS, type AuditView } from './audit';
import { atlasBrowser, settled } from './harness';

const open = atlasBrowser();
const full = process.env.AUDIT === 'full';
// Drawn at half the density: axe reads the page, not the map's pixels, which the tests' software WebGL fills slowly.
const sizes = [['390 px', { ...PHONE, deviceScaleFactor: 0.5 }], ['1440 px', { ...DESKTOP, deviceScaleFactor: 0.5 }]] as const;
const reached = VIEWS.filter((v): v is Extract<AuditView, { reach: unknown }> => 'reach' in v);
const linked = VIEWS.filter((v): v is Extract<AuditView, { search: string }> => 'search' in v && v.name !== 'main');

/** The audit of the page as it is now, under the view's name. */
async function audit(page: Awaited<ReturnType<typeof open>>, report: Record<string, string[]>, name: string) {
  await settled(page);
  report[name] = await seriousViolations(page);
}

describe.each(sizes)('accessibility (axe-core, serious and critical) at %s', (_, options: BrowserContextOptions) => {
  it(`main view in ${LANGUAGES.join(', ')}; ${reached.map((v) => v.name).join(', ')} reached from it`, { timeout: 180_000 }, async () => {
    const page = await open('?lang=en', options);
    const report: Record<string, string[]> = {};
    let lang = 'en';
    for (const next of LANGUAGES) {
      if (next !== lang) await switchLanguage(page, lang, next);
      lang = next;
      await audit(page, report, `main, ${lang}`);
      if (lang !== 'en' && !full) continue;
      for (const view of reached) {
        await view.reach(page, lang);
        await audit(page, report, `${view.name}, ${lang}`);
        await view.leave(page, lang);
      }
    }
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
    await page.close();
  });

  const cases = linked.flatMap((view) => (full ? LANGUAGES : ['en']).map((lang) => [`${view.name}, ${lang}`, view, lang] as const));
  it.each(cases)('%s: opened by its link, no violations', async (_, view, lang) => {
    const page = await open(`?lang=${lang}&${view.search}`, options);
    const report: Record<string, string[]> = {};
    await audit(page, report, view.name);
    expect(report).toEqual({ [view.name]: [] });
    await page.close();
  });
});
