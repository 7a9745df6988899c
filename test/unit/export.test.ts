import { describe, expect, it } from 'vitest';
import { BOM, csvColumns, csvField, exportName as nameOf, projectsFile, toCsv as csvOf, toGeoJson as geoJsonOf } from '../../src/core/export';
import type { Filters } from '../../src/core/filters';
import { NO_FILTERS } from '../../src/core/filters';
import type { MunicipalityRecord, Project } from '../../src/core/types';
import { MUNICIPALITIES, project, PROGRAMME } from './fixtures';

// Files of the Bulgaria–Serbia programme (its title languages and scripts).
const CSV_COLUMNS = csvColumns(PROGRAMME);
const toCsv = (projects: Project[], municipalities: ReadonlyMap<string, MunicipalityRecord>) => csvOf(projects, municipalities, PROGRAMME);
const toGeoJson = (projects: Project[]) => geoJsonOf(projects, PROGRAMME);
const exportName = (filters: Filters, municipalities: ReadonlyMap<string, MunicipalityRecord>) => nameOf(filters, municipalities, PROGRAMME);

describe('CSV writer', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain text alone', () => {
    expect(csvField('Municipality of Pirot, Serbia')).toBe('"Municipality of Pirot, Serbia"');
    expect(csvField('Association “Love and Light” "LL"')).toBe('"Association “Love and Light” ""LL"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('Община Бойчиновци')).toBe('Община Бойчиновци');
    expect(csvField(null)).toBe('');
    expect(csvField(581345.46)).toBe('581345.46');
  });

  it('neutralises text a spreadsheet would run as a formula, and keeps numbers numeric', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvField(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Montana - Pirot')).toBe('Montana - Pirot');
    const row = toCsv([project({ id: 'X', title: '=cmd|" /C calc"!A0' })], MUNICIPALITIES).split('\r\n')[1];
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
  });

  it('writes a BOM, the header and one row per project', () => {
    const p = project({ id: 'x,1', total: '581 345,46', title: 'Зона "на" приятелството, 2', partners: [['RS-70939', null]] });
    const csv = toCsv([p, project({ id: 'y' })], MUNICIPALITIES);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, two rows, final empty
    expect(lines[1]).toContain('"x,1"');
    expect(lines[1]).toContain('"Зона ""на"" приятелството, 2"');
    expect(lines[1]).toContain(',581345.46,581 345,46,'.replace('581 345,46', '"581 345,46"'));
  });
});

describe('a file written a part at a time', () => {
  const projects = [
    project({ id: 'a', partners: [['RS-70939', null], ['BG-MON29', null]] }),
    project({ id: 'b' }),
    project({ id: 'c, "quoted"', partners: [['RS-70939', null]] }),
    project({ id: 'd', partners: [['BG-MON29', null]] }),
  ];
  it.each([[[4]], [[1, 3]], [[0, 2, 0, 2, 0]], [[1, 1, 1, 1]]])('is the file of all its parts at once (parts of %j projects)', (sizes) => {
    const csv = projectsFile('csv', MUNICIPALITIES, PROGRAMME);
    const geojson = projectsFile('geojson', MUNICIPALITIES, PROGRAMME);
    let at = 0;
    for (const size of sizes) {
      csv.add(projects.slice(at, at + size));
      geojson.add(projects.slice(at, at + size));
      at += size;
    }
    expect(csv.pieces().join('')).toBe(toCsv(projects, MUNICIPALITIES));
    expect(JSON.parse(geojson.pieces().join(''))).toEqual(toGeoJson(projects));
    expect(geojson.pieces().join('')).toBe(JSON.stringify(toGeoJson(projects)));
  });
});

describe('GeoJSON and names', () => {
  it('has one point per project place', () => {
    const fc = toGeoJson([project({ id: 'a', partners: [['RS-70939', null], ['BG-MON29', null]] }), project({ id: 'b' })]);
    expect(fc.features.map((f) => f.properties!.project)).toEqual(['a', 'a']);
  });

  it('names files after the view', () => {
    expect(exportName({ ...NO_FILTERS, municipalities: ['RS-70939'], periods: ['2014-2020'] }, MUNICIPALITIES)).toBe('atlas-pirot-2014-2020');
    expect(exportName(NO_FILTERS, MUNICIPALITIES)).toBe('atlas-all-projects');
  });
});
