import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programmeFacts, PUBLISHED_DATA, readCompiled, readRecords } from '../../data/dataset-dir';
import { keepCsvs, KEEP_VARIANT, operationsWorkbook, WORKBOOK_VARIANT } from '../../data/operations-workbook';
import { formatProblem } from '../../src/core/problems';
import type { Project } from '../../src/core/types';
import { importFiles, readFiles, type InputFile } from '../../src/import';
import { headerKey, tableKind } from '../../src/import/headers';
import { projectRecord } from '../../src/import/fromProjects';
import { CANONICAL, listOfOperationsSheets } from '../../src/import/listOfOperations';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { importReport, LISTED } from '../../src/import/report';

const { programme, facts, gazetteer } = programmeFacts();
const published = readCompiled(PUBLISHED_DATA);
const records = readRecords(PUBLISHED_DATA, programme);
const fixture = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))) });
const text = (name: string, content: string): InputFile => ({ name, bytes: new TextEncoder().encode(content) });
const load = (files: InputFile[], base = [] as typeof records, replace = false) => importFiles(files, base, facts, { programme, gazetteer }, { replace });

/** What a round trip must keep: ids, periods, budgets, titles, partners and placements. */
const essence = (p: Project) => ({
  id: p.id, period: p.period, title: p.title, total: p.total?.value ?? null, eu: p.eu?.value ?? null, type: p.type, objective: p.objective,
  partners: p.partners.map((q) => [q.name, q.role, q.country, q.budget?.value ?? null]),
  places: p.locations.filter((l) => l.method !== 'site').map((l) => [l.settlementId, l.municipalityId, l.method]),
});

describe('header recognition', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(headerKey('  Total-Budget (€) ')).toBe(headerKey('total budget'));
    expect(tableKind(['OPERATION  ID', 'Project name'])).toBe('operations');
    expect(tableKind(['project_code', ' PARTNER NAME '])).toBe('partners');
    expect(tableKind(['Name', 'Value'])).toBeNull();
  });
});

describe('round trip of the published records', () => {
  const expected = published.projects.map(essence);
  it('through the committed list-of-operations workbook (title row, other synonyms, an unknown column)', async () => {
    const result = await load([fixture('list-of-operations.xlsx')]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.read.unused).toEqual(['list-of-operations.xlsx, sheet "Operations": "Internal reference"']);
    expect(result.built.data.projects.map(essence)).toEqual(expected);
    expect(result.built.data.stories.map((s) => s.id)).toEqual(published.stories.map((s) => s.id));
  });
  it('through keep.eu-style CSVs (lead partner in Bulgarian, country names)', async () => {
    const result = await load([fixture('keep-projects.csv'), fixture('keep-partners.csv')]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.built.data.projects.map(essence)).toEqual(expected);
  });
  it('through a workbook written now (the fixture is what the writer makes)', async () => {
    const bytes = new Uint8Array(await operationsWorkbook(records.map((r) => r.value), WORKBOOK_VARIANT, 'title', programme));
    const result = await load([{ name: 'now.xlsx', bytes }]);
    expect(result.built.data.projects.map(essence)).toEqual(expected);
    const keep = keepCsvs(records.map((r) => r.value), KEEP_VARIANT, programme);
    expect(keep.projects).toBe(readFileSync(new URL('../fixtures/import/keep-projects.csv', import.meta.url), 'utf8'));
  });
});

describe('the page’s workbook of a selection', () => {
  const municipalities = new Map(published.municipalities.map((m) => [m.id, m]));
  const workbook = async (projects: readonly Project[]) =>
    new Uint8Array(await writeXlsxFile(listOfOperationsSheets(projects.map((p) => projectRecord(p, municipalities, programme)), CANONICAL, 'Selection', programme, 'euros') as never).toBuffer());

  it('imports back into the same projects, partners, amounts and places', async () => {
    const result = await load([{ name: 'selection.xlsx', bytes: await workbook(published.projects) }]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const sites = (p: Project) => ({ id: p.id, sites: p.sites, summary: p.summary, start: p.startDate, end: p.endDate, rate: p.euRate, sources: p.sources });
    // Each partner is written with its municipality: a town once taken as the seat of an ambiguous
    // name is now found in it, the same settlement (`method` turns from "seat" to "settlement").
    const place = (p: Project) => ({ ...essence(p), places: essence(p).places.map(([settlement, municipality]) => [settlement, municipality]) });
    expect(result.built.data.projects.map(place)).toEqual(published.projects.map(place));
    expect(result.built.data.projects.map(sites)).toEqual(published.projects.map(sites));
  });

  it('writes euros as numbers, dates as dates and every text as text, never a formula', async () => {
    const [first] = published.projects.filter((p) => p.total?.value && p.startDate && !p.total.approximate);
    const hostile = { ...first, title: { ...first.title, [programme.titleLanguages[0]]: '=HYPERLINK("http://x","y")' } };
    const bytes = await workbook([hostile]);
    const xml = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).not.toContain('<f>');
    const rows = ((await readXlsxFile(Buffer.from(bytes))) as unknown as { sheet: string; data: unknown[][] }[]).find((x) => x.sheet === 'Operations')!.data;
    const header = rows[1].map(String);
    const row = rows[2];
    expect(row[header.indexOf(CANONICAL.operations.title)]).toBe('=HYPERLINK("http://x","y")');
    expect(row[header.indexOf(CANONICAL.operations.total_eur)]).toBe(first.total!.value);
    expect(row[header.indexOf(CANONICAL.operations.start_date)]).toEqual(new Date(`${first.startDate}T00:00:00Z`));
    const styles = new TextDecoder().decode(unzipSync(bytes)['xl/styles.xml']);
    expect(styles).toContain('formatCode="#,##0.00 &quot;€&quot;"');
    const result = await load([{ name: 'one.xlsx', bytes }]);
    expect(result.built.data.projects[0].title[programme.titleLanguages[0]]).toBe('=HYPERLINK("http://x","y")');
  });
});

describe('merge', () => {
  it('adds, changes field by field, keeps what the import lacks, and is idempotent', async () => {
    const csv = [
      'Operation ID;Project name;Period;Total budget;Programme',
      'CB007.1.11.075;A new name;2014-2020;"100 000,00";Interreg-IPA CBC Bulgaria–Serbia',
      'NEW.1;Brand new operation;2021-2027;5000;Interreg VI-A IPA Bulgaria–Serbia',
    ].join('\n');
    const first = await load([text('ops.csv', csv)], records);
    expect(first.merge.added).toEqual(['NEW.1']);
    expect(first.merge.changed.filter((c) => c.id === 'CB007.1.11.075').map((c) => c.field).sort()).toEqual(['programme', 'sources', 'title_en', 'total_eur']);
    expect(first.merge.missing).toHaveLength(records.length - 1);
    expect(first.built.data.projects).toHaveLength(records.length + 1);
    const changed = first.built.data.projects.find((p) => p.id === 'CB007.1.11.075')!;
    expect(changed.total?.value).toBe(100000);
    expect(changed.partners.length).toBeGreaterThan(0); // kept from the dataset
    const second = await load([text('ops.csv', csv)], first.merge.records);
    expect(second.merge.changed).toEqual([]);
    expect(second.merge.added).toEqual([]);
    expect(second.built.data.projects).toEqual(first.built.data.projects);
    const replaced = await load([text('ops.csv', csv)], records, true);
    expect(replaced.built.data.projects.map((p) => p.id)).toEqual(['CB007.1.11.075', 'NEW.1']);
    expect(importReport(['ops.csv'], replaced, { target: 'x' })).toContain('removed');
  });
});

describe('the import report', () => {
  it('counts every item of a list in its heading and lists at most LISTED, saying how many it does not', async () => {
    const n = LISTED + 3;
    const csv = ['Operation ID,Project name,Period', ...Array.from({ length: n }, (_, i) => `R.${i},Operation ${i},2014-2020`)].join('\n');
    const report = importReport(['ops.csv'], await load([text('ops.csv', csv)]), { target: 'x' });
    const section = (heading: string) => report.slice(report.indexOf(heading)).split('\n## ')[0];
    // Ids on one line: the first LISTED of the import, then the rest counted.
    const added = section(`## Added (${n})`);
    expect(added.match(/`R\.\d+`/g)).toEqual(Array.from({ length: LISTED }, (_, i) => `\`R.${i}\``));
    expect(added).toContain(`… and 3 more, not listed here`);
    // One item a line: none of these operations has a partner, so none is on the map.
    const unplaced = section(`## Not on the map (${n})`).split('\n').filter((l) => l.startsWith('- '));
    expect(unplaced).toHaveLength(LISTED + 1);
    expect(unplaced[0]).toBe('- `R.0`: no partner list in the source');
    expect(unplaced.at(-1)).toBe('- _… and 3 more, not listed here_');
  });
});

describe('bad rows are named, valid ones kept', () => {
  it('names file, sheet, row and column with the value quoted', async () => {
    const ops = [
      'Operation ID,Title,Period,Start date,End date,Total budget,EU funding,Type',
      'A1,First,2014-2020,31.01.2017,2019-02-29,"1 000",2000,investment',
      'A1,Duplicate,2014-2020,,,,,',
      'a1,Look-alike,2014-2020,,,,,',
      'А2,Cyrillic A,2028-2034,2020-01-01,2019-01-01,999999999999999999999,,hardware',
      ',,,,,,,',
    ].join('\r\n');
    const partners = ['Project ID,Partner name,Country,City,Lead partner', 'A1,Municipality of Montana,Bulgaria,Montana,да', 'Y9,Ghost,BG,Vidin,no', 'A1,Somebody,Germany,Berlin,maybe', 'А2,District body,RS,,no'].join('\n');
    const result = await load([text('ops.csv', ops), text('partners.csv', partners)]);
    const lines = result.problems.map(formatProblem);
    expect(lines).toContain('ops.csv, row 2, column "End date": impossible date "2019-02-29"');
    expect(lines).toContain('ops.csv, row 3, column "code": duplicate operation id "A1" (also row 2): row left out');
    expect(lines).toContain('ops.csv, row 4, column "code": operation id "a1" could be mistaken for "A1" (row 2): it differs only in case, look-alike letters or invisible characters: row left out');
    expect(lines).toContain('ops.csv, row 5, column "Period": unknown period "2028-2034" (expected one of 2004-2006, 2007-2013, 2014-2020, 2021-2027): period unknown');
    expect(lines).toContain('ops.csv, row 5, column "End date": ends (2019-01-01) before it starts (2020-01-01): both dates unknown');
    expect(lines).toContain('ops.csv, row 5, column "Type": unknown project type "hardware" (expected investment or soft): type unknown');
    expect(lines).toContain('partners.csv, row 3, column "Project ID": partner of unknown operation "Y9": row left out');
    expect(lines).toContain('partners.csv, row 4, column "Lead partner": expected yes or no, got "maybe": role unknown');
    expect(lines).toContain('partners.csv, row 4, column "Country": country "Germany" is not one of the programme\'s (BG, RS): partner kept, not placed');
    const [a1, a2] = result.built.data.projects;
    expect(a1).toMatchObject({ id: 'A1', startDate: '2017-01-31', endDate: null });
    expect(a1.eu?.value).toBeNull(); // 2000 > total 1000
    expect(a1.partners.map((p) => [p.name, p.role])).toEqual([['Municipality of Montana', 'lead'], ['Somebody', null]]);
    expect(a2).toMatchObject({ id: 'А2', period: null, type: null, startDate: null });
    expect(a2.total?.value).toBeNull();
    expect(result.built.issues.some((i) => i.at === 'ops.csv, row 5' && /more than the largest programme budget/.test(i.detail))).toBe(true);
  });

  it('places a partner known only by its district at the district centre, with no budget share', async () => {
    const ops = 'Operation ID,Title,Period,Total budget\nD1,District only,2014-2020,1000\n';
    const partners = 'Operation ID,Partner name,Country,NUTS3\nD1,Regional body,BG,BG311\n';
    const { built } = await load([text('o.csv', ops), text('p.csv', partners)]);
    const [p] = built.data.projects;
    expect(p.locations).toHaveLength(1);
    expect(p.locations[0]).toMatchObject({ method: 'district', settlementId: 'district:BG-05', names: { Latn: 'Vidin' } });
    const { attribute } = await import('../../src/core/attribution');
    expect(attribute([p]).unattributed.total).toBe(1000);
  });

  it('reads a CSV as Excel saves "CSV UTF-8": byte-order mark, semicolons, CRLF', async () => {
    const { records: read, problems } = await readFiles([text('excel.csv', '\ufeffOperation ID;Title;Period\r\nE1;Excel row;2014-2020\r\n')], programme);
    expect(problems).toEqual([]);
    expect(read.map((r) => [r.value.code, r.value.title_en, r.value.period])).toEqual([['E1', 'Excel row', '2014-2020']]);
  });

  it('refuses what is not a list of operations, with a reason', async () => {
    const { problems, records: read } = await readFiles([text('notes.csv', 'a,b\n1,2\n'), { name: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) }], programme);
    expect(read).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'notes.csv: no header row of operations or partners in the first 10 rows (no known header; see the header table in the README)',
      'old.xls: an old Excel (.xls) workbook: save it as .xlsx (Excel Workbook) and open that',
    ]);
  });
});

describe('documentation', () => {
  it('the README lists every header of the synonym table', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const { OPERATION_HEADERS, PARTNER_HEADERS } = await import('../../src/import/headers');
    const missing = [...Object.values(OPERATION_HEADERS), ...Object.values(PARTNER_HEADERS)].flat().filter((h) => !readme.includes(h));
    expect(missing).toEqual([]);
  });
});

describe('progress', () => {
  it('tells each file, every row of every table, then each project placed, in order', async () => {
    const operations = text('ops.csv', 'Operation ID,Title,Period\nP1,One,2014-2020\nP2,Two,2014-2020\nP2,Two again,2014-2020\n');
    const partners = text('partners.csv', 'Operation ID,Partner name,Country\nP1,Org A,BG\nP1,Org B,RS\n');
    const told: string[] = [];
    const result = await importFiles([operations, partners], [], facts, { programme, gazetteer }, { progress: (p) => told.push('done' in p ? `${p.step} ${p.done}/${p.total}` : 'file' in p ? `${p.step} ${p.file}` : p.step) });
    // The repeated id is left out before placing: two projects.
    expect(result.built.data.projects).toHaveLength(2);
    expect(told).toEqual(['reading ops.csv', 'reading partners.csv', 'rows 1/5', 'rows 2/5', 'rows 3/5', 'rows 4/5', 'rows 5/5', 'checking', 'placing 1/2', 'placing 2/2']);
  });
});
