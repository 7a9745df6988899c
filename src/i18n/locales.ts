/** Which of a programme's UI languages a browser asks for. */
import type { UiLanguage } from '../core/programme';

/**
 * The first browser language a UI language matches: its exact tag or a longer one
 * ("sr-Latn-RS" → sr-Latn), else the first UI language of the same language ("sr", "sr-RS" → the
 * first Serbian one listed). Otherwise the programme's first language.
 */
export function localeFromBrowser(browser: readonly string[], languages: readonly UiLanguage[]): string {
  const lower = (tag: string) => tag.toLowerCase();
  for (const tag of browser.map(lower)) {
    const exact = languages.find((l) => tag === lower(l.id) || tag.startsWith(`${lower(l.id)}-`));
    if (exact) return exact.id;
    const primary = tag.split('-')[0];
    const same = languages.find((l) => lower(l.id).split('-')[0] === primary);
    if (same) return same.id;
  }
  return languages[0].id;
}

/** The language a page opens in: the link's `lang` where the programme has it, else the browser's. */
export function startLocale(search: string, browser: readonly string[], programme: { languages: readonly UiLanguage[] }): string {
  const asked = new URLSearchParams(search).get('lang');
  return programme.languages.some((l) => l.id === asked) ? asked! : localeFromBrowser(browser, programme.languages);
}
