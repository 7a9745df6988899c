/**
 * Cross-period themes. The one table that maps each period's own priority axes, measures and
 * specific objectives to a theme, and the documented rule for records without a priority.
 */
import { matchKey } from './text';
import type { Period } from './types';

export const THEME_IDS = [
  'tourism-heritage',
  'environment-risk',
  'youth-education',
  'infrastructure',
  'economy-skills',
  'people-to-people',
] as const;
export type ThemeId = (typeof THEME_IDS)[number] | 'unclassified';

/** How a project's theme was found. */
export type ThemeBasis = 'programme' | 'inferred' | 'unclassified';

/**
 * Objective code (specific objective, measure, or "PA<n>" for an axis alone) → theme, per period.
 * 2007-2013 measure 2.2 ("sustainable development through efficient utilisation of regional
 * resources") funded tourism and heritage valorisation, hence tourism-heritage.
 * 2014-2020 SO 2.1 ("skills & entrepreneurship") belongs to the Youth axis, hence youth-education.
 * A 2007-2013 axis 2 without its measure spans three themes, so it is not in the table.
 */
export const THEME_TABLE: Record<Period, Record<string, Exclude<ThemeId, 'unclassified'>>> = {
  '2004-2006': {},
  '2007-2013': {
    PA1: 'infrastructure',
    '1.1': 'infrastructure',
    '2.1': 'economy-skills',
    '2.2': 'tourism-heritage',
    '2.3': 'people-to-people',
  },
  '2014-2020': {
    PA1: 'tourism-heritage',
    '1.1': 'tourism-heritage',
    '1.2': 'tourism-heritage',
    '1.3': 'tourism-heritage',
    PA2: 'youth-education',
    '2.1': 'youth-education',
    '2.2': 'youth-education',
    PA3: 'environment-risk',
    '3.1': 'environment-risk',
    '3.2': 'environment-risk',
  },
  '2021-2027': {
    PA1: 'economy-skills',
    'RSO1.3': 'economy-skills',
    PA2: 'tourism-heritage',
    PA3: 'environment-risk',
    'RSO2.4': 'environment-risk',
  },
};

/** "1.1 Tourist Attractiveness" → "1.1"; "RSO2.4 - …" → "RSO2.4"; "2.3. People…" → "2.3". */
export function objectiveCode(text: string | null): string | null {
  if (!text) return null;
  const rso = /RSO\s*(\d\.\d)/i.exec(text);
  if (rso) return `RSO${rso[1]}`;
  const so = /^\s*(\d)\.(\d)\b/.exec(text);
  return so ? `${so[1]}.${so[2]}` : null;
}

/** "3 Environment", "Priority Axis 2", "Приоритетна оса 1: …", "Priority 3 - …" → "PA3". */
export function axisCode(text: string | null): string | null {
  if (!text) return null;
  const m = /^\s*(?:priority(?:\s+axis)?|axis|приоритетна\s+оса|приоритетна\s+ос)?\s*(\d)\b/i.exec(text);
  return m ? `PA${m[1]}` : null;
}

/**
 * Keyword stems per theme for records without a priority (matched on the script-insensitive key).
 * Rule: title hits count 2, summary hits 1; the theme with the highest score wins if it leads
 * by at least one point; otherwise the project stays unclassified.
 */
export const THEME_KEYWORDS: Record<Exclude<ThemeId, 'unclassified'>, string[]> = {
  'tourism-heritage': ['touris', 'турис', 'heritage', 'наследств', 'наслеђ', 'cultur', 'култур', 'kultur', 'fortress', 'крепост', 'tvrđav', 'museum', 'музе', 'folklor', 'фолклор', 'tradition', 'традици', 'craft', 'занаят', 'festival', 'фестивал', 'pottery', 'грънчар', 'music', 'музик', 'wine', 'vino', 'вино'],
  'environment-risk': ['environment', 'околна среда', 'životn', 'eco', 'еко', 'nature', 'природ', 'waste', 'отпадъ', 'otpad', 'flood', 'наводн', 'poplav', 'fire', 'пожар', 'disaster', 'бедстви', 'ecosystem', 'climate', 'климат', 'green', 'зелен'],
  'youth-education': ['youth', 'младеж', 'mlad', 'school', 'училищ', 'школ', 'educat', 'образова', 'student', 'children', 'деца', 'sport', 'спорт', 'volunteer', 'доброволч'],
  infrastructure: ['infrastructure', 'инфраструкт', 'water supply', 'водоснаб', 'vodosnab', 'road', 'reconstruct', 'реконструк'],
  'economy-skills': ['econom', 'иконом', 'business', 'бизнес', 'chamber of commerce', 'търговско-промишлена', 'entrepreneur', 'предприемач', 'cluster', 'клъстер', 'innovation', 'иновац', 'employment', 'заетост'],
  'people-to-people': ['neighbo', 'добросъсед', 'friendly', 'приятелств', 'people to people', 'хора за хората'],
};

const KEYWORD_KEYS = Object.entries(THEME_KEYWORDS).map(
  ([theme, words]) => [theme as Exclude<ThemeId, 'unclassified'>, words.map((w) => matchKey(w))] as const,
);

function score(text: string, stems: readonly string[]): number {
  const key = ` ${matchKey(text)}`;
  return stems.filter((stem) => key.includes(` ${stem}`)).length;
}

export interface ThemeAssignment {
  theme: ThemeId;
  basis: ThemeBasis;
  /** The programme objective that decided it, or the keywords' winning score. */
  because: string;
}

export function inferTheme(titles: string[], summary: string | null): ThemeAssignment {
  const scores = KEYWORD_KEYS.map(([theme, stems]) => ({
    theme,
    score: 2 * titles.reduce((n, t) => n + score(t, stems), 0) + (summary ? score(summary, stems) : 0),
  })).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (best.score > 0 && best.score > second.score) {
    return { theme: best.theme, basis: 'inferred', because: `keywords ${best.score} vs ${second.score}` };
  }
  return { theme: 'unclassified', basis: 'unclassified', because: 'no priority and no clear keyword majority' };
}

export function assignTheme(
  period: Period | null,
  priorityAxis: string | null,
  specificObjective: string | null,
  titles: string[],
  summary: string | null,
): ThemeAssignment {
  if (period) {
    const table = THEME_TABLE[period];
    const so = objectiveCode(specificObjective);
    if (so && table[so]) return { theme: table[so], basis: 'programme', because: so };
    const axis = axisCode(priorityAxis) ?? (specificObjective?.match(/^P(\d)\b/) ? `PA${specificObjective[1]}` : null);
    if (axis && table[axis]) return { theme: table[axis], basis: 'programme', because: axis };
  }
  return inferTheme(titles, summary);
}
