/** The map's municipality fill, from the choropleth scale (palette/scales.ts) that also draws its keys. Pure. */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { ChoroplethScale } from '../palette/scales';

/**
 * Fill colour from the feature state `value`: no state or a negative value is "no data",
 * 0 (nothing recorded) the scale's first colour, then one colour per class of positive values
 * (the first class starts above 0, each next one at its break).
 */
export function choroplethColor({ breaks, steps, noData }: ChoroplethScale): ExpressionSpecification {
  const step: unknown[] = ['step', ['coalesce', ['feature-state', 'value'], -1], steps[0], Number.MIN_VALUE, steps[1]];
  breaks.forEach((b, i) => step.push(b, steps[i + 2]));
  return ['case', ['<', ['coalesce', ['feature-state', 'value'], -1], 0], noData, step] as unknown as ExpressionSpecification;
}
