/** Population: the join of the census table to the municipalities, and per-inhabitant ranks worked out by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGeoSources, sourcePath } from '../../geo/sources';
import { matchRows, tableCounts, type TableRow, type Unit } from '../../geo/population';
import { parseCsv } from '../../src/core/csv';
import { median, perInhabitantStanding, rankOf } from '../../src/core/population';
import { validateProgramme, type PopulationSource } from '../../src/core/programme';
import { municipality, PROGRAMME } from './fixtures';

const geo = loadGeoSources(PROGRAMME);
const area = geo.municipalities.filter((m) => m.inArea);
const byName = (name: string) => area.find((m) => m.names.Latn === name)!;

describe('the population join (npm run geo)', () => {
  it('gives every programme-area municipality the first figure of its country in the descriptor’s order', () => {
    // Read independently of the build: the table's own row for each municipality, and the NSI 2017 settlement figures.
    const table = parseCsv(readFileSync(sourcePath('population.csv'), 'utf8'), 'population.csv');
    const settlements = parseCsv(readFileSync(sourcePath('bg_settlements.csv'), 'utf8'), 'bg_settlements.csv');
    expect(area).toHaveLength(105);
    for (const m of area) {
      const row = table.find((r) => r.country === m.country && r.municipality_latin === m.names.Latn && r.district === m.districtNames.Latn);
      expect(row, m.id).toBeDefined();
      const cc = m.country.toLowerCase();
      const nsi2017 = settlements.filter((s) => `BG-${s.municipality_code}` === m.id && s.population_2017 !== '').reduce((s, x) => s + Number(x.population_2017), 0);
      const expected = row!.population
        ? { count: Number(row!.population), source: `${cc}-census-${row!.census_year}` }
        : row!.previous_population
          ? { count: Number(row!.previous_population), source: `${cc}-census-${row!.previous_year}` }
          : m.country === 'BG' && nsi2017 > 0
            ? { count: nsi2017, source: 'bg-nsi-2017' }
            : null;
      expect(m.population, m.names.Latn).toEqual(expected);
    }
  });

  it('takes the figures as the sources give them, checked by hand', () => {
    expect(byName('Pirot').population).toEqual({ count: 49_601, source: 'rs-census-2022' });
    expect(byName('Montana').population).toEqual({ count: 46_271, source: 'bg-census-2021' });
    expect(byName('Vidin').population).toEqual({ count: 63_257, source: 'bg-census-2011' });
    expect(byName('Gadžin Han').population).toEqual({ count: 8_389, source: 'rs-census-2011' });
    // Neither census has a figure for Aleksinac in the table: unknown, never estimated.
    expect(byName('Aleksinac').population).toBeNull();
  });

  it('keeps Niš as one city with its city municipalities’ own figures beside it', () => {
    const nis = byName('Niš');
    expect(nis.population).toEqual({ count: 249_501, source: 'rs-census-2022' });
    const parts = Object.fromEntries(nis.parts!.map((p) => [p.names.Latn, p.population]));
    expect(parts).toEqual({
      'Crveni krst': null,
      Medijana: { count: 85_969, source: 'rs-census-2011' },
      'Niška Banja': { count: 12_940, source: 'rs-census-2022' },
      'Palilula (Niš)': { count: 73_801, source: 'rs-census-2011' },
      Pantelej: { count: 54_462, source: 'rs-census-2022' },
    });
  });

  const units: Unit[] = [
    { id: 'RS-70939', country: 'RS', district: 'Pirotski okrug', name: 'Pirot', localName: 'Пирот', names: {}, inArea: true },
    { id: 'RS-70327', country: 'RS', district: 'Borski okrug', name: 'Bor', localName: 'Бор', names: {}, inArea: true },
  ];
  const row = (line: number, name: string, cells: Record<string, string> = {}, district = 'Pirotski okrug', localName = ''): TableRow => ({ line, country: 'RS', district, name, localName, cells });

  it('fails on a misspelt name, naming the file, the row and the reason', () => {
    expect(() => matchRows('population.csv', [row(2, 'Pirrot'), row(3, 'Bor', {}, 'Borski okrug')], units)).toThrow('population.csv: row 2: no municipality "Pirrot" in Pirotski okrug (RS)');
    expect(() => matchRows('population.csv', [row(2, 'Bor')], units)).toThrow('population.csv: row 2: no municipality "Bor" in Pirotski okrug (RS); one is in Borski okrug');
    expect(() => matchRows('population.csv', [row(2, 'Pirot', {}, 'Pirotski okrug', 'Пирoт')], units)).toThrow('row 2: local name');
    expect(() => matchRows('population.csv', [row(2, 'Pirot')], units)).toThrow('population.csv: no row for 1 programme-area municipalities: Bor (RS-70327)');
    expect(() => matchRows('population.csv', [row(2, 'Pirot'), row(3, 'pirot'), row(4, 'Bor', {}, 'Borski okrug')], units)).toThrow('row 3: RS-70939 (pirot) is already on row 2');
  });

  it('checks each figure against its source’s year and refuses what is not a count', () => {
    const source: PopulationSource = { id: 'rs-census-2022', country: 'RS', kind: 'census', year: 2022, referenceDate: '2022-09-30', by: {}, read: { file: 'population.csv', rows: 'municipalities', count: 'population', year: 'census_year' } };
    const matched = (cells: Record<string, string>) => matchRows('p.csv', [row(2, 'Pirot', cells), row(3, 'Bor', {}, 'Borski okrug')], units);
    expect(tableCounts('p.csv', matched({ population: '49601', census_year: '2022' }), source).get('RS-70939')).toBe(49_601);
    expect(() => tableCounts('p.csv', matched({ population: '49601', census_year: '2011' }), source)).toThrow('p.csv: row 2: census_year: "2011", but source rs-census-2022 is of 2022');
    expect(() => tableCounts('p.csv', matched({ population: '49.601', census_year: '2022' }), source)).toThrow('p.csv: row 2: population: expected a whole number of inhabitants, got "49.601"');
  });

  it('refuses a population source the descriptor states badly', () => {
    const bad = (entry: object) => () => validateProgramme({ ...PROGRAMME, population: [{ ...PROGRAMME.population[0], ...entry }] }, 'programme.json');
    expect(bad({ country: 'XX' })).toThrow('programme.json: population[0].country: "XX" is not one of the countries');
    expect(bad({ referenceDate: '2011-02-01' })).toThrow('population[0].referenceDate: expected a date yyyy-mm-dd in 2021');
    expect(bad({ kind: 'guess' })).toThrow('population[0].kind');
  });
});

describe('per inhabitant, ranks and the median', () => {
  // Four area municipalities in two districts; D has no population.
  const ms = [
    municipality('RS-A', 'A', 'А', 'RS-1', 10_000),
    municipality('RS-B', 'B', 'Б', 'RS-1', 2_000),
    municipality('RS-C', 'C', 'В', 'RS-2', 5_000),
    municipality('RS-D', 'D', 'Г', 'RS-2', null),
  ];
  const rows = [
    { municipalityId: 'RS-A', total: 100_000, projects: 2 }, // 10 € per inhabitant
    { municipalityId: 'RS-B', total: 100_000, projects: 1 }, // 50
    { municipalityId: 'RS-D', total: 900_000, projects: 3 }, // unknown
  ]; // C: no project, 0 per inhabitant

  it('ranks by hand: highest first, unknown left out of the count', () => {
    const a = perInhabitantStanding('RS-A', rows, ms);
    expect(a.values.get('RS-A')).toBe(10);
    expect(a.area).toEqual({ rank: 2, of: 3 });
    expect(a.district).toEqual({ rank: 2, of: 2 });
    expect(a.median).toBe(10);
    expect(a.without).toBe(1);
    expect(perInhabitantStanding('RS-B', rows, ms).area).toEqual({ rank: 1, of: 3 });
    expect(perInhabitantStanding('RS-C', rows, ms).district).toEqual({ rank: 1, of: 1 });
    expect(perInhabitantStanding('RS-D', rows, ms).area).toEqual({ rank: null, of: 3 });
  });

  it('gives equal values one rank, and the median of an even count is the mean of the middle two', () => {
    const values = new Map([['a', 5], ['b', 5], ['c', 1]]);
    expect(rankOf('b', values, ['a', 'b', 'c'])).toEqual({ rank: 1, of: 3 });
    expect(rankOf('c', values, ['a', 'b', 'c'])).toEqual({ rank: 3, of: 3 });
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
