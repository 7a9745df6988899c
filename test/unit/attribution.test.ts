import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute, shares } from '../../src/core/attribution';
import { applyFilters, FACETS, indexProjects, NO_FILTERS, type Filters } from '../../src/core/filters';
import type { AtlasData } from '../../src/core/types';
import { municipalityValues } from '../../src/core/aggregate';
import { MUNICIPALITIES, project } from './fixtures';

describe('the attribution rule', () => {
  it('uses partner budgets as shares when every located partner has one', () => {
    const p = project({ id: 'x', total: '1000', partners: [['RS-70939', '300'], ['BG-MON29', '100']] });
    expect(Object.fromEntries(shares(p))).toEqual({ 'RS-70939': 0.75, 'BG-MON29': 0.25 });
  });

  it('splits equally among located partners otherwise, and two partners in one town add up', () => {
    const p = project({ id: 'x', total: '900', partners: [['RS-70939', '300'], ['BG-MON29', null], ['BG-MON29', null], [null, null]] });
    expect(Object.fromEntries(shares(p))).toEqual({ 'RS-70939': 1 / 3, 'BG-MON29': 2 / 3 });
  });

  it('shows unplaced budgets as unattributed and unknown budgets as counts', () => {
    const a = attribute([
      project({ id: 'placed', total: '1000', eu: '850', partners: [['RS-70939', null], ['BG-MON29', null]] }),
      project({ id: 'national', total: '7.289.816,15', partners: [[null, null]] }),
      project({ id: 'unknown', total: null, partners: [['RS-70939', null]] }),
    ]);
    expect(a.unattributed).toEqual({ total: 7289816.15, eu: 0, projects: 1 });
    expect(a.unknownBudget).toBe(1);
    expect(a.municipalities.find((r) => r.municipalityId === 'RS-70939')).toEqual({ municipalityId: 'RS-70939', total: 500, eu: 425, projects: 2, unknownBudget: 1 });
    expect(a.knownTotal).toBeCloseTo(7290816.15, 2);
  });
});

describe('conservation on the real data, for many filters', () => {
  const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
  const index = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
  // Every single option of every facet, and pairs of periods × themes.
  const filters: Filters[] = [NO_FILTERS];
  for (const facet of FACETS) for (const value of new Set(index.flatMap((k) => k.values[facet]))) filters.push({ ...NO_FILTERS, [facet]: [value] });
  for (const period of ['2007-2013', '2014-2020'] as const) for (const theme of ['tourism-heritage', 'environment-risk'] as const) filters.push({ ...NO_FILTERS, periods: [period], themes: [theme] });
  filters.push({ ...NO_FILTERS, budget: { min: 200_000, max: 600_000 } });

  it.each(filters.map((f, i) => [i, f] as const))('filter %i: municipalities + unattributed = known totals, nothing counted twice', (_, f) => {
    const selection = applyFilters(index, f);
    const a = attribute(selection);
    const known = selection.reduce((s, p) => s + (p.total?.value ?? 0), 0);
    const attributed = a.municipalities.reduce((s, r) => s + r.total, 0);
    expect(a.knownTotal).toBeCloseTo(known, 2);
    expect(attributed + a.unattributed.total).toBeCloseTo(known, 2);
    expect(a.unknownBudget).toBe(selection.filter((p) => p.total?.value == null).length);
    for (const p of selection) {
      const s = [...shares(p).values()].reduce((x, y) => x + y, 0);
      if (shares(p).size) expect(s).toBeCloseTo(1, 10);
    }
  });
});

describe('choropleth values', () => {
  it('never turns an unknown population into zero', () => {
    const rows = [{ municipalityId: 'BG-MON29', total: 94_000, projects: 2 }];
    const values = municipalityValues('per-inhabitant', rows, [...MUNICIPALITIES.values()]);
    expect(values.get('BG-MON29')).toBe(2);
    expect(values.get('BG-VID09')).toBe(0);
    expect(values.get('RS-70939')).toBeNull();
    expect(municipalityValues('projects', rows, [...MUNICIPALITIES.values()]).get('RS-70939')).toBe(0);
  });
});
