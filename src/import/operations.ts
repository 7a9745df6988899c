/**
 * Tables of operations and partners → raw records (src/core/records.ts), with every cell that
 * cannot be read named by file, sheet, row and column. Cells are read as the spreadsheet stores
 * them: numbers, dates (Excel serials too) and text in the separator styles of the raw data.
 */
import { quote, reportNumber, type Problem, type Where } from '../core/problems';
import { countryCodes, periodIds, type Programme } from '../core/programme';
import { checkRecord, MAX_TEXT, titleField, type Located, type RawPartner, type RawRecord } from '../core/records';
import { matchKey } from '../core/text';
import type { CountryCode, Period } from '../core/types';
import { operationColumn, partnerColumn, type OperationField, type PartnerField } from './headers';
import type { Cell, Table } from './tables';

export interface FromTables {
  records: Located<RawRecord>[];
  problems: Problem[];
  /** Columns no field takes, as "file, sheet "S": "Header"" lines. */
  unusedColumns: string[];
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year slip makes the serials before March 1900 off by one). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_SERIAL = { min: 1, max: 2_958_465 };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function asText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoDay(cell.getTime());
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  const text = String(cell).trim();
  return text === '' ? null : text;
}

/** A number cell as the amount parser reads it: cents with a point ("1234.5" would be unreadable). */
function asAmount(cell: Cell): string | null {
  if (typeof cell === 'number') return Number.isInteger(cell) || !Number.isFinite(cell) ? String(cell) : cell.toFixed(2);
  return asText(cell);
}

/**
 * A co-financing rate as the records keep it ("85 %"). The rule (README): with "%" it is a
 * percentage; without, a number up to 1 is a fraction (0.85, "0,85": a percent-formatted cell or
 * its text) and a number above 1 up to 100 a percentage (85). `note` says what was assumed where a
 * reader could take the value either way (exactly 1), or why it is not a rate.
 */
export function readRate(cell: Cell): { value: string | null; note?: string } {
  const percent = (n: number) => `${Math.round(n * 1e6) / 1e6} %`;
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const text = asText(cell);
    if (text === null) return { value: null };
    if (/%\s*$/.test(text)) return { value: text };
    const m = /^(\d{1,3}(?:[.,]\d+)?)$/.exec(text);
    if (!m) return { value: text };
    n = Number(m[1].replace(',', '.'));
  }
  if (!Number.isFinite(n) || n <= 0 || n > 100) return { value: null, note: `co-financing rate ${quote(String(cell))} is neither a fraction up to 1 nor a percentage up to 100: rate unknown` };
  if (n === 1) return { value: percent(100), note: 'co-financing rate 1 read as a fraction (100 %); write "1 %" if one per cent is meant' };
  return { value: percent(n <= 1 ? n * 100 : n) };
}

/** A date cell, an Excel serial, yyyy-mm-dd or dd.mm.yyyy (also with / or -) → yyyy-mm-dd; anything else as written. */
function asDate(cell: Cell): string | null {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= EXCEL_SERIAL.min && cell <= EXCEL_SERIAL.max ? isoDay(EXCEL_EPOCH + cell * 86_400_000) : String(cell);
  }
  const text = asText(cell);
  if (!text) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2].padStart(2, '0')}-${iso[3].padStart(2, '0')}`;
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$/.exec(text);
  return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : text;
}

const list = (cell: Cell, separator: RegExp): string[] | null => {
  const text = asText(cell);
  const items = text ? text.split(separator).map((s) => s.trim()).filter(Boolean) : [];
  return items.length ? items : null;
};

const TYPE_WORDS: Record<string, 'investment' | 'soft'> = Object.fromEntries(
  [
    ...['investment', 'investment project', 'infrastructure', 'инвестиционен', 'инвестиционни', 'investicioni', 'инвестициони'].map((w) => [w, 'investment']),
    ...['soft', 'soft project', 'soft measures', 'меки мерки', 'мек', 'meki', 'меки'].map((w) => [w, 'soft']),
  ].map(([w, t]) => [matchKey(w), t as 'investment' | 'soft']),
);

/** "2014-2020", "Interreg-IPA CBC 2014 – 2020" → one of the programme's periods. */
function readPeriod(text: string, periods: readonly string[]): Period | 'unknown-value' {
  const m = /(\d{4})\s*[-–—/]\s*(\d{4})/.exec(text);
  const period = m ? `${m[1]}-${m[2]}` : null;
  return period && periods.includes(period) ? period : 'unknown-value';
}

/** ISO-2, ISO-3 and the country's name in every UI language (programme.json), "Republic of" or not. */
function countryReader(programme: Programme): (text: string) => CountryCode | null {
  const byKey = new Map<string, CountryCode>();
  for (const c of programme.countries) for (const name of [c.code, c.iso3, ...Object.values(c.names)]) byKey.set(matchKey(name), c.code);
  return (text) => byKey.get(matchKey(text.replace(/^(republic of|republika|република)\s+/i, ''))) ?? null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'da', 'да', 'lead', 'lead partner', 'lp', 'водещ', 'водещ партньор', 'водећи', 'vodeći', 'водећи партнер'].map(matchKey));
const NO = new Set(['no', 'n', 'false', '0', 'ne', 'не', 'partner', 'pp', 'project partner', 'партньор', 'партнер', 'beneficiary'].map(matchKey));
const LEAD_ROLE = new Set(['lead partner', 'lead beneficiary', 'lp', 'lead', 'водещ партньор', 'водећи партнер', 'vodeći partner'].map(matchKey));

/** A row's cells with every text longer than a field keeps cut, each cut reported. */
function clipped(table: Table, cells: Cell[], at: Where, problems: Problem[]): Cell[] {
  return cells.map((c, i) => {
    if (typeof c !== 'string' || c.length <= MAX_TEXT) return c;
    problems.push({ ...at, column: table.headers[i] || `#${i + 1}`, reason: `${reportNumber(c.length)} characters, more than the ${reportNumber(MAX_TEXT)} a field keeps: cut`, outcome: 'fixed' });
    return c.slice(0, MAX_TEXT);
  });
}

interface Columns<F> {
  byField: Map<F, number>;
  header: (field: F) => string;
}

/** Which column holds which field; the rest reported as unused (a second column for a field too). */
function columns<F extends string>(table: Table, meaningOf: (header: string) => { field: F } | { otherLanguage: string } | null, unused: string[]): Columns<F> {
  const byField = new Map<F, number>();
  const where = `${table.file}${table.sheet !== undefined ? `, sheet ${JSON.stringify(table.sheet)}` : ''}`;
  table.headers.forEach((header, i) => {
    if (!header) return;
    const m = meaningOf(header);
    if (m && 'field' in m && !byField.has(m.field)) byField.set(m.field, i);
    else if (m && 'otherLanguage' in m) unused.push(`${where}: ${JSON.stringify(header)} (titles in "${m.otherLanguage}" are not shown by the atlas)`);
    else unused.push(`${where}: ${JSON.stringify(header)}${m ? ' (a second column for the same field)' : ''}`);
  });
  return { byField, header: (field) => table.headers[byField.get(field)!] ?? field };
}

/** One row: where it is, its cells by field (over-long texts cut and reported), and a problem reporter naming the column. */
function rowReader<F extends string>(table: Table, cols: Columns<F>, row: number, all: Cell[], problems: Problem[]) {
  const at: Where = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), row };
  const cells = clipped(table, all, at, problems);
  return {
    at,
    cell: (field: F): Cell => (cols.byField.has(field) ? (cells[cols.byField.get(field)!] ?? null) : null),
    problem: (field: F, reason: string, outcome: Problem['outcome'] = 'fixed') => problems.push({ ...at, column: cols.header(field), reason, outcome }),
  };
}

/** `onRow` is told of each row, for a progress indicator. */
export function recordsFromTables(tables: readonly Table[], programme: Programme, onRow?: (done: number, total: number) => void): FromTables {
  const periods = periodIds(programme);
  const countryOf = countryReader(programme);
  const titleFields = programme.titleLanguages.map(titleField);
  const problems: Problem[] = [];
  const unusedColumns: string[] = [];
  const records: Located<RawRecord>[] = [];
  /** Operation keys (code, atlas id) → the record's index, for the partner rows. */
  const byKey = new Map<string, number>();

  const operationTables = tables.filter((t) => t.kind === 'operations');
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  let done = 0;
  for (const table of operationTables) {
    const cols = columns<OperationField>(table, (header) => operationColumn(header, programme.titleLanguages), unusedColumns);
    for (const { row, cells } of table.rows) {
      onRow?.(++done, rows);
      const { at, cell, problem } = rowReader(table, cols, row, cells, problems);
      const raw: Record<string, unknown> = {};
      for (const field of ['code', 'atlas_id', ...titleFields, 'acronym', 'programme', 'call', 'priority_axis', 'specific_objective', 'summary', 'intervention_field', 'notes'] as const) {
        raw[field] = asText(cell(field));
      }
      for (const field of ['total_eur', 'eu_eur'] as const) raw[field] = asAmount(cell(field));
      const rate = readRate(cell('eu_cofinancing_rate'));
      raw.eu_cofinancing_rate = rate.value;
      if (rate.note) problem('eu_cofinancing_rate', rate.note);
      raw.start_date = asDate(cell('start_date'));
      raw.end_date = asDate(cell('end_date'));
      const duration = asText(cell('duration_months'));
      raw.duration_months = duration === null ? null : /^\d+$/.test(duration) ? Number(duration) : duration;
      const period = asText(cell('period'));
      raw.period = null;
      if (period) {
        const read = readPeriod(period, periods);
        if (read === 'unknown-value') problem('period', `unknown period ${quote(period)} (expected one of ${periods.join(', ')}): period unknown`);
        else raw.period = read;
      }
      const type = asText(cell('type'));
      raw.type = null;
      if (type) {
        raw.type = TYPE_WORDS[matchKey(type)] ?? null;
        if (!raw.type) problem('type', `unknown project type ${quote(type)} (expected investment or soft): type unknown`);
      }
      // One site a line (a cell with any line break, even a last one); a one-line cell separates them with semicolons.
      raw.sites = list(cell('sites'), String(cell('sites') ?? '').includes('\n') ? /\s*\n\s*/ : /\s*;\s*/);
      raw.links = list(cell('links'), /[\s;]+/);
      raw.sources = list(cell('sources'), /[\s;]+/) ?? [table.file];
      raw.partners = null;
      if (!raw.code && !raw.atlas_id && !titleFields.some((f) => raw[f]) && !raw.acronym) {
        problems.push({ ...at, reason: 'no operation id, name or acronym: row left out', outcome: 'rejected' });
        continue;
      }
      const checked = checkRecord(raw, at, programme);
      problems.push(...checked.problems.map((p) => ({ ...p, column: p.column && cols.byField.has(p.column as OperationField) ? cols.header(p.column as OperationField) : p.column })));
      if (!checked.record) continue;
      const index = records.push({ value: checked.record, at }) - 1;
      for (const key of [checked.record.code, checked.record.atlas_id]) if (key && !byKey.has(matchKey(key))) byKey.set(matchKey(key), index);
    }
  }

  for (const table of tables.filter((t) => t.kind === 'partners')) {
    const cols = columns<PartnerField>(table, partnerColumn, unusedColumns);
    const countries = countryCodes(programme);
    for (const { row, cells } of table.rows) {
      onRow?.(++done, rows);
      const { at, cell, problem } = rowReader(table, cols, row, cells, problems);
      const key = asText(cell('key')) ?? asText(cell('atlas_id'));
      const name = asText(cell('name'));
      if (!key) {
        problems.push({ ...at, reason: 'partner row without an operation id (a merged cell? give the id on every row): row left out', outcome: 'rejected' });
        continue;
      }
      const target = byKey.get(matchKey(key));
      if (target === undefined) {
        problem(cols.byField.has('key') ? 'key' : 'atlas_id', `partner of unknown operation ${quote(key)}: row left out`, 'rejected');
        continue;
      }
      if (!name) {
        problem('name', 'partner without a name: row left out', 'rejected');
        continue;
      }
      const partner: RawPartner = { name, role: null, country: null, town: null, municipality: null, budget_eur: asAmount(cell('budget_eur')) };
      for (const field of ['name_original', 'address', 'postal_code', 'town', 'municipality', 'district'] as const) {
        const value = asText(cell(field));
        if (value !== null || field === 'town' || field === 'municipality') partner[field] = value;
      }
      const eu = asAmount(cell('eu_eur'));
      if (eu !== null) partner.eu_eur = eu;
      const lead = asText(cell('lead'));
      const role = asText(cell('role'));
      if (lead !== null) {
        if (YES.has(matchKey(lead))) partner.role = 'lead';
        else if (NO.has(matchKey(lead))) partner.role = 'partner';
        else problem('lead', `expected yes or no, got ${quote(lead)}: role unknown`);
      } else if (role !== null) partner.role = LEAD_ROLE.has(matchKey(role)) ? 'lead' : NO.has(matchKey(role)) ? 'partner' : null;
      const country = asText(cell('country'));
      if (country !== null) {
        partner.country = countryOf(country);
        if (!partner.country) problem('country', `country ${quote(country)} is not one of the programme's (${countries.join(', ')}): partner kept, not placed`);
      }
      const record = records[target].value;
      (record.partners ??= []).push(partner);
    }
  }
  return { records, problems, unusedColumns };
}
