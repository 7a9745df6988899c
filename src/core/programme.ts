/**
 * The programme descriptor (data/programmes/<id>/programme.json): the countries, periods, languages,
 * scripts, theme rules and credits of one cross-border programme. Everything the atlas knows about
 * a particular programme comes from here; the code knows none. Pure.
 */
import { THEME_IDS, type ClassifiedTheme, type ThemeRules } from './themes';

/** Text per UI language id ("en", "sr-Latn"). */
export type ByLanguage = Readonly<Record<string, string>>;
/** Place names per ISO 15924 script ("Latn", "Cyrl", "Grek"). */
export type Names = Readonly<Record<string, string>>;

export interface Country {
  /** ISO 3166-1 alpha-2, as in municipality ids and records ("BG"). */
  code: string;
  iso3: string;
  names: ByLanguage;
  /** Where the boundaries and the gazetteer come from, as the About dialog states it. */
  sources: { boundaries: string; gazetteer: string };
}

export interface OfficialCountQuote {
  count: number;
  /** Words that must appear in a fact of the raw programme facts: the count is only as good as its source. */
  quote: string;
}

export interface PeriodInfo {
  /** Shown as it is ("2014-2020") and used in links. */
  id: string;
  officialCounts: OfficialCountQuote[];
  /** Objective code (specific objective, measure, or "PA<n>" for an axis alone) → theme. */
  themes: Readonly<Record<string, ClassifiedTheme>>;
}

export interface UiLanguage {
  /** BCP 47 tag, the `lang` link parameter ("sr-Latn"). */
  id: string;
  /** The language's name in itself, for the language menu. */
  name: string;
  /** Script of the place names shown in this language. */
  script: string;
  /** Locale for numbers, money and dates (Intl). */
  intl: string;
  /** Title languages in order of preference. */
  titles: string[];
  /** Message catalogue, where it differs from the id (a language whose UI is not translated yet). */
  messages?: string;
}

export interface Credit {
  what: string;
  who: string;
  licence: string;
  url: string;
  /** The short credit the map itself shows, for the sources it draws. */
  onMap?: string;
}

/**
 * An official count of inhabitants per municipality of one country: a census or an estimate. A
 * municipality takes the first source of its country, in the descriptor's order, that has a figure.
 */
export interface PopulationSource {
  id: string;
  country: string;
  kind: 'census' | 'estimate';
  year: number;
  /** yyyy-mm-dd, or null where the source gives the year only. */
  referenceDate: string | null;
  /** Who publishes the figures ("NSI"), per UI language. */
  by: ByLanguage;
  /**
   * Where the geo build reads the figures (a file of the geo sources): one row per municipality with
   * the count in `count` and the census year in `year` (checked), or the settlements of a gazetteer
   * summed per municipality. Absent where a programme's geo files are made otherwise.
   */
  read?: { file: string; rows: 'municipalities' | 'settlements'; count: string; year?: string };
}

export interface Programme {
  id: string;
  /** The folder of the collected records and programme facts, relative to the descriptor (the data build reads it). */
  raw?: string;
  /**
   * Messages that name the programme's own places or sources (the subtitle, the map's label), per
   * key of the message catalogues and per UI language; they replace the catalogues' general wording.
   */
  messages: Readonly<Record<string, ByLanguage>>;
  countries: Country[];
  periods: PeriodInfo[];
  /** The largest budget of any period, quoted: a larger project amount is a typing error. */
  largestBudget: { period: string; amount: number; quote: string };
  /** Languages titles are written in: record fields title_<lang>, CSV columns, search. */
  titleLanguages: string[];
  /** Scripts of the place names (the first is the fallback). */
  scripts: string[];
  /** UI languages, the first the default. */
  languages: UiLanguage[];
  /** Keyword stems per theme for records without a priority (see core/themes). */
  themeKeywords: Readonly<Record<ClassifiedTheme, string[]>>;
  credits: Credit[];
  /** Population sources, most preferred first within each country. */
  population: PopulationSource[];
}

export class ProgrammeError extends Error {
  constructor(file: string, field: string, reason: string) {
    super(`${file}: ${field}: ${reason}`);
    this.name = 'ProgrammeError';
  }
}

type Json = Record<string, unknown>;

/** Checks a parsed descriptor; throws ProgrammeError naming the file, the field and the reason. */
export function validateProgramme(value: unknown, file: string): Programme {
  const fail = (field: string, reason: string): never => {
    throw new ProgrammeError(file, field, reason);
  };
  const object = (v: unknown, field: string): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : fail(field, 'expected an object'));
  const text = (v: unknown, field: string): string => (typeof v === 'string' && v.trim() ? v : fail(field, 'expected a non-empty text'));
  const list = <T>(v: unknown, field: string, item: (x: unknown, at: string) => T, { min = 1 } = {}): T[] => {
    if (!Array.isArray(v) || v.length < min) return fail(field, `expected a list of at least ${min}`);
    return v.map((x, i) => item(x, `${field}[${i}]`));
  };
  const unique = (values: string[], field: string) => {
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (twice !== undefined) fail(field, `"${twice}" appears twice`);
  };
  const texts = (v: unknown, field: string, keys: readonly string[]): Record<string, string> => {
    const o = object(v, field);
    for (const k of keys) text(o[k], `${field}.${k}`);
    return o as Record<string, string>;
  };

  const root = object(value, '(root)');
  const id = text(root.id, 'id');
  if (!/^[a-z0-9-]{1,40}$/.test(id)) fail('id', 'expected a slug of lower-case letters, digits and dashes');
  const scripts = list(root.scripts, 'scripts', (s, at) => (/^[A-Z][a-z]{3}$/.test(String(s)) ? String(s) : fail(at, 'expected an ISO 15924 script code such as "Latn"')));
  const titleLanguages = list(root.titleLanguages, 'titleLanguages', (s, at) => (/^[a-z]{2,3}$/.test(String(s)) ? String(s) : fail(at, 'expected a language code such as "en"')));
  unique(titleLanguages, 'titleLanguages');
  const languages = list(root.languages, 'languages', (v, at): UiLanguage => {
    const o = object(v, at);
    const language: UiLanguage = { id: text(o.id, `${at}.id`), name: text(o.name, `${at}.name`), script: text(o.script, `${at}.script`), intl: text(o.intl, `${at}.intl`), titles: list(o.titles, `${at}.titles`, (t, a) => text(t, a)) };
    if (!scripts.includes(language.script)) fail(`${at}.script`, `"${language.script}" is not one of the scripts (${scripts.join(', ')})`);
    for (const [i, t] of language.titles.entries()) if (!titleLanguages.includes(t)) fail(`${at}.titles[${i}]`, `"${t}" is not one of the title languages`);
    if (o.messages !== undefined) language.messages = text(o.messages, `${at}.messages`);
    return language;
  });
  unique(languages.map((l) => l.id), 'languages');
  const languageIds = languages.map((l) => l.id);
  const countries = list(root.countries, 'countries', (v, at): Country => {
    const o = object(v, at);
    const code = text(o.code, `${at}.code`);
    if (!/^[A-Z]{2}$/.test(code)) fail(`${at}.code`, 'expected an ISO 3166-1 alpha-2 code');
    const iso3 = text(o.iso3, `${at}.iso3`);
    const sources = texts(o.sources, `${at}.sources`, ['boundaries', 'gazetteer']);
    return { code, iso3, names: texts(o.names, `${at}.names`, languageIds), sources: { boundaries: sources.boundaries, gazetteer: sources.gazetteer } };
  }, { min: 2 });
  unique(countries.map((c) => c.code), 'countries');
  const themeIds = new Set<string>(THEME_IDS);
  const periods = list(root.periods, 'periods', (v, at): PeriodInfo => {
    const o = object(v, at);
    const periodId = text(o.id, `${at}.id`);
    if (!/^\d{4}-\d{4}$/.test(periodId)) fail(`${at}.id`, 'expected the years as yyyy-yyyy');
    const officialCounts = list(o.officialCounts, `${at}.officialCounts`, (c, a): OfficialCountQuote => {
      const q = object(c, a);
      if (!Number.isInteger(q.count) || (q.count as number) < 0) fail(`${a}.count`, 'expected a whole number');
      return { count: q.count as number, quote: text(q.quote, `${a}.quote`) };
    }, { min: 0 });
    const themes = object(o.themes, `${at}.themes`);
    for (const [code, theme] of Object.entries(themes)) if (!themeIds.has(String(theme))) fail(`${at}.themes.${code}`, `unknown theme "${String(theme)}" (expected one of ${THEME_IDS.join(', ')})`);
    return { id: periodId, officialCounts, themes: themes as PeriodInfo['themes'] };
  });
  unique(periods.map((p) => p.id), 'periods');
  const budget = object(root.largestBudget, 'largestBudget');
  if (!periods.some((p) => p.id === budget.period)) fail('largestBudget.period', `"${String(budget.period)}" is not one of the periods`);
  if (typeof budget.amount !== 'number' || !(budget.amount > 0)) fail('largestBudget.amount', 'expected a positive number of euros');
  const keywords = object(root.themeKeywords, 'themeKeywords');
  for (const theme of THEME_IDS) list(keywords[theme], `themeKeywords.${theme}`, (k, a) => text(k, a), { min: 0 });
  const credits = list(root.credits, 'credits', (v, at): Credit => {
    const o = object(v, at);
    const credit: Credit = { what: text(o.what, `${at}.what`), who: text(o.who, `${at}.who`), licence: text(o.licence, `${at}.licence`), url: text(o.url, `${at}.url`) };
    if (!/^https?:\/\//.test(credit.url)) fail(`${at}.url`, 'expected an http(s) address');
    if (o.onMap !== undefined) credit.onMap = text(o.onMap, `${at}.onMap`);
    return credit;
  });
  const countryIds = countries.map((c) => c.code);
  const population = list(root.population ?? [], 'population', (v, at): PopulationSource => {
    const o = object(v, at);
    const country = text(o.country, `${at}.country`);
    if (!countryIds.includes(country)) fail(`${at}.country`, `"${country}" is not one of the countries (${countryIds.join(', ')})`);
    if (o.kind !== 'census' && o.kind !== 'estimate') fail(`${at}.kind`, 'expected "census" or "estimate"');
    if (!Number.isInteger(o.year) || (o.year as number) < 1800 || (o.year as number) > 2200) fail(`${at}.year`, 'expected a year such as 2021');
    const referenceDate = o.referenceDate === undefined || o.referenceDate === null ? null : text(o.referenceDate, `${at}.referenceDate`);
    if (referenceDate !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) && referenceDate.startsWith(String(o.year)))) fail(`${at}.referenceDate`, `expected a date yyyy-mm-dd in ${String(o.year)}`);
    const read = o.read === undefined ? null : object(o.read, `${at}.read`);
    if (read && read.rows !== 'municipalities' && read.rows !== 'settlements') fail(`${at}.read.rows`, 'expected "municipalities" or "settlements"');
    return {
      id: text(o.id, `${at}.id`),
      country,
      kind: o.kind as PopulationSource['kind'],
      year: o.year as number,
      referenceDate,
      by: texts(o.by, `${at}.by`, languageIds),
      ...(read && {
        read: { file: text(read.file, `${at}.read.file`), rows: read.rows as 'municipalities' | 'settlements', count: text(read.count, `${at}.read.count`), ...(read.year !== undefined ? { year: text(read.year, `${at}.read.year`) } : {}) },
      }),
    };
  }, { min: 0 });
  unique(population.map((s) => s.id), 'population');
  return {
    id,
    ...(root.raw !== undefined ? { raw: text(root.raw, 'raw') } : {}),
    messages: Object.fromEntries(Object.entries(object(root.messages ?? {}, 'messages')).map(([key, v]) => [key, texts(v, `messages.${key}`, languageIds)])),
    countries,
    periods,
    largestBudget: { period: String(budget.period), amount: budget.amount as number, quote: text(budget.quote, 'largestBudget.quote') },
    titleLanguages,
    scripts,
    languages,
    themeKeywords: keywords as Programme['themeKeywords'],
    credits,
    population,
  };
}

/** The name in a script, else in the programme's first script that has one. */
export const nameIn = (names: Names, script: string, scripts: readonly string[]): string =>
  names[script] ?? scripts.map((s) => names[s]).find(Boolean) ?? Object.values(names)[0] ?? '';


export const periodIds = (programme: Programme): string[] => programme.periods.map((p) => p.id);
export const countryCodes = (programme: Programme): string[] => programme.countries.map((c) => c.code);

/** The programme's rules for assigning themes (see core/themes). */
export const themeRules = (programme: Programme): ThemeRules => ({
  tables: new Map(programme.periods.map((p) => [p.id, p.themes])),
  keywords: programme.themeKeywords,
});
