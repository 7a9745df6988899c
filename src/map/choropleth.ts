/** Classes for colouring municipalities by a value: quantile breaks of the positive values. Pure. */
import type { ExpressionSpecification } from 'maplibre-gl';

/** Ascending class breaks (at most classes − 1), from the positive values; nulls are "no data". */
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

/**
 * Fill colour from the feature state `value`: no state or a negative value is "no data",
 * 0 (nothing recorded) the lightest colour, then one colour per class of positive values
 * (the first class starts above 0, each next one at its break).
 */
export function choroplethColor(breaks: readonly number[], colors: readonly string[], noData: string): ExpressionSpecification {
  const step: unknown[] = ['step', ['coalesce', ['feature-state', 'value'], -1], colors[0], Number.MIN_VALUE, colors[1]];
  breaks.forEach((b, i) => step.push(b, colors[Math.min(colors.length - 1, i + 2)]));
  return ['case', ['<', ['coalesce', ['feature-state', 'value'], -1], 0], noData, step] as unknown as ExpressionSpecification;
}

export type ChoroplethMetric = 'budget' | 'projects' | 'per-inhabitant';

/**
 * A value per programme-area municipality: attributed budget, number of projects, or budget per
 * inhabitant. No project recorded is 0; an unknown population is null (no data), never 0.
 */
export function municipalityValues(
  metric: ChoroplethMetric,
  rows: readonly { municipalityId: string; total: number; projects: number }[],
  municipalities: readonly { id: string; population: number | null }[],
): Map<string, number | null> {
  const byId = new Map(rows.map((r) => [r.municipalityId, r]));
  return new Map(
    municipalities.map((m) => {
      const row = byId.get(m.id);
      if (metric === 'projects') return [m.id, row?.projects ?? 0];
      if (metric === 'budget') return [m.id, row?.total ?? 0];
      return [m.id, m.population ? (row?.total ?? 0) / m.population : null];
    }),
  );
}
