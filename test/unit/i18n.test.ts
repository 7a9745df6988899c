import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/filters';
import { createI18n as i18nOf } from '../../src/i18n';
import { CATALOGUES } from '../../src/i18n/all-catalogues';
import { bg } from '../../src/i18n/bg';
import { en } from '../../src/i18n/en';
import { filterWords } from '../../src/i18n/labels';
import { localeFromBrowser as fromBrowser } from '../../src/i18n/locales';
import { srCyrl } from '../../src/i18n/sr-cyrl';
import { FLAVORS } from '../../src/palette/flavors';
import { themeScale } from '../../src/palette/scales';
import { PREVIEW_INPUT } from '../../src/state/preview';
import { deriveView, indexData } from '../../src/state/view';
import { mapFrame } from '../../src/ui/mapFrame';
import { MUNICIPALITIES, PROGRAMME } from './fixtures';

// The Bulgaria–Serbia programme's four UI languages.
const createI18n = (locale: string) => i18nOf(locale, PROGRAMME, CATALOGUES);
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
    expect(() => i18nOf('en', typo, CATALOGUES)).toThrowError('programme bg-rs: messages.appSubtilte: no such message in the catalogues');
  });
});

describe('the active filters in words', () => {
  const i18n = createI18n('en');
  const ctx = { i18n, municipalities: MUNICIPALITIES, districts: new Map(), objectives: new Map() };
  const filters = { ...NO_FILTERS, periods: ['2014-2020'], municipalities: ['BG-VID09', 'XX-gone'], budget: { min: 100_000, max: null }, q: ' bridge ' };

  it('say every filter, the budget range and the search included, once each and in the panel’s order', () => {
    expect(filterWords(filters, ctx).map((w) => [w.facet, w.words])).toEqual([
      ['periods', '2014-2020'],
      ['municipalities', i18n.place(MUNICIPALITIES.get('BG-VID09')!.names)],
      // A municipality the dataset does not know is named by its id, not dropped.
      ['municipalities', 'XX-gone'],
      ['budget', i18n.t('budgetFrom', { min: i18n.moneyShort(100_000) })],
      ['q', '“bridge”'],
    ]);
  });

  it('are the words of the map image’s title', () => {
    const view = deriveView(indexData({ projects: [], municipalities: [...MUNICIPALITIES.values()], objectives: [], officialCounts: [], stories: [], amountCeiling: 1e9 }), { ...PREVIEW_INPUT, filters });
    const title = mapFrame({ view, filters, themes: themeScale(FLAVORS.light), choropleth: null, ctx }).title;
    expect(title).toBe(`${i18n.t('appTitle')} — ${filterWords(filters, ctx).map((w) => w.words).join(', ')}`);
  });
});
