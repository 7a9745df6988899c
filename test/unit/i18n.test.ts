import { describe, expect, it } from 'vitest';
import { createI18n as i18nOf } from '../../src/i18n';
import { bg } from '../../src/i18n/bg';
import { en } from '../../src/i18n/en';
import { localeFromBrowser as fromBrowser } from '../../src/i18n/locales';
import { srCyrl } from '../../src/i18n/sr-cyrl';
import { PROGRAMME } from './fixtures';

// The Bulgaria–Serbia programme's four UI languages.
const createI18n = (locale: string) => i18nOf(locale, PROGRAMME);
const localeFromBrowser = (languages: string[]) => fromBrowser(languages, PROGRAMME.languages);
const LOCALES = PROGRAMME.languages.map((l) => l.id);

describe('messages', () => {
  it('has every key in every language', () => {
    expect(Object.keys(bg).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(srCyrl).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses each language’s plural forms', () => {
    expect(createI18n('en').t('projectsCount', { n: 1 })).toBe('1 project');
    expect(createI18n('bg').t('projectsCount', { n: 104 })).toBe('104 проекта');
    expect(createI18n('sr-Cyrl').t('projectsCount', { n: 3 })).toBe('3 пројекта');
    expect(createI18n('sr-Cyrl').t('projectsCount', { n: 25 })).toBe('25 пројеката');
    expect(createI18n('sr-Latn').t('projectsCount', { n: 21 })).toBe('21 projekat');
  });

  it('derives Serbian Latin from Serbian Cyrillic', () => {
    expect(createI18n('sr-Latn').t('appTitle')).toBe('Atlas saradnje');
  });

  it('inserts parameters as they are', () => {
    expect(createI18n('en').t('unknownProject', { id: '<b>x</b>' })).toBe('No project has the id “<b>x</b>”.');
  });
});

describe('locale choice and formatting', () => {
  it('reads the browser languages; plain sr is Cyrillic', () => {
    expect(localeFromBrowser(['sr'])).toBe('sr-Cyrl');
    expect(localeFromBrowser(['sr-Latn-RS'])).toBe('sr-Latn');
    expect(localeFromBrowser(['de-DE', 'bg-BG'])).toBe('bg');
    expect(localeFromBrowser(['fr'])).toBe('en');
  });

  it('shows official place names in the locale’s script', () => {
    const names = LOCALES.map((l) => createI18n(l).place({ Latn: 'Zaječar', Cyrl: 'Зајечар' }));
    expect(names).toEqual(['Zaječar', 'Зајечар', 'Зајечар', 'Zaječar']);
  });

  it('formats euros for each locale', () => {
    expect(createI18n('en').money(581345.46)).toBe('€581,345.46');
    expect(createI18n('bg').money(581345.46).replace(/\s/g, ' ')).toBe('581 345,46 €');
  });
});

describe('the programme’s own wording', () => {
  it('replaces the catalogue’s general wording, in every language', () => {
    expect(createI18n('en').t('appSubtitle')).toBe(PROGRAMME.messages.appSubtitle.en);
    expect(createI18n('sr-Latn').t('mapLabel')).toBe(PROGRAMME.messages.mapLabel['sr-Latn']);
    expect(createI18n('bg').t('appTitle')).toBe(bg.appTitle);
  });

  it('must name messages the catalogues have', () => {
    const typo = { ...PROGRAMME, messages: { ...PROGRAMME.messages, appSubtilte: PROGRAMME.messages.appSubtitle } };
    expect(() => i18nOf('en', typo)).toThrowError('programme bg-rs: messages.appSubtilte: no such message in the catalogues');
  });
});
