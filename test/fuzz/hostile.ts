/**
 * Seeded hostile inputs for the importer, and the checks on its output that find silent wrong
 * values (checked on the compiled projects themselves, not on the importer's own verdict); inputs
 * written from known values are also checked for intent: each cell's meaning reaches the dataset,
 * or the report names its row.
 * Used by the unit suite (a few hundred inputs) and by `npm run fuzz` (10,000 and more).
 */
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { dateProblem } from '../../src/core/records';
import { PROJECT_ID } from '../../src/core/text';
import type { AtlasData } from '../../src/core/types';
import type { InputFile } from '../../src/import';

const REAL = readFileSync(new URL('../../data/out/projects.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);

const HOSTILE_VALUES: unknown[] = [
  '999999999999999999999', '-5', 'NaN', '1e400', 'Infinity', '-0', '1.234,567.89', '1,234.56', '1.234,56', '1 234.5', '12,5', '٣٤٥',
  '=HYPERLINK("http://x","y")', '+1+1', '@SUM(A1)', '\t=1', '2019-02-29', '2020-13-01', '0000-00-00', '31.02.2020', '1899-12-31', '9999-12-31',
  '', ' ', '\u200b', 'CB007.1.11.075', 'cb007.1.11.075', 'СВ007.1.11.075', 'a b', '../../etc', 'javascript:alert(1)', '<img src=x onerror=alert(1)>',
  null, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.14159, true, [], {}, [[[[]]]], { a: { b: 1 } }, 'x'.repeat(20_000),
];

type Mutation = (rnd: () => number) => InputFile;
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const enc = (text: string) => new TextEncoder().encode(text);

const FIELDS = ['period', 'code', 'title_en', 'total_eur', 'eu_eur', 'eu_cofinancing_rate', 'start_date', 'end_date', 'duration_months', 'type', 'partners', 'sites', 'sources', 'summary'];

function mutatedRecord(rnd: () => number): string {
  const record = JSON.parse(pick(rnd, REAL)) as Record<string, unknown>;
  for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
    const field = pick(rnd, FIELDS);
    if (field === 'partners' && Array.isArray(record.partners) && record.partners.length && rnd() < 0.6) {
      const p = pick(rnd, record.partners as Record<string, unknown>[]);
      p[pick(rnd, ['name', 'country', 'town', 'municipality', 'budget_eur', 'role', 'district'])] = pick(rnd, HOSTILE_VALUES);
    } else record[field] = pick(rnd, HOSTILE_VALUES);
  }
  return JSON.stringify(record);
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const MUTATIONS: Record<string, Mutation> = {
  'jsonl: mutated fields': (rnd) => ({ name: 'p.jsonl', bytes: enc(Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => mutatedRecord(rnd)).join('\n')) }),
  'jsonl: truncated': (rnd) => {
    const text = REAL.slice(0, 10).join('\n');
    return { name: 'p.jsonl', bytes: enc(text.slice(0, Math.floor(rnd() * text.length))) };
  },
  'jsonl: invalid UTF-8, BOM, CRLF': (rnd) => {
    const bytes = enc(`\ufeff${REAL.slice(0, 8).join('\r\n')}`);
    for (let n = Math.floor(rnd() * 5); n > 0; n--) bytes[Math.floor(rnd() * bytes.length)] = pick(rnd, [0xff, 0xc3, 0x80, 0xfe]);
    return { name: 'p.jsonl', bytes };
  },
  'jsonl: deep nesting': (rnd) => ({ name: 'p.jsonl', bytes: enc(`{"period": ${deep(1000 + Math.floor(rnd() * 9000))}, "sources": ["x"]}\n${deep(5000)}\n${REAL[0]}`) }),
  'jsonl: duplicate and look-alike ids': (rnd) => {
    const base = JSON.parse(pick(rnd, REAL));
    const codes = ['X.1', 'X.1', 'x.1', 'Х.1', 'X.1\u200b', ' X.1 ', ''];
    return { name: 'p.jsonl', bytes: enc(codes.map((code) => JSON.stringify({ ...base, code })).join('\n')) };
  },
  'jsonl: empty': () => ({ name: 'p.jsonl', bytes: new Uint8Array() }),
  'csv: hostile cells': (rnd) => {
    const header = 'Operation ID;Title;Period;Start date;End date;Total budget;EU funding;Co-financing rate;Type;Duration';
    const cell = () => {
      const v = pick(rnd, HOSTILE_VALUES);
      return typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v);
    };
    const rows = Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, i) => [`C${i % 7}`, ...Array.from({ length: 9 }, cell)].join(';'));
    const partners = ['Project ID,Partner name,Country,City,Lead partner,Partner budget', ...Array.from({ length: 10 }, (_, i) => `C${i % 9},${cell()},${pick(rnd, ['BG', 'RS', 'Србија', 'DE', ''])},${pick(rnd, ['Vidin', 'Pirot', 'Nowhere', ''])},${cell()},${cell()}`)];
    return [
      { name: 'ops.csv', bytes: enc(rows.length && rnd() < 0.5 ? [header, ...rows].join('\r\n') : [header, ...rows].join('\n')) },
      { name: 'partners.csv', bytes: enc(partners.join('\n')) },
    ][rnd() < 0.8 ? 0 : 1];
  },
  'csv: broken quotes and ragged rows': (rnd) => ({ name: 'x.csv', bytes: enc(`Operation ID,Title,Period\n"A1,"Unclosed,2014-2020\nA2\nA3,x,2014-2020,extra,cells\n${'"'.repeat(Math.floor(rnd() * 5))}`) }),
  'random bytes': (rnd) => ({ name: pick(rnd, ['x.xlsx', 'x.csv', 'x.jsonl', 'x']), bytes: Uint8Array.from({ length: Math.floor(rnd() * 2000) }, () => Math.floor(rnd() * 256)) }),
  'zip that is no workbook': () => ({ name: 'x.xlsx', bytes: zipSync({ 'hello.txt': strToU8('hello') }) }),
};

/** Workbooks, made once per run: they take a few milliseconds each to write. */
export async function hostileWorkbooks(rnd: () => number): Promise<Record<string, InputFile>> {
  const cell = () => {
    const v = pick(rnd, HOSTILE_VALUES);
    return v === null || typeof v === 'object' ? null : { value: v as string | number | boolean };
  };
  const header = ['Operation ID', 'Title', 'Period', 'Start date', 'End date', 'Total budget', 'EU funding', 'Type'].map((value) => ({ value }));
  const rows = Array.from({ length: 40 }, (_, i) => [{ value: `W${i % 13}` }, ...Array.from({ length: 7 }, cell)]);
  const formulas = [header, [{ value: 'F1' }, { value: '=1+1', type: 'Formula' as const }, { value: '2014-2020' }, { value: 43000 }, { value: 'x' }, { value: '=A1*1000000000', type: 'Formula' as const }, null, null]];
  const merged = [header, [{ value: 'M1', rowSpan: 3 }, { value: 'merged' }, { value: '2014-2020' }], [null, { value: 'second' }], [null, { value: 'third' }]];
  const write = async (sheets: { sheet: string; data: unknown[][] }[]) => new Uint8Array(await writeXlsxFile(sheets as never).toBuffer());
  const good = await write([{ sheet: 'Ops', data: [header, ...rows] }, { sheet: 'Empty', data: [[]] }]);
  // A zip bomb: one sheet that inflates to 300 MB of spaces from a few hundred kB.
  const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(300 * 1024 * 1024).fill(0x20) }, { level: 9 });
  return {
    'xlsx: hostile cells': { name: 'w.xlsx', bytes: good },
    'xlsx: formulas': { name: 'f.xlsx', bytes: await write([{ sheet: 'Ops', data: formulas }]) },
    'xlsx: merged cells': { name: 'm.xlsx', bytes: await write([{ sheet: 'Ops', data: merged }]) },
    'xlsx: only an empty sheet': { name: 'e.xlsx', bytes: await write([{ sheet: 'Nothing', data: [[]] }]) },
    'xlsx: truncated': { name: 't.xlsx', bytes: good.slice(0, Math.floor(good.length * (0.3 + rnd() * 0.6))) },
    'xlsx: zip bomb': { name: 'bomb.xlsx', bytes: bomb },
  };
}

const INTENDED = 'csv: values written from known intent';

/** One hostile input (one file, sometimes two) for this seed; `intent` where the input was written from known values. */
export function hostileInput(rnd: () => number, workbooks: Record<string, InputFile>): { kind: string; files: InputFile[]; intent?: RowIntent[] } {
  const kinds = [...Object.keys(MUTATIONS), ...Object.keys(workbooks), INTENDED];
  const kind = pick(rnd, kinds);
  if (kind === INTENDED) return { kind, ...intendedInput(rnd) };
  const file = MUTATIONS[kind]?.(rnd) ?? workbooks[kind];
  return { kind, files: [file] };
}

/** Very large inputs, for `npm run fuzz` only: a 50 MB cell and 100,000 rows. */
export function largeInputs(): { kind: string; files: InputFile[] }[] {
  const rows = Array.from({ length: 100_000 }, (_, i) => `L${i},Operation ${i},2014-2020,"${(i * 37) % 1_000_000},00"`);
  return [
    { kind: 'csv: a 50 MB cell', files: [{ name: 'big.csv', bytes: enc(`Operation ID,Title,Period\nB1,"${'y'.repeat(50 * 1024 * 1024)}",2014-2020\n`) }] },
    { kind: 'jsonl: a 50 MB line', files: [{ name: 'big.jsonl', bytes: enc(`{"sources":["x"],"summary":"${'z'.repeat(50 * 1024 * 1024)}"}\n${REAL[0]}\n`) }] },
    { kind: 'csv: 100,000 rows', files: [{ name: 'many.csv', bytes: enc(`Operation ID,Title,Period,Total budget\n${rows.join('\n')}\n`) }] },
  ];
}

/** Silent wrong values in a compiled dataset: each a line naming the project and the value. */
export function wrongValues(data: AtlasData): string[] {
  const wrong: string[] = [];
  const ids = new Set<string>();
  for (const p of data.projects) {
    if (ids.has(p.id)) wrong.push(`${p.id}: duplicate id`);
    ids.add(p.id);
    if (!PROJECT_ID.test(p.id)) wrong.push(`${p.id}: id a link cannot carry`);
    const amounts = [p.total, p.eu, ...p.partners.map((q) => q.budget)];
    for (const a of amounts) {
      const v = a?.value;
      if (v != null && (!Number.isFinite(v) || v < 0 || v > data.amountCeiling)) wrong.push(`${p.id}: amount ${v}`);
    }
    if (p.euRate != null && !(p.euRate > 0 && p.euRate <= 1)) wrong.push(`${p.id}: rate ${p.euRate}`);
    for (const d of [p.startDate, p.endDate]) if (d != null && dateProblem(d)) wrong.push(`${p.id}: date ${d}`);
    if (p.startDate && p.endDate && p.endDate < p.startDate) wrong.push(`${p.id}: ends before it starts`);
    if (p.durationMonths != null && !(Number.isInteger(p.durationMonths) && p.durationMonths > 0 && p.durationMonths <= 180)) wrong.push(`${p.id}: duration ${p.durationMonths}`);
    for (const l of p.locations) if (!Number.isFinite(l.lon) || !Number.isFinite(l.lat)) wrong.push(`${p.id}: place ${l.lon},${l.lat}`);
  }
  return wrong;
}

/**
 * What one generated row means, for the intent oracle: the values its cells were written from, and
 * whether the importer must leave the row out or a value unknown (and so report it).
 */
export interface RowIntent {
  row: number;
  code: string;
  /** Left out as a repeat of an earlier code (written with a look-alike or invisible character). */
  repeat: boolean;
  total: number;
  /** The co-financing rate as a fraction. */
  rate: number;
  period: string | null;
  start: string;
  end: string;
  /** A value in the column without a header. */
  stray: string | null;
}

const INVISIBLE = ['\u00ad', '\u200b', '\u2060', '\ufe0f', '\u180e', '\u034f'];
const LOOK_ALIKE: Record<string, string> = { A: '\u0410', B: '\u0392', C: '\u0421', E: '\u0395', Z: '\u0396' };

/** An amount in one of the separator styles whose meaning the README fixes (a final ,dd or .dd is the decimal part). */
function writtenAmount(rnd: () => number, cents: number): string {
  const euros = Math.floor(cents / 100);
  const decimals = String(cents % 100).padStart(2, '0');
  const grouped = (sep: string) => String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return pick(rnd, [`${grouped(' ')},${decimals}`, `${grouped(',')}.${decimals}`, `${grouped('.')},${decimals}`, `${euros}.${decimals}`]);
}

/** A rate in one of the forms of the README's rule. */
const writtenRate = (rnd: () => number, percent: number) =>
  pick(rnd, [`${percent / 100}`, `${percent / 100}`.replace('.', ','), `${percent}`, `${percent} %`, `${percent}%`]);

const isoDay = (days: number) => new Date(Date.UTC(2008, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

/** A CSV of operations written from known values, some meant to be reported rather than kept. */
export function intendedInput(rnd: () => number): { files: InputFile[]; intent: RowIntent[] } {
  const intent: RowIntent[] = [];
  const lines = ['Operation ID;Title;Period;Total budget;Co-financing rate;Start date;End date;'];
  const count = 2 + Math.floor(rnd() * 12);
  for (let i = 0; i < count; i++) {
    const earlier = intent.filter((r) => !r.repeat);
    const repeat = earlier.length > 0 && rnd() < 0.2;
    let code = `Q${Math.floor(rnd() * 1e6)}${pick(rnd, ['A', 'B', 'C', 'E', 'Z'])}`;
    if (repeat) {
      const base = pick(rnd, earlier).code;
      code = rnd() < 0.5 ? `${base.slice(0, 2)}${pick(rnd, INVISIBLE)}${base.slice(2)}` : base.replace(/[ABCEZ]$/, (ch) => LOOK_ALIKE[ch]);
    } else if (intent.some((r) => r.code === code)) continue;
    const cents = 100 * (10_000 + Math.floor(rnd() * 5_000_000)) + Math.floor(rnd() * 100);
    const percent = pick(rnd, [50, 60, 75, 80, 85, 90]);
    const period = rnd() < 0.85 ? pick(rnd, ['2007-2013', '2014-2020']) : null;
    const startDay = Math.floor(rnd() * 3000);
    const start = isoDay(startDay);
    const end = isoDay(startDay + (rnd() < 0.85 ? 30 + Math.floor(rnd() * 1000) : -1 - Math.floor(rnd() * 300)));
    const stray = rnd() < 0.15 ? `note ${i}` : null;
    const [y, m, d] = start.split('-');
    lines.push([code, `Operation ${i}`, period ?? 'Interreg 2099-2105', writtenAmount(rnd, cents), writtenRate(rnd, percent), `${d}.${m}.${y}`, end, stray ?? ''].join(';'));
    intent.push({ row: lines.length, code, repeat, total: cents / 100, rate: percent / 100, period, start, end, stray });
  }
  return { files: [{ name: 'intent.csv', bytes: enc(lines.join('\n')) }], intent };
}

/**
 * The rows whose meaning did not reach the dataset: a value kept different from what its cell
 * says, or a cell neither kept nor reported (a report line names the file's row).
 */
export function unmetIntents(intent: readonly RowIntent[], data: AtlasData, reported: readonly { file: string; row?: number }[], issues: readonly { at: string }[]): string[] {
  const wrong: string[] = [];
  const rowsReported = new Set([...reported.filter((p) => p.file === 'intent.csv' && p.row !== undefined).map((p) => p.row!), ...issues.map((i) => Number(/^intent\.csv, row (\d+)/.exec(i.at)?.[1]))]);
  const byCode = new Map(data.projects.map((p) => [p.code, p]));
  for (const r of intent) {
    const p = byCode.get(r.code);
    const at = `row ${r.row} (${JSON.stringify(r.code)})`;
    if (r.repeat) {
      if (p) wrong.push(`${at}: a repeat of an earlier code, kept as a project of its own`);
      if (!rowsReported.has(r.row)) wrong.push(`${at}: a repeat left out without a report line`);
      continue;
    }
    if (!p) {
      wrong.push(`${at}: missing from the dataset`);
      continue;
    }
    const keptOrReported = (what: string, kept: unknown, meant: unknown) => {
      if (kept === meant) return;
      if (kept !== null || !rowsReported.has(r.row)) wrong.push(`${at}: ${what} ${JSON.stringify(kept)}, the cell meant ${JSON.stringify(meant)}${kept === null ? ', with no report line' : ''}`);
    };
    keptOrReported('total', p.total?.value ?? null, r.total);
    keptOrReported('rate', p.euRate === null ? null : Math.round(p.euRate * 1e6) / 1e6, r.rate);
    keptOrReported('period', p.period, r.period);
    const datesMeant = r.end > r.start;
    keptOrReported('start', p.startDate, datesMeant ? r.start : null);
    keptOrReported('end', p.endDate, datesMeant ? r.end : null);
    if (!datesMeant && !rowsReported.has(r.row)) wrong.push(`${at}: an end before the start, not reported`);
    if (r.period === null && !rowsReported.has(r.row)) wrong.push(`${at}: an unknown period, not reported`);
    if (r.stray !== null && !reported.some((q) => q.file === 'intent.csv' && (q as { column?: string }).column?.includes('no header'))) wrong.push(`${at}: a value in a column without a header, neither read nor reported`);
  }
  return wrong;
}
