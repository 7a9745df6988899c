/**
 * The one i18n module: UI strings (a catalogue, with the programme's own wording over it), plural
 * rules, number/currency/date formatting through Intl, and the names of places, countries and
 * titles in a UI language of the programme.
 */
import { nameIn, type Names, type Programme, type UiLanguage } from '../core/programme';
import { titleIn, type TitleWording } from '../core/rows';
import type { ThemeId } from '../core/themes';
import type { Titles } from '../core/types';
import type { MessageKey, Messages } from './en';

export type Params = Record<string, string | number>;

export interface I18n {
  /** The UI language's id ("sr-Latn"), as in the `lang` link parameter. */
  locale: string;
  language: UiLanguage;
  /** The programme whose languages, countries and periods these are. */
  programme: Programme;
  t(key: MessageKey, params?: Params): string;
  /** A count with the language's digit grouping (12 345). */
  count(value: number): string;
  money(value: number): string;
  moneyShort(value: number): string;
  percent(rate: number): string;
  date(iso: string): string;
  /** The official name of a place in this language's script. */
  place(names: Names): string;
  theme(theme: ThemeId): string;
  country(code: string): string;
  /** The title in the language's preferred title languages, in order; null when there is none. */
  title(titles: Titles): string | null;
  /** The words a project's title is made in (core/rows). */
  wording: TitleWording;
}

/** The id of the message catalogue a UI language speaks with. */
export function catalogueId(locale: string, programme: Programme): string {
  const language = programme.languages.find((l) => l.id === locale);
  if (!language) throw new Error(`no UI language "${locale}" in programme ${programme.id}`);
  return language.messages ?? language.id;
}

/** The UI in a language, from its catalogue (`catalogues` holds it, by `catalogueId`). */
export function createI18n(locale: string, programme: Programme, catalogues: Readonly<Record<string, Messages>>): I18n {
  const id = catalogueId(locale, programme);
  const language = programme.languages.find((l) => l.id === locale)!;
  const catalogue = catalogues[id];
  if (!catalogue) throw new Error(`programme ${programme.id}: languages: "${locale}" names no message catalogue (${Object.keys(catalogues).join(', ')})`);
  const unknown = Object.keys(programme.messages).find((key) => !(key in catalogue));
  if (unknown) throw new Error(`programme ${programme.id}: messages.${unknown}: no such message in the catalogues`);
  const own = (key: string) => programme.messages[key]?.[locale];
  const intl = language.intl;
  const plural = new Intl.PluralRules(intl);
  const counts = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(intl, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
  const moneyShort = new Intl.NumberFormat(intl, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const t = (key: MessageKey, params: Params = {}): string => format(own(key) ?? catalogue[key], params, plural);
  const countries = new Map(programme.countries.map((c) => [c.code, c.names[locale]]));
  const titleOrder = [...language.titles, ...programme.titleLanguages.filter((l) => !language.titles.includes(l))];
  return {
    locale,
    language,
    programme,
    t,
    count: (v) => counts.format(v),
    money: (v) => money.format(v),
    moneyShort: (v) => moneyShort.format(v),
    percent: (r) => percent.format(r),
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    place: (names) => nameIn(names, language.script, programme.scripts),
    theme: (theme) => t(`theme_${theme.replace(/-/g, '_')}` as MessageKey),
    country: (code) => countries.get(code) ?? code,
    title: (titles) => titleIn(titles, titleOrder),
    wording: { titleOrder, script: language.script, scripts: programme.scripts, untitled: t('untitled', { places: '{places}' }), periodUnknown: t('periodUnknown') },
  };
}

/**
 * "{name}" placeholders and one level of "{n, plural, one {# x} few {…} other {# xs}}".
 * Parameters are inserted as text; the UI renders them as text nodes, never as HTML.
 */
export function format(template: string, params: Params, plural: Intl.PluralRules): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    const body = template.slice(open + 1, close);
    const pluralMatch = /^(\w+),\s*plural,\s*/.exec(body);
    if (pluralMatch) {
      const n = Number(params[pluralMatch[1]]);
      const options = parseOptions(body.slice(pluralMatch[0].length));
      const chosen = options[plural.select(n)] ?? options.other ?? '';
      out += format(chosen.replace(/#/g, String(n)), params, plural);
    } else {
      out += body in params ? String(params[body]) : `{${body}}`;
    }
    i = close + 1;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message "${text}"`);
}

function parseOptions(text: string): Record<string, string> {
  const options: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const m = /^\s*(\w+)\s*\{/.exec(text.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const close = matchingBrace(text, open);
    options[m[1]] = text.slice(open + 1, close);
    i = close + 1;
  }
  return options;
}

export type { MessageKey };
