/** The charts' rows, from any selection of projects. Pure; each is one pass or close to it. */
import { ALL_THEMES, type ThemeId } from './themes';
import type { Project } from './types';

export interface ThemeRow {
  theme: ThemeId;
  projects: number;
  /** Sum of the known totals. */
  budget: number;
  unknownBudget: number;
}

/** Budget and number of projects per theme, in the themes' order; themes with no project left out. */
export function themeRows(projects: readonly Project[]): ThemeRow[] {
  const rows = new Map(ALL_THEMES.map((theme) => [theme, { theme, projects: 0, budget: 0, unknownBudget: 0 }]));
  for (const p of projects) {
    const row = rows.get(p.theme);
    if (!row) continue;
    row.projects++;
    if (p.total?.value == null) row.unknownBudget++;
    else row.budget += p.total.value;
  }
  return [...rows.values()].filter((r) => r.projects > 0);
}

/** The column of projects without a start date. */
export const UNKNOWN_YEAR = 'unknown';

export interface YearColumn {
  /** "2017", or UNKNOWN_YEAR. */
  year: string;
  byTheme: Map<ThemeId, number>;
  total: number;
}

/** Projects per start year, every year from the first to the last (empty ones too), then those without a start date. */
export function yearColumns(projects: readonly Project[]): YearColumn[] {
  const columns = new Map<string, YearColumn>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of projects) {
    const year = p.startDate ? p.startDate.slice(0, 4) : UNKNOWN_YEAR;
    if (year !== UNKNOWN_YEAR) [first, last] = [Math.min(first, Number(year)), Math.max(last, Number(year))];
    let column = columns.get(year);
    if (!column) columns.set(year, (column = { year, byTheme: new Map(), total: 0 }));
    column.byTheme.set(p.theme, (column.byTheme.get(p.theme) ?? 0) + 1);
    column.total++;
  }
  const years: string[] = [];
  for (let y = first; y <= last; y++) years.push(String(y));
  if (columns.has(UNKNOWN_YEAR)) years.push(UNKNOWN_YEAR);
  return years.map((year) => columns.get(year) ?? { year, byTheme: new Map(), total: 0 });
}

/** Bin edges in euros: 1-2-5 steps cover every budget in the data (tens of thousands to millions). */
export const BUDGET_EDGES = [1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];

export interface BudgetBin {
  from: number;
  to: number;
  count: number;
}

/** Projects with a known total per budget bin; the first bin takes everything below, the last everything above. */
export function budgetBins(projects: readonly Project[]): BudgetBin[] {
  const bins = BUDGET_EDGES.slice(0, -1).map((from, i) => ({ from, to: BUDGET_EDGES[i + 1], count: 0 }));
  for (const p of projects) {
    const v = p.total?.value;
    if (v == null) continue;
    let i = bins.findIndex((b) => v < b.to);
    if (i < 0) i = bins.length - 1;
    bins[i].count++;
  }
  return bins;
}

/** Classes of values for colouring municipalities: ascending breaks (at most classes − 1), from the positive values; nulls are "no data". */
export function classBreaks(values: readonly (number | null)[], classes: number): number[] {
  const positive = values.filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b);
  if (!positive.length) return [];
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) {
    const v = positive[Math.min(positive.length - 1, Math.floor((k * positive.length) / classes))];
    if (!breaks.length || v > breaks[breaks.length - 1]) breaks.push(v);
  }
  return breaks;
}

export const CHOROPLETH_METRICS = ['budget', 'projects', 'per-inhabitant'] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

/**
 * A value per programme-area municipality: attributed budget, number of projects, or budget per
 * inhabitant. No project recorded is 0; an unknown population is null (no data), never 0.
 */
export function municipalityValues(
  metric: ChoroplethMetric,
  rows: readonly { municipalityId: string; total: number; projects: number }[],
  municipalities: readonly { id: string; population: { count: number } | null }[],
): Map<string, number | null> {
  const byId = new Map(rows.map((r) => [r.municipalityId, r]));
  return new Map(
    municipalities.map((m) => {
      const row = byId.get(m.id);
      if (metric === 'projects') return [m.id, row?.projects ?? 0];
      if (metric === 'budget') return [m.id, row?.total ?? 0];
      return [m.id, m.population ? (row?.total ?? 0) / m.population.count : null];
    }),
  );
}
