import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetBins, themeRows, yearColumns } from '../../src/core/aggregate';
import { applyFilters, NO_FILTERS } from '../../src/core/filters';
import type { AtlasData, Project } from '../../src/core/types';
import { contrast, light } from '../../src/palette/flavors';
import { choroplethScale, themeScale } from '../../src/palette/scales';
import { choroplethColor } from '../../src/map/choropleth';
import { deriveView, indexData } from '../../src/state/view';
import { project } from './fixtures';

const started = (p: Project, startDate: string | null): Project => ({ ...p, startDate });

describe('chart rows', () => {
  const projects = [
    started(project({ id: 'a', theme: 'tourism-heritage', total: '15 000' }), '2016-05-01'),
    started(project({ id: 'b', theme: 'tourism-heritage', total: null }), '2018-01-01'),
    started(project({ id: 'c', theme: 'environment-risk', total: '2 500 000' }), null),
    started(project({ id: 'd', theme: 'unclassified', total: '50 000 000' }), '2016-12-31'),
  ];

  it('sums known budgets per theme, counts unknown ones, in theme order', () => {
    expect(themeRows(projects)).toEqual([
      { theme: 'tourism-heritage', projects: 2, budget: 15000, unknownBudget: 1 },
      { theme: 'environment-risk', projects: 1, budget: 2500000, unknownBudget: 0 },
      { theme: 'unclassified', projects: 1, budget: 50000000, unknownBudget: 0 },
    ]);
  });

  it('has a column for every year from the first to the last start, empty ones too, then the unknown starts', () => {
    expect(yearColumns(projects).map((c) => [c.year, c.total, Object.fromEntries(c.byTheme)])).toEqual([
      ['2016', 2, { 'tourism-heritage': 1, unclassified: 1 }],
      ['2017', 0, {}],
      ['2018', 1, { 'tourism-heritage': 1 }],
      ['unknown', 1, { 'environment-risk': 1 }],
    ]);
    expect(yearColumns([])).toEqual([]);
  });

  it('bins known totals, the first bin taking what is below it and the last what is above', () => {
    const bins = budgetBins([...projects, project({ id: 'e', total: '500' })]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(bins[0]).toEqual({ from: 1e4, to: 2e4, count: 2 });
    expect(bins.find((b) => b.from === 2e6)!.count).toBe(1);
    expect(bins[bins.length - 1]).toEqual({ from: 5e6, to: 1e7, count: 1 });
  });
});

describe('deriveView', () => {
  const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
  const indexed = indexData(data);
  const input = { filters: NO_FILTERS, stepFilters: null, colourBy: 'sites' as const, network: false, profile: null };

  it('derives the selection, its counts and its charts from the filters', () => {
    const filters = { ...NO_FILTERS, periods: ['2014-2020'] };
    const view = deriveView(indexed, { ...input, filters });
    const expected = applyFilters(indexed.index, filters);
    expect(view.selection).toEqual(expected);
    expect(view.summary.projects).toBe(expected.length);
    expect([...view.visible].sort()).toEqual(expected.map((p) => p.id).sort());
    expect(view.charts.themes.reduce((n, r) => n + r.projects, 0)).toBe(expected.length);
    expect(view.charts.years.reduce((n, c) => n + c.total, 0)).toBe(expected.length);
    expect([...view.themeCounts.values()].reduce((a, b) => a + b, 0)).toBe(expected.length);
    // A facet counts its options with the other filters: every period, not only the chosen one.
    expect(view.facets.periods.get('2007-2013')).toBe(data.projects.filter((p) => p.period === '2007-2013').length);
    expect(view.choropleth).toBeNull();
    expect(view.network).toBeNull();
  });

  it('lets a story step override the filters, while the budget chart keeps the link’s selection', () => {
    const link = { ...NO_FILTERS, budget: { min: 100_000, max: null } };
    const view = deriveView(indexed, { ...input, filters: link, stepFilters: { ...NO_FILTERS, themes: ['environment-risk'] } });
    expect(view.selection.every((p) => p.theme === 'environment-risk')).toBe(true);
    expect(view.charts.budgets.reduce((n, b) => n + b.count, 0)).toBe(data.projects.filter((p) => p.total?.value != null).length);
  });

  it('colours municipalities, draws the network and opens a profile only when asked', () => {
    const view = deriveView(indexed, { ...input, colourBy: 'projects', network: true, profile: 'RS-70939' });
    expect(view.choropleth!.metric).toBe('projects');
    expect(view.choropleth!.values.size).toBe(data.municipalities.filter((m) => m.inArea).length);
    expect(view.pairs.length).toBeGreaterThan(0);
    expect(view.network!.features.every((f) => f.properties.a === 'RS-70939' || f.properties.b === 'RS-70939')).toBe(true);
    expect(view.profile!.municipality.id).toBe('RS-70939');
  });
});

describe('scales', () => {
  it('colour the themes as the palette does, unclassified last', () => {
    const scale = themeScale(light);
    expect(scale.domain[scale.domain.length - 1]).toBe('unclassified');
    expect(scale.color('environment-risk')).toBe(light.themes['environment-risk']);
  });

  it('give the map’s fill and the key the same classes', () => {
    const scale = choroplethScale([10, 20], light);
    expect(scale.classes.map((c) => c.kind)).toEqual(['zero', 'range', 'range', 'above', 'no-data']);
    expect(scale.classes.slice(0, 4).map((c) => c.color)).toEqual(scale.steps);
    // ['case', no data?, noData, ['step', value, 0's colour, >0, class 1, 10, class 2, 20, class 3]]
    const [, , noData, step] = choroplethColor(scale) as unknown as [string, unknown, string, unknown[]];
    expect(noData).toBe(light.no_data);
    expect(step.slice(1).filter((x) => typeof x === 'string')).toEqual(scale.steps);
    expect(step.slice(5).filter((x) => typeof x === 'number')).toEqual([10, 20]);
  });
});

describe('map text contrast', () => {
  /** WCAG relative luminance and contrast ratio. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  it.each([['light', light], ['contrast', contrast]] as const)('%s: place labels read at 4.5:1 or more on every fill under them and on their halo', (_, flavor) => {
    for (const text of [flavor.city_label, flavor.capital_label]) {
      for (const under of [flavor.area, flavor.home, flavor.earth, flavor.background, flavor.city_label_halo]) expect(ratio(text, under), `${text} on ${under}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
