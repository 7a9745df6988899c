/**
 * What goes in is what comes out: each case writes what a cell means and checks that the importer
 * keeps that meaning or reports the cell (file, sheet, row, column) — never a quiet change or loss.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { programmeFacts } from '../../data/dataset-dir';
import { formatProblem } from '../../src/core/problems';
import { importFiles, readFiles, type InputFile } from '../../src/import';
import { headerKey, OPERATION_HEADERS, PARTNER_HEADERS, TITLE_HEADERS } from '../../src/import/headers';

const { programme, facts, gazetteer } = programmeFacts();
const text = (name: string, content: string): InputFile => ({ name, bytes: new TextEncoder().encode(content) });
const workbook = async (name: string, sheets: { sheet: string; rows: (string | number | null)[][] }[]): Promise<InputFile> => ({
  name,
  bytes: new Uint8Array(
    await writeXlsxFile(
      sheets.map(({ sheet, rows }) => ({ sheet, data: rows.map((row) => row.map((value) => (value === null ? null : { value }))) as never })),
    ).toBuffer(),
  ),
});
const read = async (files: InputFile[]) => {
  const result = await readFiles(files, programme);
  return { records: result.records.map((r) => r.value), problems: result.problems.map(formatProblem) };
};

describe('co-financing rates: up to 1 a fraction, above 1 up to 100 a percentage, "%" always a percentage', () => {
  const cases: [string, string | null][] = [
    ['0.85', '85 %'],
    ['0,85', '85 %'],
    ['85', '85 %'],
    ['85 %', '85 %'],
    ['0.5 %', '0.5 %'],
    ['0.075', '7.5 %'],
    ['100', '100 %'],
  ];
  it('in CSV text', async () => {
    const csv = ['Operation ID;Title;Co-financing rate', ...cases.map(([rate], i) => `R${i};Rate ${i};${rate}`)].join('\n');
    const { records, problems } = await read([text('rates.csv', csv)]);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.eu_cofinancing_rate)).toEqual(cases.map(([, expected]) => expected));
  });
  it('in workbook number cells and text cells', async () => {
    const file = await workbook('rates.xlsx', [{ sheet: 'Operations', rows: [['Operation ID', 'Title', 'Co-financing rate'], ['N1', 'Number', 0.85], ['N2', 'Percent number', 85], ['T1', 'Text', '0,85'], ['T2', 'Text %', '85%']] }]);
    const { records, problems } = await read([file]);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.eu_cofinancing_rate)).toEqual(['85 %', '85 %', '85 %', '85%']);
  });
  it('reports what could be read either way, and what is no rate', async () => {
    const { records, problems } = await read([text('rates.csv', 'Operation ID,Title,Co-financing rate\nA,One,1\nB,Too much,150\n')]);
    expect(records.map((r) => r.eu_cofinancing_rate)).toEqual(['100 %', null]);
    expect(problems).toEqual([
      'rates.csv, row 2, column "Co-financing rate": co-financing rate 1 read as a fraction (100 %); write "1 %" if one per cent is meant',
      'rates.csv, row 3, column "Co-financing rate": co-financing rate "150" is neither a fraction up to 1 nor a percentage up to 100: rate unknown',
    ]);
  });
  it('gives the EU amount the rate means', async () => {
    const { built } = await importFiles([text('r.csv', 'Operation ID,Title,Period,Total budget,Co-financing rate\nE1,Rate,2014-2020,1000,"0,85"\n')], [], facts, { programme, gazetteer });
    expect(built.data.projects[0].eu?.value).toBe(850);
  });
});

describe('operation ids that could be mistaken for each other are one operation', () => {
  const invisible = { 'soft hyphen': '\u00ad', 'zero width space': '\u200b', 'word joiner': '\u2060', 'variation selector 16': '\ufe0f', 'Mongolian vowel separator': '\u180e', 'combining grapheme joiner': '\u034f' };
  const lookAlike = { 'Greek capital Zeta': ['Z7', '\u03967'], 'Cherokee letter GO (A)': ['A7', '\u13aa7'], 'Cyrillic Es': ['C7', '\u04217'], 'fullwidth digit': ['C7', 'C\uff17'] };
  const pairs = [
    ...Object.entries(invisible).map(([name, ch]) => [name, 'CB007', `CB0${ch}07`]),
    ...Object.entries(lookAlike).map(([name, [a, b]]) => [name, a, b]),
  ];
  it.each(pairs)('%s', async (_, first, second) => {
    const { merge, problems } = await importFiles([text('ids.csv', `Operation ID,Title\n${first},First\n${second},Second\n`)], [], facts, { programme, gazetteer });
    expect(merge.records.map((r) => r.value.code)).toEqual([first]);
    expect(problems.map(formatProblem)).toContainEqual(
      `ids.csv, row 3, column "code": operation id ${JSON.stringify(second)} could be mistaken for ${JSON.stringify(first)} (row 2): it differs only in case, look-alike letters or invisible characters: row left out`,
    );
  });
  it('keeps ids that only look different', async () => {
    const { merge } = await importFiles([text('ids.csv', 'Operation ID,Title\nCB007,One\nCB008,Two\nCB-007-A,Three\n')], [], facts, { programme, gazetteer });
    expect(merge.added).toEqual(['CB007', 'CB008', 'CB-007-A']);
  });
});

describe('nothing non-empty vanishes', () => {
  it('reports a column with values but no header cell, by its letter and first row', async () => {
    const { records: rows, problems } = await read([text('gap.csv', 'Operation ID,Title,,Period\nX1,First,kept?,2014-2020\nX2,Second,,2014-2020\nX3,Third,also,2014-2020\n')]);
    expect(rows.map((r) => r.code)).toEqual(['X1', 'X2', 'X3']);
    expect(problems).toEqual(['gap.csv, row 2, column "C (no header)": 2 cells have values in a column without a header in row 1: not read; give it a header from the table in the README']);
  });
  it('reports formula cells without a saved result and formula errors, by row and column, and reads neither', async () => {
    const written = await writeXlsxFile([
      { sheet: 'Operations', data: [[{ value: 'Operation ID' }, { value: 'Title' }, { value: 'Total budget' }], [{ value: 'F1' }, { value: 'No result' }, { type: 'Formula', value: 'SUM(1,2)' }], [{ value: 'F2' }, { value: 'Error' }, { value: 1000 }]] as never },
    ]).toBuffer();
    // The second budget as Excel saves a division by zero.
    const zip = unzipSync(new Uint8Array(written));
    const sheet = Object.keys(zip).find((n) => /^xl\/worksheets\/.+\.xml$/.test(n))!;
    zip[sheet] = strToU8(strFromU8(zip[sheet]).replace(/<c r="C3"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'));
    const { records: rows, problems } = await read([{ name: 'formulas.xlsx', bytes: zipSync(zip) }]);
    expect(rows.map((r) => [r.code, r.total_eur])).toEqual([['F1', null], ['F2', null]]);
    expect(problems).toEqual([
      'formulas.xlsx, sheet "Operations", row 2, column "Total budget": a formula with no saved result (the file was saved by a program that does not calculate): value unknown; open and save it in a spreadsheet program',
      'formulas.xlsx, sheet "Operations", row 3, column "Total budget": the formula\'s result is the error "#DIV/0!": value unknown',
    ]);
  });

  it('refuses a workbook larger than its reader takes, saying how many rows and what to do, before reading it', async () => {
    const written = await writeXlsxFile([{ sheet: 'Operations', data: [[{ value: 'Operation ID' }, { value: 'Title' }], [{ value: 'W.0' }, { value: 'One' }]] as never }]).toBuffer();
    const zip = unzipSync(new Uint8Array(written));
    const sheet = Object.keys(zip).find((n) => /^xl\/worksheets\/.+\.xml$/.test(n))!;
    // 70,000 rows of one 1,000-letter inline text, about 71 MB of sheet XML (stored, not compressed: quick to write and
    // read), each numbered 3: the cell reader would refuse them as out of place, so its message would show had it read them.
    const row = `<row r="3"><c r="A3" t="inlineStr"><is><t>${'W'.repeat(1000)}</t></is></c></row>`;
    const rows = Array.from({ length: 70_000 }, () => row);
    zip[sheet] = strToU8(strFromU8(zip[sheet]).replace('</sheetData>', `${rows.join('')}</sheetData>`));
    const { records, problems } = await read([{ name: 'all.xlsx', bytes: zipSync(zip, { level: 0 }) }]);
    expect(records).toEqual([]);
    expect(problems).toEqual([
      'all.xlsx: 70,002 rows (71 MB of cells), more than a workbook is read with (64 MB of cells, about 400,000 rows of a few columns): save each sheet as "CSV UTF-8" and import those, CSV has no such limit',
    ]);
  }, 30_000);

  it('keeps the dataset\'s record when merging would put its end before its start', async () => {
    const base = await importFiles([text('base.csv', 'Operation ID,Title,Start date,End date\nM1,Merge,2020-01-01,2021-06-30\n')], [], facts, { programme, gazetteer });
    const next = await importFiles([text('next.csv', 'Operation ID,Title,End date\nM1,Merge,2019-06-30\n')], base.merge.records, facts, { programme, gazetteer });
    expect(next.merge.records.map((r) => [r.value.start_date, r.value.end_date])).toEqual([['2020-01-01', '2021-06-30']]);
    expect(next.merge.changed).toEqual([]);
    expect(next.merge.problems.map(formatProblem)).toEqual([
      'next.csv, row 2, column "end_date": with the dataset\'s values, ends (2019-06-30) before it starts (2020-01-01): this operation\'s changes left out, the dataset keeps its record',
    ]);
  });
});

describe("the programme's own headers", () => {
  it('reads Bulgarian headers, the title as the Bulgarian title', async () => {
    const { records: rows, problems } = await read([text('bg.csv', 'Код на проекта;Наименование на проекта;Програмен период;Общ бюджет;Процент на съфинансиране\nBG1;Път до границата;2014-2020;1000;0,85\n')]);
    expect(problems).toEqual([]);
    expect(rows).toMatchObject([{ code: 'BG1', title_bg: 'Път до границата', period: '2014-2020', total_eur: '1000', eu_cofinancing_rate: '85 %' }]);
  });
  it('reads Serbian headers in Cyrillic and in Latin, partners too', async () => {
    const ops = text('sr.csv', 'Шифра пројекта,Назив пројекта,Програмски период,Укупан буџет\nRS1,Пут до границе,2014-2020,2000\n');
    const partners = text('partneri.csv', 'Šifra projekta,Naziv partnera,Vodeći partner,Opština,Država\nRS1,Opština Pirot,da,Pirot,Srbija\n');
    const { records: rows, problems } = await read([ops, partners]);
    expect(problems).toEqual([]);
    expect(rows).toMatchObject([{ code: 'RS1', title_sr: 'Пут до границе', total_eur: '2000', partners: [{ name: 'Opština Pirot', role: 'lead', municipality: 'Pirot', country: 'RS' }] }]);
  });
  it('gives each header to one field only', () => {
    const owners = new Map<string, string[]>();
    const tables = { operation: OPERATION_HEADERS, title: TITLE_HEADERS, partner: PARTNER_HEADERS } as Record<string, Record<string, string[]>>;
    for (const [table, fields] of Object.entries(tables)) {
      for (const [field, headers] of Object.entries(fields)) {
        for (const h of headers) owners.set(`${table === 'partner' ? 'p' : 'o'}:${headerKey(h)}`, [...new Set([...(owners.get(`${table === 'partner' ? 'p' : 'o'}:${headerKey(h)}`) ?? []), field])]);
      }
    }
    expect([...owners].filter(([, fields]) => fields.length > 1 && !(fields.length === 2 && fields.includes('code') && fields.includes('key')))).toEqual([]);
  });
  it('names the file and each sheet of a workbook without a header row, with the closest known headers', async () => {
    const file = await workbook('notes.xlsx', [
      { sheet: 'Notes', rows: [['Prepared by the JS'], ['see below']] },
      { sheet: 'Data', rows: [['Project nme', 'Totl budget', 'Period'], ['X', 1, '2014-2020']] },
    ]);
    const { records: rows, problems } = await read([file]);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      'notes.xlsx: no header row of operations or partners in the first 10 rows of any sheet (sheet "Notes": no known header; sheet "Data": the closest known headers are "Project nme" ("Project name"?), "Totl budget" ("Total budget"?), "Period"); see the header table in the README',
    ]);
  });
});
