/** The four UI locales, how one is chosen, and which script a locale reads place names in. */
export const LOCALES = ['en', 'bg', 'sr-Cyrl', 'sr-Latn'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** Cyrillic locales show official Cyrillic place names, Latin locales the official Latin form. */
export const usesCyrillic = (locale: Locale): boolean => locale === 'bg' || locale === 'sr-Cyrl';

/** First supported browser language; plain "sr" (and sr-RS, sr-ME…) is Serbian Cyrillic. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('sr')) return lower.includes('latn') ? 'sr-Latn' : 'sr-Cyrl';
    if (lower.startsWith('bg')) return 'bg';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
