/**
 * The list of operations as tables: records → an operations table and a partners table under a
 * header variant of the synonym table (the template's is the first name of each field), and those
 * tables → sheet cells (dates as date cells, euros as numbers in a currency format, text as text,
 * never a formula). The build writes the template and fixtures with them; the page writes a
 * selection. Pure: the workbook writer is the caller's.
 */
import type { Programme } from '../core/programme';
import type { RawPartner, RawRecord } from '../core/records';
import { projectIds, titleField } from '../core/records';
import { ENGLISH_OPERATION_HEADERS as OPERATION_HEADERS, ENGLISH_PARTNER_HEADERS as PARTNER_HEADERS, titleHeader, type PartnerField, type SynonymField } from './headers';

export type Value = string | number | Date | null;

export interface HeaderVariant {
  /** One header per field, each from the synonym table (in any case or spacing); `title` is the first title language's. */
  operations: Record<SynonymField, string>;
  /** The header of another title language's column ("Operation name (bg)"). */
  titles(language: string): string;
  partners: Record<PartnerField, string>;
  /** A column the importer does not know: it must be reported, never fatal. */
  unknown?: string;
  /** How "lead partner" is written: yes/no in this language. */
  yesNo: [string, string];
  country(code: string): string;
}

const first = <F extends string>(table: Record<F, string[]>) => Object.fromEntries(Object.entries(table).map(([f, h]) => [f, (h as string[])[0]])) as Record<F, string>;

/** The template's headers: the first name of each field. */
export const CANONICAL: HeaderVariant = { operations: first(OPERATION_HEADERS), titles: titleHeader, partners: first(PARTNER_HEADERS), yesNo: ['yes', 'no'], country: (c) => c };

const OPERATION_FIELDS = Object.keys(OPERATION_HEADERS) as SynonymField[];
const PARTNER_FIELDS = Object.keys(PARTNER_HEADERS) as PartnerField[];

function operationValue(r: RawRecord, id: string, field: SynonymField, dates: 'cells' | 'text', programme: Programme): Value {
  switch (field) {
    case 'title':
      return r[titleField(programme.titleLanguages[0])] ?? null;
    case 'code':
      return r.code;
    case 'atlas_id':
      return r.code ? null : id;
    case 'sites':
      // The importer splits on line breaks when there is one, else on ";": a lone site with a ";" ends with a line break.
      return r.sites ? r.sites.join('\n') + (r.sites.length === 1 && r.sites[0].includes(';') ? '\n' : '') : null;
    case 'links':
    case 'sources':
      return r[field]?.join(' ') ?? null;
    case 'start_date':
    case 'end_date': {
      const iso = r[field];
      if (!iso) return null;
      return dates === 'cells' ? new Date(`${iso}T00:00:00Z`) : iso.split('-').reverse().join('.');
    }
    default:
      return (r[field] as Value | undefined) ?? null;
  }
}

function partnerValue(r: RawRecord, id: string, p: RawPartner, field: PartnerField, variant: HeaderVariant): Value {
  switch (field) {
    case 'key':
      return r.code;
    case 'atlas_id':
      return r.code ? null : id;
    case 'lead':
      return p.role === 'lead' ? variant.yesNo[0] : p.role === 'partner' ? variant.yesNo[1] : null;
    case 'role':
      return null;
    case 'country':
      return p.country ? variant.country(p.country) : null;
    default:
      return (p[field] as Value | undefined) ?? null;
  }
}

/** The columns: each field of the synonym table, the other title languages' right after the main title. */
function operationColumns(variant: HeaderVariant, programme: Programme): { header: string; value: (r: RawRecord, id: string, dates: 'cells' | 'text') => Value }[] {
  return OPERATION_FIELDS.flatMap((field) => [
    { header: variant.operations[field], value: (r: RawRecord, id: string, dates: 'cells' | 'text') => operationValue(r, id, field, dates, programme) },
    ...(field === 'title'
      ? programme.titleLanguages.slice(1).map((l) => ({ header: variant.titles(l), value: (r: RawRecord) => r[titleField(l)] ?? null }))
      : []),
  ]);
}

export function operationsTable(records: readonly RawRecord[], variant: HeaderVariant, dates: 'cells' | 'text', programme: Programme): Value[][] {
  const ids = projectIds(records, programme);
  const columns = operationColumns(variant, programme);
  const header = [...columns.map((c) => c.header), ...(variant.unknown ? [variant.unknown] : [])];
  return [header, ...records.map((r, i) => [...columns.map((c) => c.value(r, ids[i], dates)), ...(variant.unknown ? [`ref-${i + 1}`] : [])])];
}

export function partnersTable(records: readonly RawRecord[], variant: HeaderVariant, programme: Programme): Value[][] {
  const ids = projectIds(records, programme);
  const fields = PARTNER_FIELDS.filter((f) => f !== 'role');
  return [fields.map((f) => variant.partners[f]), ...records.flatMap((r, i) => (r.partners ?? []).map((p) => fields.map((f) => partnerValue(r, ids[i], p, f, variant))))];
}


/** A cell as the workbook writer takes it; null is an empty cell. */
export type SheetCell = { value: string | number | Date; type: StringConstructor | NumberConstructor | DateConstructor; format?: string } | null;
export interface Sheet {
  sheet: string;
  data: SheetCell[][];
  columns: { width: number }[];
}

const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00 "€"';
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Rows → cells: dates as date cells, the amount columns' decimal numbers as euros when `amountHeaders`
 * names those columns (only for amounts written as plain numbers: "166.000" as a source writes it
 * stays text), everything else as text (a title that begins with "=" is text: the writer makes a
 * formula only when told to).
 */
export function sheetCells(rows: readonly Value[][], amountHeaders: ReadonlySet<string> = new Set()): SheetCell[][] {
  const header = rows.find((r) => r.some((v) => typeof v === 'string' && amountHeaders.has(v))) ?? [];
  const amounts = new Set(header.flatMap((h, i) => (typeof h === 'string' && amountHeaders.has(h) ? [i] : [])));
  return rows.map((row) =>
    row.map((value, i): SheetCell => {
      if (value === null || value === '') return null;
      if (value instanceof Date) return { value, type: Date, format: DATE_FORMAT };
      if (amounts.has(i) && row !== header && (typeof value === 'number' || PLAIN_NUMBER.test(value))) return { value: Number(value), type: Number, format: MONEY_FORMAT };
      return typeof value === 'number' ? { value, type: Number } : { value, type: String };
    }),
  );
}

/** Column widths from the header and the longest of the first rows, within reason. */
const widths = (rows: readonly Value[][]) =>
  (rows.reduce((a, r) => (r.length > a.length ? r : a), [] as Value[])).map((_, i) => ({
    width: Math.min(60, Math.max(10, ...rows.slice(0, 50).map((r) => (r[i] instanceof Date ? 10 : String(r[i] ?? '').length + 2)))),
  }));

/**
 * The list of operations as two sheets: a title row above the operations' header (as published
 * lists have), then the partners. `amounts: 'euros'` when the records' amounts are plain decimal
 * numbers (as the page's export writes them): they become numbers in a currency format.
 */
export function listOfOperationsSheets(records: readonly RawRecord[], variant: HeaderVariant, title: string, programme: Programme, amounts: 'as-written' | 'euros' = 'as-written'): Sheet[] {
  const amountHeaders = new Set(amounts === 'euros' ? [variant.operations.total_eur, variant.operations.eu_eur, variant.partners.budget_eur, variant.partners.eu_eur] : []);
  const operations = [[title], ...operationsTable(records, variant, 'cells', programme)];
  const partners = partnersTable(records, variant, programme);
  return [
    { sheet: 'Operations', data: sheetCells(operations, amountHeaders), columns: widths(operations.slice(1)) },
    { sheet: 'Partners', data: sheetCells(partners, amountHeaders), columns: widths(partners) },
  ];
}
