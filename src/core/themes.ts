/**
 * Cross-period themes: the atlas's theme vocabulary, and how a project gets one from its
 * programme's rules (programme.json: each period's objective table and the theme keywords).
 */
import { matchKey } from './text';

export const THEME_IDS = [
  'tourism-heritage',
  'environment-risk',
  'youth-education',
  'infrastructure',
  'economy-skills',
  'people-to-people',
] as const;
export type ClassifiedTheme = (typeof THEME_IDS)[number];
export type ThemeId = ClassifiedTheme | 'unclassified';
/** Every theme in display order, unclassified last: the one list legends, charts and filters show. */
export const ALL_THEMES: readonly ThemeId[] = [...THEME_IDS, 'unclassified'];

/** How a project's theme was found. */
export type ThemeBasis = 'programme' | 'inferred' | 'unclassified';

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
 * Records without a priority are classified by the programme's keyword stems (programme.json
 * `themeKeywords`, matched on the script-insensitive key). Rule: title hits count 2, summary hits 1;
 * the theme with the highest score wins if it leads by at least one point; otherwise the project
 * stays unclassified.
 */
export type ThemeKeywords = Readonly<Record<ClassifiedTheme, readonly string[]>>;

const keywordKeys = new WeakMap<ThemeKeywords, (readonly [ClassifiedTheme, string[]])[]>();
function stemsOf(keywords: ThemeKeywords) {
  let keys = keywordKeys.get(keywords);
  if (!keys) keywordKeys.set(keywords, (keys = THEME_IDS.map((theme) => [theme, (keywords[theme] ?? []).map((w) => matchKey(w))] as const)));
  return keys;
}

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

export function inferTheme(titles: string[], summary: string | null, keywords: ThemeKeywords): ThemeAssignment {
  const scores = stemsOf(keywords).map(([theme, stems]) => ({
    theme,
    score: 2 * titles.reduce((n, t) => n + score(t, stems), 0) + (summary ? score(summary, stems) : 0),
  })).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (best.score > 0 && best.score > second.score) {
    return { theme: best.theme, basis: 'inferred', because: `keywords ${best.score} vs ${second.score}` };
  }
  return { theme: 'unclassified', basis: 'unclassified', because: 'no priority and no clear keyword majority' };
}

export interface ThemeRules {
  /** Per period: objective code (specific objective, measure, or "PA<n>" for an axis alone) → theme. */
  tables: ReadonlyMap<string, Readonly<Record<string, ClassifiedTheme>>>;
  keywords: ThemeKeywords;
}

export function assignTheme(
  period: string | null,
  priorityAxis: string | null,
  specificObjective: string | null,
  titles: string[],
  summary: string | null,
  rules: ThemeRules,
): ThemeAssignment {
  const table = period ? rules.tables.get(period) : undefined;
  if (table) {
    const so = objectiveCode(specificObjective);
    if (so && table[so]) return { theme: table[so], basis: 'programme', because: so };
    const axis = axisCode(priorityAxis) ?? (specificObjective?.match(/^P(\d)\b/) ? `PA${specificObjective[1]}` : null);
    if (axis && table[axis]) return { theme: table[axis], basis: 'programme', because: axis };
  }
  return inferTheme(titles, summary, rules.keywords);
}
