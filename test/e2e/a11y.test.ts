/** axe-core on the views of the atlas (see audit.ts); AUDIT=full runs every view in every language at both sizes. */
import { describe, expect, it } from 'vitest';
import { DESKTOP, LANGUAGES, PHONE, seriousViolations, VIEWS } from './audit';
import { atlasBrowser } from './harness';

const open = atlasBrowser();
const full = process.env.AUDIT === 'full';
const sizes = [['390 px', PHONE], ['1440 px', DESKTOP]] as const;
const cases = VIEWS.flatMap((view) =>
  LANGUAGES.filter((lang) => full || lang === 'en' || view.name === 'main').flatMap((lang) => sizes.map(([size, options]) => [`${view.name}, ${lang}, ${size}`, view, lang, options] as const)),
);

describe('accessibility (axe-core, serious and critical)', () => {
  it.each(cases)('%s: no violations', async (_, view, lang, options) => {
    const page = await open(`?lang=${lang}${view.search ? `&${view.search}` : ''}`, { ...options, reducedMotion: 'reduce' });
    await view.open?.(page, lang);
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
