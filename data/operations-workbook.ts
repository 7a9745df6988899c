/**
 * Records → a list-of-operations workbook (an operations sheet and a partners sheet) or keep.eu-style
 * CSVs, under any header variant of the synonym table. Writes the downloadable template and the
 * round-trip fixtures (`npm run template`), which import back into the same projects.
 */
import { csvFormatRows } from 'd3';
import writeXlsxFile from 'write-excel-file/node';
import type { Programme } from '../src/core/programme';
import type { RawPartner, RawRecord } from '../src/core/records';
import { projectIds, titleField } from '../src/core/records';
import { ENGLISH_OPERATION_HEADERS as OPERATION_HEADERS, ENGLISH_PARTNER_HEADERS as PARTNER_HEADERS, type PartnerField, type SynonymField } from '../src/import/headers';

type Value = string | number | Date | null;

export interface HeaderVariant {
  /** One header per field, each from the synonym table (in any case or spacing); `title` is the first title language's. */
  operations: Record<SynonymField, string>;
  /** Headers of the other title languages' columns ("Operation name (bg)"), by language. */
  titles: Record<string, string>;
  partners: Record<PartnerField, string>;
  /** A column the importer does not know: it must be reported, never fatal. */
  unknown?: string;
  /** How "lead partner" is written: yes/no in this language. */
  yesNo: [string, string];
  country(code: string): string;
}

const first = <F extends string>(table: Record<F, string[]>) => Object.fromEntries(Object.entries(table).map(([f, h]) => [f, (h as string[])[0]])) as Record<F, string>;
const pick = <F extends string>(table: Record<F, string[]>, n: number, shape: (h: string) => string) =>
  Object.fromEntries(Object.entries(table).map(([f, h]) => [f, shape((h as string[])[Math.min(n, (h as string[]).length - 1)])])) as Record<F, string>;

/** The template's headers: the first name of each field. */
export const CANONICAL: HeaderVariant = { operations: first(OPERATION_HEADERS), titles: { bg: 'Project name in Bulgarian', sr: 'Project name in Serbian' }, partners: first(PARTNER_HEADERS), yesNo: ['yes', 'no'], country: (c) => c };

/** Another synonym of each field, in upper case with doubled spaces, plus an unknown column (the round-trip workbook). */
export const WORKBOOK_VARIANT: HeaderVariant = {
  operations: pick(OPERATION_HEADERS, 1, (h) => h.toUpperCase().replace(/ /g, '  ')),
  titles: { bg: 'Operation name (bg)', sr: 'Operation name (sr)' },
  partners: pick(PARTNER_HEADERS, 1, (h) => ` ${h.toUpperCase()} `),
  unknown: 'Internal reference',
  yesNo: ['yes', 'no'],
  country: (c) => (c === 'BG' ? 'BGR' : 'SRB'),
};

/** keep.eu-style headers: a third synonym, lower case with punctuation; lead partner in Bulgarian; country names. */
export const KEEP_VARIANT: HeaderVariant = {
  operations: { ...pick(OPERATION_HEADERS, 2, (h) => h.toLowerCase().replace(/ /g, '_')), title: 'Project name in English' },
  titles: { bg: 'Project name in Bulgarian', sr: 'Project name in Serbian' },
  partners: pick(PARTNER_HEADERS, 2, (h) => h.toLowerCase()),
  unknown: 'keep.eu link',
  yesNo: ['да', 'не'],
  country: (c) => (c === 'BG' ? 'Bulgaria' : 'Србија'),
};

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
      return r.sites?.join('\n') ?? null;
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
      ? programme.titleLanguages.slice(1).filter((l) => variant.titles[l]).map((l) => ({ header: variant.titles[l], value: (r: RawRecord) => r[titleField(l)] ?? null }))
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

const cells = (rows: Value[][]) => rows.map((row) => row.map((value) => (value instanceof Date ? { value, type: Date, format: 'yyyy-mm-dd' } : value === null ? null : { value })));

/** The workbook: a title row above the operations' header (as published lists have), then a partners sheet. */
export async function operationsWorkbook(records: readonly RawRecord[], variant: HeaderVariant, title: string, programme: Programme): Promise<Buffer> {
  const operations = operationsTable(records, variant, 'cells', programme);
  return writeXlsxFile([
    { sheet: 'Operations', data: cells([[title], ...operations]) as never },
    { sheet: 'Partners', data: cells(partnersTable(records, variant, programme)) as never },
  ]).toBuffer();
}

/** keep.eu-style exports: projects and partners as two CSV files (dates as dd.mm.yyyy text). */
export function keepCsvs(records: readonly RawRecord[], variant: HeaderVariant, programme: Programme): { projects: string; partners: string } {
  const text = (rows: Value[][]) => csvFormatRows(rows.map((row) => row.map((v) => (v === null ? '' : String(v))))) + '\n';
  return { projects: text(operationsTable(records, variant, 'text', programme)), partners: text(partnersTable(records, variant, programme)) };
}
