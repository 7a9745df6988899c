/**
 * The one i18n module: UI strings, plural rules, and number/currency/date formatting through Intl.
 */
import { srCyrToLat } from '../core/text';
import type { ThemeId } from '../core/themes';
import { bg } from './bg';
import { en, type MessageKey, type Messages } from './en';
import { usesCyrillic, type Locale } from './locales';
import { srCyrl } from './sr-cyrl';

const srLatn = Object.fromEntries(Object.entries(srCyrl).map(([k, v]) => [k, srCyrToLat(v)])) as Messages;
const MESSAGES: Record<Locale, Messages> = { en, bg, 'sr-Cyrl': srCyrl, 'sr-Latn': srLatn };

/** Intl locale per UI locale: English with day-month-year dates and the euro sign first. */
const INTL: Record<Locale, string> = { en: 'en-IE', bg: 'bg', 'sr-Cyrl': 'sr-Cyrl', 'sr-Latn': 'sr-Latn' };

export type Params = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  money(value: number): string;
  moneyShort(value: number): string;
  percent(rate: number): string;
  date(iso: string): string;
  /** The official name of a place in this locale's script. */
  place(nameLat: string, nameCyr: string): string;
  theme(theme: ThemeId): string;
}

export function createI18n(locale: Locale): I18n {
  const messages = MESSAGES[locale];
  const intl = INTL[locale];
  const plural = new Intl.PluralRules(intl);
  const money = new Intl.NumberFormat(intl, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
  const moneyShort = new Intl.NumberFormat(intl, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const cyrillic = usesCyrillic(locale);
  const t = (key: MessageKey, params: Params = {}): string => format(messages[key], params, plural);
  return {
    locale,
    t,
    money: (v) => money.format(v),
    moneyShort: (v) => moneyShort.format(v),
    percent: (r) => percent.format(r),
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    place: (nameLat, nameCyr) => (cyrillic ? nameCyr : nameLat),
    theme: (theme) => t(`theme_${theme.replace(/-/g, '_')}` as MessageKey),
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

export type { Locale, MessageKey };
