/**
 * Files → tables of cells. Workbooks (.xlsx) are read by read-excel-file (cached cell values: a
 * formula is never evaluated), CSV by d3-dsv (comma, semicolon or tab, whichever the header row
 * uses). A workbook is inspected before it is inflated: an archive that would unpack to more than
 * MAX_UNPACKED bytes (a zip bomb) is refused without unpacking it.
 */
import { dsvFormat } from 'd3';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import type { Problem } from '../core/problems';
import { decodeUtf8 } from '../core/records';
import { tableKind } from './headers';

export type Cell = string | number | boolean | Date | null;

export interface Table {
  file: string;
  /** The sheet's name; absent for a CSV file. */
  sheet?: string;
  kind: 'operations' | 'partners';
  headers: string[];
  /** Data rows, each with the row number a spreadsheet would show. */
  rows: { row: number; cells: Cell[] }[];
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** A list of operations unpacks to a few MB; 200 MB is far beyond any real one. */
const MAX_UNPACKED = 200 * 1024 * 1024;
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
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    return refuse(file, `not a readable .xlsx workbook (${short(error)})`);
  }
  const tables: Table[] = [];
  const problems: Problem[] = [];
  const ignored: string[] = [];
  for (const { sheet, data } of sheets) {
    const read = fromRows(file.name, sheet, data);
    tables.push(...read.tables);
    problems.push(...read.problems);
    ignored.push(...read.ignored);
  }
  return { tables, problems, ignored };
}

const short = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 160);

/** The header row is the first of the top rows that names operations or partners; rows above it are titles. */
function fromRows(file: string, sheet: string | undefined, data: Cell[][]): { tables: Table[]; problems: Problem[]; ignored: string[] } {
  const where = sheet === undefined ? file : `${file}, sheet ${JSON.stringify(sheet)}`;
  for (let h = 0; h < Math.min(HEADER_SEARCH_ROWS, data.length); h++) {
    const headers = (data[h] ?? []).map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    const kind = tableKind(headers);
    if (!kind) continue;
    const rows = data.slice(h + 1).flatMap((cells, i) => (cells.some((c) => c !== null && c !== '') ? [{ row: h + 2 + i, cells }] : []));
    return { tables: [{ file, ...(sheet === undefined ? {} : { sheet }), kind, headers, rows }], problems: [], ignored: [] };
  }
  // An empty sheet or a sheet of notes is no error in a workbook; a CSV file must be a table.
  if (sheet !== undefined) return { tables: [], problems: [], ignored: [`${where}: no header row of operations or partners in the first ${HEADER_SEARCH_ROWS} rows`] };
  return {
    tables: [],
    problems: [{ file, reason: `no header row of operations or partners in the first ${HEADER_SEARCH_ROWS} rows (see the header table in the README)`, outcome: 'rejected' }],
    ignored: [],
  };
}
