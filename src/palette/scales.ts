/**
 * The two colour scales of the atlas, from a flavour: themes (site dots, bars, swatches, the theme
 * key) and the choropleth classes (the map's fill, its key beside the map and in the exported PNG).
 * Like Observable Plot's scales, each key is derived from the scale that colours the marks. Pure.
 */
import { ALL_THEMES, type ThemeId } from '../core/themes';
import type { Flavor } from './flavors';

export interface ThemeScale {
  /** The themes in display order, unclassified last. */
  domain: readonly ThemeId[];
  color(theme: ThemeId): string;
}

export const themeScale = (flavor: Flavor): ThemeScale => ({ domain: ALL_THEMES, color: (theme) => flavor.themes[theme] });

/** CSS custom properties `--theme-<id>` for the page's swatches, set once where the page is laid out. */
export const themeVariables = (scale: ThemeScale): Record<string, string> => Object.fromEntries(scale.domain.map((theme) => [`--theme-${theme}`, scale.color(theme)]));

export type ChoroplethClass =
  | { kind: 'zero'; color: string }
  | { kind: 'range'; color: string; from: number; to: number; first: boolean }
  | { kind: 'above'; color: string; from: number }
  | { kind: 'no-data'; color: string };

export interface ChoroplethScale {
  /** Ascending class breaks of the positive values. */
  breaks: readonly number[];
  /** Nothing recorded (0), one class per break interval of the positive values, no data last. */
  classes: ChoroplethClass[];
  /** The class colours in order, 0's first: what the map's step expression steps through. */
  steps: string[];
  noData: string;
}

export function choroplethScale(breaks: readonly number[], flavor: Flavor): ChoroplethScale {
  const colors = flavor.choropleth;
  const steps = [colors[0], ...[0, ...breaks].map((_, i) => colors[Math.min(i + 1, colors.length - 1)])];
  const edges = [0, ...breaks];
  const classes: ChoroplethClass[] = [
    { kind: 'zero', color: steps[0] },
    ...edges.map((from, i): ChoroplethClass => (i < edges.length - 1 ? { kind: 'range', color: steps[i + 1], from, to: edges[i + 1], first: i === 0 } : { kind: 'above', color: steps[i + 1], from })),
    { kind: 'no-data', color: flavor.no_data },
  ];
  return { breaks, classes, steps, noData: flavor.no_data };
}
