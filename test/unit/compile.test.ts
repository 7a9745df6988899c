import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, parseJsonLines, validateRecord } from '../../src/core/compile';
import { formatProblem } from '../../src/core/problems';
import { distinctRecords } from '../../src/core/distinct';
import { decodeUtf8, projectIds, scanJsonLines, type RawRecord } from '../../src/core/records';
import { PROJECT_ID } from '../../src/core/text';
import { PROGRAMME } from './fixtures';

const RAW_FILE = new URL('../../../shared/projects-raw/projects.jsonl', import.meta.url);

const record = (over: Partial<RawRecord> | Record<string, unknown> = {}): Record<string, unknown> => ({
  period: '2014-2020', code: null, acronym: null, title_en: 'A title', title_bg: null, title_sr: null, call: null,
  priority_axis: null, specific_objective: null, type: null, duration_months: null, total_eur: null,
  eu_cofinancing_rate: null, eu_eur: null, start_date: null, end_date: null, intervention_field: null,
  summary: null, partners: [], sites: [], links: null, sources: ['https://example.org/a'], notes: '', ...over,
});

describe('structural validation', () => {
  it('names file and line of broken JSON', () => {
    const text = `${JSON.stringify(record())}\n{"period": "2014-2020",\n`;
    expect(() => parseJsonLines(text, 'projects.jsonl', PROGRAMME)).toThrowError(/^projects\.jsonl:2: broken JSON/);
  });

  it('names the field of a wrong type', () => {
    expect(() => validateRecord(record({ duration_months: '12' as never }), 'p.jsonl', 7, PROGRAMME)).toThrowError('p.jsonl:7 field "duration_months": expected a whole number, got string');
    expect(() => validateRecord(record({ title_en: 5 as never }), 'p.jsonl', 3, PROGRAMME)).toThrowError('p.jsonl:3 field "title_en": expected text or null, got number');
    expect(() => validateRecord(record({ partners: [{ name: 'X', role: 'boss', country: 'BG', town: null, municipality: null, budget_eur: null }] as never }), 'p.jsonl', 4, PROGRAMME)).toThrowError(
      'p.jsonl:4 field "partners[0].role": unknown role "boss"',
    );
  });

  it('rejects an unknown period value', () => {
    expect(() => validateRecord(record({ period: '2028-2034' as never }), 'p.jsonl', 9, PROGRAMME)).toThrowError(/p\.jsonl:9 field "period": unknown period "2028-2034"/);
  });

  it('throws DataError with its parts', () => {
    try {
      validateRecord(record({ start_date: '2016-13-45' }), 'p.jsonl', 2, PROGRAMME);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect(e).toMatchObject({ file: 'p.jsonl', line: 2, field: 'start_date' });
    }
  });

  it('accepts every record of the real raw file', () => {
    const text = readFileSync(RAW_FILE, 'utf8');
    const lines = text.split('\n').filter((l) => l.trim()).length;
    expect(parseJsonLines(text, 'projects.jsonl', PROGRAMME)).toHaveLength(lines);
  });
});

describe('project ids', () => {
  it('uses the programme code, else period and title slug, else a hash', () => {
    const ids = projectIds([
      record({ code: 'CB007.2.32.079' }),
      record({ title_en: null, title_bg: 'Мрежа за културни събития', period: null }),
      record({ title_en: null, sources: ['https://a'] }),
    ] as unknown as RawRecord[], PROGRAMME);
    expect(ids[0]).toBe('CB007.2.32.079');
    expect(ids[1]).toBe('unknown-mrezha-za-kulturni-sabitiya');
    expect(ids[2]).toMatch(/^2014-2020-untitled-[0-9a-f]{8}$/);
  });

  it('is stable when records are reordered or others are added', () => {
    const a = record({ title_en: 'Same title', sources: ['https://one'] });
    const b = record({ title_en: 'Same title', sources: ['https://two'] });
    const c = record({ title_en: 'Other' });
    const first = projectIds([a, b] as unknown as RawRecord[], PROGRAMME);
    const second = projectIds([c, b, a] as unknown as RawRecord[], PROGRAMME);
    expect(first[0]).toBe(second[2]);
    expect(first[1]).toBe(second[1]);
    expect(first[0]).not.toBe(first[1]);
  });

  it('gives every real record a distinct id', () => {
    const records = parseJsonLines(readFileSync(RAW_FILE, 'utf8'), 'projects.jsonl', PROGRAMME);
    const ids = projectIds(records, PROGRAMME);
    expect(new Set(ids).size).toBe(records.length);
    records.forEach((r, i) => r.code && expect(ids[i]).toBe(r.code));
  });
});

describe('hostile JSON Lines', () => {
  const line = (over: Record<string, unknown> = {}) => JSON.stringify(record(over));
  const scan = (text: string) => scanJsonLines(text, 'p.jsonl', PROGRAMME);

  it('accepts a BOM and CRLF, and names file lines, not record numbers', () => {
    const { records, problems } = scan(`\ufeff${line()}\r\n\r\n${line({ start_date: '2019-02-29', code: 'B' })}\r\n`);
    expect(records.map((r) => r.at.row)).toEqual([1, 3]);
    expect(problems.map(formatProblem)).toEqual(['p.jsonl, row 3, column "start_date": impossible date "2019-02-29"']);
  });

  it('reports an empty file as empty, a 5,000-deep value and a huge line without crashing', () => {
    expect(scan('').problems.map(formatProblem)).toEqual(['p.jsonl: the file holds no records (it is empty)']);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(scan(`{"period": ${deep}, "sources": ["x"]}`).problems[0].reason).toBe('unknown period (a list of 1) (expected one of 2004-2006, 2007-2013, 2014-2020, 2021-2027 or null): period unknown');
    expect(scan(`{"summary": "${'x'.repeat(1_100_000)}"}`).problems[0].reason).toMatch(/^1,100,0\d\d characters, more than the 1,000,000 a record may have: line left out$/);
  });

  it('rejects invalid UTF-8 line by line instead of replacing it', () => {
    const bytes = new TextEncoder().encode(`${line({ code: 'A' })}\n${line({ code: 'B' })}\n`);
    bytes[bytes.indexOf(0x42)] = 0xff; // the B of the second line's code
    const decoded = decodeUtf8(bytes, 'p.jsonl');
    expect(decoded.problems.map(formatProblem)).toEqual(['p.jsonl, row 2: not valid UTF-8 (save the file as UTF-8): line left out']);
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('keeps blank codes, end-before-start and absurd durations out of the output, with reasons', () => {
    const { records, problems } = scan([line({ code: '  ', start_date: '2020-01-01', end_date: '2019-01-01', duration_months: -3 })].join('\n'));
    expect(records[0].value).toMatchObject({ code: null, start_date: null, end_date: null, duration_months: null });
    expect(problems.map((p) => p.column)).toEqual(['duration_months', 'end_date', 'code']);
  });

  it('gives every record an id that ?project= accepts, and leaves out look-alike duplicates', () => {
    const located = ['CB 007/1', 'X.1', 'Х.1', 'x.1\u200b'].map((code, i) => ({ value: record({ code }) as unknown as RawRecord, at: { file: 'p.jsonl', row: i + 1 } }));
    const { ids, problems } = distinctRecords(located, PROGRAMME);
    expect(ids).toEqual(['CB-007/1', 'X.1']);
    expect(ids.every((id) => PROJECT_ID.test(id))).toBe(true);
    expect(problems.filter((p) => p.outcome === 'rejected').map((p) => p.row)).toEqual([3, 4]);
  });
});

describe('point-in-polygon check', () => {
  it('reports a place whose point lies in no municipality polygon, and checks nothing without a lookup', async () => {
    const { programmeFacts } = await import('../../data/dataset-dir');
    const { compileProject } = await import('../../src/core/compile');
    const { themeRules } = await import('../../src/core/programme');
    const { gazetteer } = programmeFacts();
    const r = record({ partners: [{ name: 'Municipality of Vidin', role: 'lead', country: 'BG', town: 'Vidin', municipality: null, budget_eur: null }] }) as unknown as RawRecord;
    const kinds = (municipalityAt?: () => string | null) => {
      const found: string[] = [];
      compileProject(r, 'x', { programme: PROGRAMME, gazetteer, objectives: new Set(), amountCeiling: 1e9, municipalityAt }, themeRules(PROGRAMME), (kind) => found.push(kind));
      return found;
    };
    expect(kinds(() => null)).toEqual(['polygon']);
    expect(kinds()).toEqual([]);
  });
});
