/**
 * Records → a list-of-operations workbook or keep.eu-style CSVs (src/import/listOfOperations.ts),
 * under other header variants of the synonym table: the downloadable template and the round-trip
 * fixtures (`npm run template`), which import back into the same projects.
 */
import { csvFormatRows } from 'd3';
import writeXlsxFile from 'write-excel-file/node';
import type { Programme } from '../src/core/programme';
import type { RawRecord } from '../src/core/records';
import { ENGLISH_OPERATION_HEADERS as OPERATION_HEADERS, ENGLISH_PARTNER_HEADERS as PARTNER_HEADERS, titleHeader } from '../src/import/headers';
import { listOfOperationsSheets, operationsTable, partnersTable, type HeaderVariant, type Value } from '../src/import/listOfOperations';

const pick = <F extends string>(table: Record<F, string[]>, n: number, shape: (h: string) => string) =>
  Object.fromEntries(Object.entries(table).map(([f, h]) => [f, shape((h as string[])[Math.min(n, (h as string[]).length - 1)])])) as Record<F, string>;

/** Another synonym of each field, in upper case with doubled spaces, plus an unknown column (the round-trip workbook). */
export const WORKBOOK_VARIANT: HeaderVariant = {
  operations: pick(OPERATION_HEADERS, 1, (h) => h.toUpperCase().replace(/ /g, '  ')),
  titles: (language) => `Operation name (${language})`,
  partners: pick(PARTNER_HEADERS, 1, (h) => ` ${h.toUpperCase()} `),
  unknown: 'Internal reference',
  yesNo: ['yes', 'no'],
  country: (c) => (c === 'BG' ? 'BGR' : 'SRB'),
};

/** keep.eu-style headers: a third synonym, lower case with punctuation; lead partner in Bulgarian; country names. */
export const KEEP_VARIANT: HeaderVariant = {
  operations: { ...pick(OPERATION_HEADERS, 2, (h) => h.toLowerCase().replace(/ /g, '_')), title: 'Project name in English' },
  titles: titleHeader,
  partners: pick(PARTNER_HEADERS, 2, (h) => h.toLowerCase()),
  unknown: 'keep.eu link',
  yesNo: ['да', 'не'],
  country: (c) => (c === 'BG' ? 'Bulgaria' : 'Србија'),
};

/** The workbook of `listOfOperationsSheets`, written in Node. */
export const operationsWorkbook = (records: readonly RawRecord[], variant: HeaderVariant, title: string, programme: Programme): Promise<Buffer> =>
  writeXlsxFile(listOfOperationsSheets(records, variant, title, programme) as never).toBuffer();

/** keep.eu-style exports: projects and partners as two CSV files (dates as dd.mm.yyyy text). */
export function keepCsvs(records: readonly RawRecord[], variant: HeaderVariant, programme: Programme): { projects: string; partners: string } {
  const text = (rows: Value[][]) => csvFormatRows(rows.map((row) => row.map((v) => (v === null ? '' : String(v))))) + '\n';
  return { projects: text(operationsTable(records, variant, 'text', programme)), partners: text(partnersTable(records, variant, programme)) };
}
