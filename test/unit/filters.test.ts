import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFilters, facetCounts, FACETS, indexProjects, NO_FILTERS, toggle, type Filters } from '../../src/core/filters';
import type { AtlasData } from '../../src/core/types';
import { summarize } from '../../src/core/summary';
import { MUNICIPALITIES, project } from './fixtures';

const projects = [
  project({ id: 'a', period: '2014-2020', theme: 'environment-risk', type: 'investment', total: '100 000', title: 'Clean rivers of Pirot', partners: [['RS-70939', null], ['BG-MON29', null]] }),
  project({ id: 'b', period: '2007-2013', theme: 'tourism-heritage', type: 'soft', total: '500 000', title: 'Fortress trail', partners: [['BG-VID09', null]] }),
  project({ id: 'c', period: null, theme: 'tourism-heritage', type: null, total: null, title: 'Зона на приятелството', partners: [['RS-70327', null]] }),
  project({ id: 'd', period: '2014-2020', theme: 'youth-education', type: 'soft', total: '2.000.000', title: 'Youth camps', partners: [[null, null]], objective: '2014-2020:2.2' }),
];
const index = indexProjects(projects, MUNICIPALITIES);
const ids = (f: Partial<Filters>) => applyFilters(index, { ...NO_FILTERS, ...f }).map((p) => p.id);

describe('each filter', () => {
  it('matches everything without filters', () => expect(ids({})).toEqual(['a', 'b', 'c', 'd']));
  it('theme', () => expect(ids({ themes: ['tourism-heritage'] })).toEqual(['b', 'c']));
  it('period, with "unknown"', () => expect(ids({ periods: ['2014-2020', 'unknown'] })).toEqual(['a', 'c', 'd']));
  it('programme objective', () => expect(ids({ objectives: ['2014-2020:2.2'] })).toEqual(['d']));
  it('type, with "unknown"', () => expect(ids({ types: ['soft', 'unknown'] })).toEqual(['b', 'c', 'd']));
  it('country side: any partner or site there', () => expect(ids({ countries: ['BG'] })).toEqual(['a', 'b']));
  it('district', () => expect(ids({ districts: ['RS-14'] })).toEqual(['c']));
  it('municipality', () => expect(ids({ municipalities: ['BG-MON29', 'BG-VID09'] })).toEqual(['a', 'b']));
  it('budget range leaves unknown budgets out', () => {
    expect(ids({ budget: { min: 200_000, max: null } })).toEqual(['b', 'd']);
    expect(ids({ budget: { min: null, max: 500_000 } })).toEqual(['a', 'b']);
  });
});

describe('combinations', () => {
  it('are alternatives within a facet and all required across facets', () => {
    expect(ids({ themes: ['tourism-heritage', 'environment-risk'], periods: ['2014-2020'] })).toEqual(['a']);
    expect(ids({ countries: ['RS'], budget: { min: 50_000, max: 150_000 }, q: 'pirot' })).toEqual(['a']);
    expect(ids({ themes: ['youth-education'], countries: ['BG'] })).toEqual([]);
  });

  it('counts each option with the other filters applied', () => {
    const f = { ...NO_FILTERS, periods: ['2014-2020' as const] };
    expect(Object.fromEntries(facetCounts(index, f, 'themes'))).toEqual({ 'environment-risk': 1, 'youth-education': 1 });
    expect(Object.fromEntries(facetCounts(index, f, 'periods'))).toEqual({ '2014-2020': 2, '2007-2013': 1, unknown: 1 });
  });

  it('toggles options', () => {
    const once = toggle(NO_FILTERS, 'themes', 'infrastructure');
    expect(once.themes).toEqual(['infrastructure']);
    expect(toggle(once, 'themes', 'infrastructure').themes).toEqual([]);
  });
});

describe('search', () => {
  it('is insensitive to case, diacritics and script', () => {
    for (const q of ['Pirot', 'Пирот', 'pirot', 'PIROT', 'pir']) expect(ids({ q })).toEqual(['a']);
    for (const q of ['zona', 'Зона', 'ZONA na']) expect(ids({ q })).toEqual(['c']);
    expect(ids({ q: 'Монтана' })).toEqual(['a']);
  });

  it('finds partner names, and needs every word', () => {
    expect(ids({ q: 'partner 0 of b' })).toContain('b');
    expect(ids({ q: 'partner 0 of d' })).toEqual(['d']);
    expect(ids({ q: 'fortress pirot' })).toEqual([]);
  });
});

describe('on the real dataset', () => {
  const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
  const real = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
  it('finds Pirot in any script and spelling alike', () => {
    const found = ['Pirot', 'Пирот', 'pirot'].map((q) => applyFilters(real, { ...NO_FILTERS, q }).map((p) => p.id));
    expect(found[0].length).toBeGreaterThan(5);
    expect(found[1]).toEqual(found[0]);
    expect(found[2]).toEqual(found[0]);
  });

  it('counts of a facet add up to the projects matching the rest', () => {
    const f = { ...NO_FILTERS, countries: ['RS' as const] };
    const counts = facetCounts(real, f, 'periods');
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(applyFilters(real, f).length);
  });
});

describe('the year', () => {
  const dated = (id: string, startDate: string | null, endDate: string | null, period: string | null, durationMonths: number | null = null) => ({ ...project({ id, period }), startDate, endDate, durationMonths });
  const projects = [
    dated('a', '2009-03-01', '2011-02-28', '2007-2013'),
    dated('b', null, null, '2014-2020'), // dated by its period: 2014–2020
    dated('c', '2017-06-01', null, '2014-2020', 24), // to May 2019
    dated('d', null, null, null), // no date, no period: in no year
    dated('e', '2016-10-01', null, null), // no end: its start year only
  ];
  const index = indexProjects(projects, MUNICIPALITIES);
  const at = (year: number, mode: 'started' | 'running') => applyFilters(index, { ...NO_FILTERS, year: { year, mode } }).map((p) => p.id).sort();

  it('takes the years from the dates, else the duration, else the period, by hand', () => {
    expect(index.map((k) => k.years)).toEqual([
      { start: 2009, end: 2011, byPeriod: false },
      { start: 2014, end: 2020, byPeriod: true },
      { start: 2017, end: 2019, byPeriod: false },
      null,
      { start: 2016, end: 2016, byPeriod: false },
    ]);
  });

  it('shows the projects started by the end of the year, or running in it', () => {
    expect(at(2008, 'started')).toEqual([]);
    expect(at(2014, 'started')).toEqual(['a', 'b']);
    expect(at(2017, 'started')).toEqual(['a', 'b', 'c', 'e']);
    expect(at(2010, 'running')).toEqual(['a']);
    expect(at(2016, 'running')).toEqual(['b', 'e']);
    expect(at(2019, 'running')).toEqual(['b', 'c']);
    expect(at(2021, 'running')).toEqual([]);
  });

  it('combines with the facets and leaves their counts to the year’s projects', () => {
    const f: Filters = { ...NO_FILTERS, year: { year: 2017, mode: 'started' }, periods: ['2014-2020'] };
    expect(applyFilters(index, f).map((p) => p.id).sort()).toEqual(['b', 'c']);
    expect(facetCounts(index, f, 'periods')).toEqual(new Map([['2007-2013', 1], ['2014-2020', 2], ['unknown', 1]]));
  });
});

describe('facet counts in one pass', () => {
  it('equal the counts of applying every other filter, for many filter sets', () => {
    const sets: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, periods: ['2014-2020'] },
      { ...NO_FILTERS, periods: ['2014-2020'], themes: ['youth-education', 'environment-risk'] },
      { ...NO_FILTERS, countries: ['RS'], types: ['soft'], q: 'p' },
      { ...NO_FILTERS, budget: { min: 1, max: 600_000 }, municipalities: ['BG-MON29'] },
      { ...NO_FILTERS, year: { year: 2016, mode: 'running' }, themes: ['tourism-heritage'] },
    ];
    for (const f of sets) {
      for (const facet of FACETS) {
        const expected = new Map<string, number>();
        for (const p of applyFilters(index, { ...f, [facet]: [] })) {
          for (const v of index.find((k) => k.project === p)!.values[facet]) expected.set(v, (expected.get(v) ?? 0) + 1);
        }
        expect(facetCounts(index, f, facet)).toEqual(expected);
      }
    }
  });
});

describe('the summary’s counters', () => {
  it('counts each partner organisation and municipality once, whatever the case or the project', () => {
    const a = project({ id: 'a', total: '100', partners: [['RS-70939', null], ['BG-MON29', null]] });
    const b = { ...project({ id: 'b', total: null, partners: [['RS-70939', null]] }), partners: [{ ...a.partners[0], name: a.partners[0].name.toUpperCase() }] };
    const c = project({ id: 'c', partners: [[null, null]] });
    expect(summarize([a, b, c])).toEqual({ projects: 3, onMap: 2, budget: 100, budgetKnown: 1, partners: 3, municipalities: 2 });
    // Counted again from nothing: another selection, other figures.
    expect(summarize([c])).toEqual({ projects: 1, onMap: 0, budget: 0, budgetKnown: 0, partners: 1, municipalities: 0 });
  });
});
