/**
 * Files → tables of cells. Workbooks (.xlsx) are read by read-excel-file (cached cell values: a
 * formula is never evaluated), CSV by d3-dsv (comma, semicolon or tab, whichever the header row
 * uses). A workbook is inspected before it is inflated: an archive that would unpack to more than
 * MAX_UNPACKED bytes (a zip bomb) is refused without unpacking it, and sheets larger than the cell
 * reader can take (MAX_SHEET_XML) are refused before it sees them.
 */
import { dsvFormat } from 'd3';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { quote, reportNumber, type Problem } from '../core/problems';
import { decodeUtf8 } from '../core/records';
import { nearHeaders, tableKind } from './headers';

export type Cell = string | number | boolean | Date | null;

export interface Table {
  file: string;
  /** The sheet's name; absent for a CSV file. */
  sheet?: string;
  kind: 'operations' | 'partners';
  /** The header row's number, as a spreadsheet shows it. */
  headerRow: number;
  headers: string[];
  /** Data rows, each with the row number a spreadsheet would show. */
  rows: { row: number; cells: Cell[] }[];
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** Appends items one by one: a million rows' problems would overflow the stack as call arguments (push(...items)). */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** A list of operations unpacks to a few MB; 200 MB is far beyond any real one. */
const MAX_UNPACKED = 200 * 1024 * 1024;
/**
 * The most sheet XML the workbook reader is given: read-excel-file parses a sheet in chunks by
 * recursion, and ran out of stack on 118 MB and 157 MB sheets (750,000 and 1,000,000 rows of four
 * columns) while 78 MB read in 11 s. CSV has no such limit.
 */
const MAX_SHEET_XML = 64 * 1024 * 1024;
/** How far down a sheet the header row may be (a title and notes may stand above it). */
const HEADER_SEARCH_ROWS = 10;

export type FileKind = 'xlsx' | 'xls' | 'jsonl' | 'csv';

export function fileKind(file: InputFile): FileKind {
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  if (/\.jsonl?$/i.test(file.name)) return 'jsonl';
  // Content decides for files without a telling name: a JSON object per line starts with "{".
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return b[i] === 0x7b ? 'jsonl' : 'csv';
}

/** The tables of one workbook or CSV file, and what could not be read. */
export async function readTables(file: InputFile): Promise<{ tables: Table[]; problems: Problem[]; ignored: string[] }> {
  const kind = fileKind(file);
  if (kind === 'xls') return refuse(file, 'an old Excel (.xls) workbook: save it as .xlsx (Excel Workbook) and open that');
  if (kind === 'xlsx') return readWorkbook(file);
  const decoded = decodeUtf8(file.bytes, file.name);
  if (decoded.problems.length) {
    return refuse(file, `not valid UTF-8 (first at line ${decoded.problems[0].row}): save it as "CSV UTF-8" and open that`);
  }
  return fromRows(file.name, undefined, csvRows(decoded.text));
}

const refuse = (file: InputFile, reason: string) => ({ tables: [], problems: [{ file: file.name, reason, outcome: 'rejected' as const }], ignored: [] });

/** Text decoded by decodeUtf8 (which drops a byte-order mark) → rows, split at the header's separator. */
function csvRows(body: string): Cell[][] {
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  return dsvFormat(delimiter).parseRows(body);
}

async function readWorkbook(file: InputFile): Promise<{ tables: Table[]; problems: Problem[]; ignored: string[] }> {
  let unpacked = 0;
  try {
    // The filter sees each entry's declared size and inflates nothing (it returns false).
    unzipSync(file.bytes, {
      filter(entry) {
        unpacked += entry.originalSize;
        if (unpacked > MAX_UNPACKED) throw new RangeError('too large');
        return false;
      },
    });
  } catch (error) {
    if (error instanceof RangeError) return refuse(file, `unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB: not a list of operations (refused without unpacking)`);
    return refuse(file, `not a readable .xlsx workbook (${short(error)})`);
  }
  let worksheets: Map<string, string>;
  try {
    worksheets = worksheetXml(file.bytes);
  } catch (error) {
    return refuse(file, `not a readable .xlsx workbook (${short(error)})`);
  }
  const cellText = [...worksheets.values()].reduce((n, xml) => n + xml.length, 0);
  if (cellText > MAX_SHEET_XML) {
    const rows = [...worksheets.values()].reduce((n, xml) => n + rowCount(xml), 0);
    return refuse(file, `${reportNumber(rows)} rows (${Math.ceil(cellText / 1024 / 1024)} MB of cells), more than a workbook is read with (${MAX_SHEET_XML / 1024 / 1024} MB of cells, about 400,000 rows of a few columns): save each sheet as "CSV UTF-8" and import those, CSV has no such limit`);
  }
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
    // Cells as written (each field trims its own): a list cell's last line break says "one item a line".
    sheets = (await readXlsxFile(buffer, { trim: false })) as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    return refuse(file, `not a readable .xlsx workbook (${short(error)})`);
  }
  const tables: Table[] = [];
  const problems: Problem[] = [];
  const ignored: string[] = [];
  const formulas = formulaCells(worksheets);
  for (const { sheet, data } of sheets) {
    const read = fromRows(file.name, sheet, data);
    for (const table of read.tables) append(problems, withoutFormulaValues(table, formulas.get(sheet)));
    append(tables, read.tables);
    append(problems, read.problems);
    append(ignored, read.ignored);
  }
  // A workbook with no table at all is an error of the file, naming what each sheet has.
  if (!tables.length) {
    const seen = sheets.map(({ sheet, data }) => `sheet ${JSON.stringify(sheet)}: ${headerHint(data)}`);
    return refuse(file, `no header row of operations or partners in the first ${HEADER_SEARCH_ROWS} rows of any sheet (${seen.join('; ')}); see the header table in the README`);
  }
  return { tables, problems, ignored };
}

const short = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 160);

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
const unescapeXml = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** Each sheet's XML by the sheet's name (the cell reader gives neither their size nor their formulas). */
function worksheetXml(bytes: Uint8Array): Map<string, string> {
  const wanted = (name: string) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(name);
  const entries = unzipSync(bytes, { filter: (entry) => wanted(entry.name) });
  const text = (name: string) => (entries[name] ? strFromU8(entries[name]) : '');
  const targets = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attribute(m[0], 'Id'), attribute(m[0], 'Target')]));
  const sheets = new Map<string, string>();
  for (const [tag] of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attribute(tag, 'r:id')) ?? '';
    sheets.set(unescapeXml(attribute(tag, 'name')), text(target.startsWith('/') ? target.slice(1) : `xl/${target}`));
  }
  return sheets;
}

function rowCount(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) if (xml[i + 4] === ' ' || xml[i + 4] === '>') n++;
  return n;
}

/**
 * The formula cells of each sheet (by name) that hold no value the import can trust: a formula
 * error (its code, e.g. "#DIV/0!") or no saved result at all (null: the file was written by a
 * program that does not calculate).
 */
function formulaCells(worksheets: Map<string, string>): Map<string, Map<string, string | null>> {
  const sheets = new Map<string, Map<string, string | null>>();
  for (const [name, xml] of worksheets) {
    const cells = new Map<string, string | null>();
    for (const [, attributes, inner = ''] of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      if (!/<f[\s>/]/.test(inner)) continue;
      const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      if (/\st="e"/.test(attributes)) cells.set(attribute(attributes, 'r'), value ? unescapeXml(value) : '#N/A');
      else if (value === undefined) cells.set(attribute(attributes, 'r'), null);
    }
    if (cells.size) sheets.set(name, cells);
  }
  return sheets;
}

/** Empties a table's formula cells without a trustworthy value, each reported with its row and column. */
function withoutFormulaValues(table: Table, cells: Map<string, string | null> | undefined): Problem[] {
  if (!cells) return [];
  const problems: Problem[] = [];
  const rows = new Map(table.rows.map((r) => [r.row, r]));
  for (const [ref, error] of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m || Number(m[2]) <= table.headerRow) continue;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = rows.get(Number(m[2]));
    if (row && column < row.cells.length) row.cells[column] = null;
    problems.push({
      file: table.file,
      ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
      row: Number(m[2]),
      column: columnName(table.headers, column),
      reason: error === null ? 'a formula with no saved result (the file was saved by a program that does not calculate): value unknown; open and save it in a spreadsheet program' : `the formula's result is the error ${quote(error)}: value unknown`,
      outcome: 'fixed',
    });
  }
  return problems;
}

/** What the top rows of a sheet have of the known headers, in a few words. */
function headerHint(data: Cell[][]): string {
  const near = nearHeaders(data.slice(0, HEADER_SEARCH_ROWS).flat().map((c) => (c === null || c === undefined ? '' : String(c))));
  return near.length ? `the closest known headers are ${near.join(', ')}` : data.length ? 'no known header' : 'empty';
}

/** Column letters as a spreadsheet shows them: 0 → A, 27 → AB. */
const columnLetter = (i: number): string => (i >= 26 ? columnLetter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** A column as a report names it: its header, or its letter where it has none. */
const columnName = (headers: readonly string[], i: number): string => headers[i] || `${columnLetter(i)} (no header)`;

/** The header row is the first of the top rows that names operations or partners; rows above it are titles. */
function fromRows(file: string, sheet: string | undefined, data: Cell[][]): { tables: Table[]; problems: Problem[]; ignored: string[] } {
  const where = sheet === undefined ? file : `${file}, sheet ${JSON.stringify(sheet)}`;
  for (let h = 0; h < Math.min(HEADER_SEARCH_ROWS, data.length); h++) {
    const headers = (data[h] ?? []).map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    const kind = tableKind(headers);
    if (!kind) continue;
    const rows = data.slice(h + 1).flatMap((cells, i) => (cells.some((c) => c !== null && c !== '') ? [{ row: h + 2 + i, cells }] : []));
    // A column with values but no header cell is read by no field: say so, with its first value's place.
    const problems: Problem[] = [];
    const width = rows.reduce((w, r) => Math.max(w, r.cells.length), headers.length);
    for (let c = 0; c < width; c++) {
      if (headers[c]) continue;
      const filled = rows.filter((r) => r.cells[c] !== null && r.cells[c] !== undefined && String(r.cells[c]).trim() !== '');
      if (!filled.length) continue;
      problems.push({
        file,
        ...(sheet === undefined ? {} : { sheet }),
        row: filled[0].row,
        column: columnName(headers, c),
        reason: `${filled.length} cell${filled.length === 1 ? ' has a value' : 's have values'} in a column without a header in row ${h + 1}: not read; give it a header from the table in the README`,
        outcome: 'rejected',
      });
    }
    return { tables: [{ file, ...(sheet === undefined ? {} : { sheet }), kind, headerRow: h + 1, headers, rows }], problems, ignored: [] };
  }
  // An empty sheet or a sheet of notes is no error in a workbook (unless no sheet has a table); a CSV file must be a table.
  if (sheet !== undefined) return { tables: [], problems: [], ignored: [`${where}: no header row of operations or partners in the first ${HEADER_SEARCH_ROWS} rows`] };
  return {
    tables: [],
    problems: [{ file, reason: `no header row of operations or partners in the first ${HEADER_SEARCH_ROWS} rows (${headerHint(data)}; see the header table in the README)`, outcome: 'rejected' }],
    ignored: [],
  };
}
