/**
 * The raw project records (the schema of projects.jsonl, which every import is turned into) and
 * the checks every record passes, whatever file it came from. Pure.
 *
 * `checkRecord` is lenient: a record that is not an object, or has no source, is rejected; a field
 * of the wrong type or an impossible value becomes unknown, with a problem naming the field. The
 * published data build is strict (`strict`): any problem fails it, naming file, line and field.
 */
import { kindOf, quote, reportNumber, type Problem, type Where } from './problems';
import { countryCodes, periodIds, type Programme } from './programme';
import { PROJECT_ID, shortHash, slugify } from './text';
import type { CountryCode, Period } from './types';

export interface RawPartner {
  name: string;
  role: 'lead' | 'partner' | null;
  country: CountryCode | null;
  town: string | null;
  municipality: string | null;
  /** District (NUTS 3) name or code: used to place a partner when neither town nor municipality is known. */
  district?: string | null;
  budget_eur: string | null;
  eu_eur?: string | null;
  name_original?: string | null;
  address?: string | null;
  postal_code?: string | null;
}

export interface RawRecord {
  period: Period | null;
  code: string | null;
  /** The atlas's own id, written by the atlas's exports for records without a programme code. */
  atlas_id?: string | null;
  programme?: string | null;
  acronym: string | null;
  /** The title in each of the programme's title languages: title_en, title_bg… */
  [title: `title_${string}`]: string | null | undefined;
  call: string | null;
  priority_axis: string | null;
  specific_objective: string | null;
  type: 'investment' | 'soft' | null;
  duration_months: number | null;
  total_eur: string | null;
  eu_cofinancing_rate: string | null;
  eu_eur: string | null;
  start_date: string | null;
  end_date: string | null;
  intervention_field: string | null;
  summary: string | null;
  partners: RawPartner[] | null;
  sites: string[] | null;
  links: string[] | null;
  sources: string[];
  notes: string | null;
}

/** A record and the place in its file it came from. */
export interface Located<T> {
  value: T;
  at: Where;
}

const TEXT_FIELDS = [
  'code', 'atlas_id', 'programme', 'acronym', 'call', 'priority_axis', 'specific_objective',
  'total_eur', 'eu_cofinancing_rate', 'eu_eur', 'intervention_field', 'summary', 'notes',
] as const;
const PARTNER_TEXT = ['town', 'municipality', 'district', 'budget_eur', 'eu_eur', 'name_original', 'address', 'postal_code'] as const;

export const titleField = (language: string): `title_${string}` => `title_${language}`;
/** The record's titles in the programme's title languages, in their order. */
export const titlesOf = (r: RawRecord, programme: Programme): Record<string, string | null> =>
  Object.fromEntries(programme.titleLanguages.map((l) => [l, r[titleField(l)] ?? null]));

/** Longest text a field keeps (the collected summaries are at most 1,500 characters). */
export const MAX_TEXT = 10_000;
/** Longest JSONL line read at all: a record is a few kB; a 50 MB line is not a record. */
const MAX_LINE = 1_000_000;
/** A project runs at most this long; longer (or negative) durations are typing errors. */
const MAX_MONTHS = 180;
const YEARS = { min: 1990, max: 2100 };

/** yyyy-mm-dd that names a real day within the plausible years, or the reason it does not. */
export function dateProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `expected an ISO date yyyy-mm-dd, got ${quote(text)}`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `impossible date ${quote(text)}`;
  if (y < YEARS.min || y > YEARS.max) return `date ${quote(text)} is outside ${YEARS.min}–${YEARS.max}`;
  return null;
}

/**
 * Checks one parsed value against the raw schema. Returns the record (with faulty fields made
 * unknown) or null when it cannot be a record, and the problems, each with the field as column.
 */
export function checkRecord(value: unknown, at: Where, programme: Programme): { record: RawRecord | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (column: string | undefined, reason: string, outcome: Problem['outcome'] = 'fixed') => problems.push({ ...at, ...(column ? { column } : {}), reason, outcome });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem(undefined, 'not a JSON object', 'rejected');
    return { record: null, problems };
  }
  const r = { ...(value as Record<string, unknown>) };
  const text = (field: string, v: unknown, set: (v: string | null) => void) => {
    if (v === null || v === undefined) return set(null);
    if (typeof v !== 'string') {
      problem(field, `expected text or null, got ${kindOf(v)}`);
      return set(null);
    }
    if (v.length > MAX_TEXT) {
      problem(field, `${reportNumber(v.length)} characters, more than the ${reportNumber(MAX_TEXT)} a field keeps: cut`);
      return set(v.slice(0, MAX_TEXT));
    }
    set(v);
  };

  if (!Array.isArray(r.sources) || r.sources.length === 0 || r.sources.some((s) => typeof s !== 'string' || !s.trim())) {
    problem('sources', Array.isArray(r.sources) && r.sources.length ? 'every source must be a non-empty text' : 'every record must cite at least one source', 'rejected');
    return { record: null, problems };
  }
  if (r.period === undefined) r.period = null;
  const periods = periodIds(programme);
  if (r.period !== null && !periods.includes(r.period as string)) {
    problem('period', `unknown period ${quote(r.period)} (expected one of ${periods.join(', ')} or null): period unknown`);
    r.period = null;
  }
  for (const field of [...TEXT_FIELDS, ...programme.titleLanguages.map(titleField)]) text(field, r[field], (v) => (r[field] = v));
  if (r.type === undefined) r.type = null;
  if (r.type !== null && r.type !== 'investment' && r.type !== 'soft') {
    problem('type', `unknown type ${quote(r.type)} (expected investment, soft or null)`);
    r.type = null;
  }
  if (r.duration_months === undefined) r.duration_months = null;
  if (r.duration_months !== null) {
    const d = r.duration_months;
    const reason =
      typeof d !== 'number' || !Number.isInteger(d)
        ? `expected a whole number, got ${kindOf(d)}`
        : d <= 0 || d > MAX_MONTHS
          ? `duration of ${d} months is impossible (expected 1 to ${MAX_MONTHS})`
          : null;
    if (reason) {
      problem('duration_months', reason);
      r.duration_months = null;
    }
  }
  for (const field of ['start_date', 'end_date']) {
    text(field, r[field], (v) => (r[field] = v));
    const reason = typeof r[field] === 'string' ? dateProblem(r[field] as string) : null;
    if (reason) {
      problem(field, reason);
      r[field] = null;
    }
  }
  if (typeof r.start_date === 'string' && typeof r.end_date === 'string') {
    const months = (Date.parse(r.end_date) - Date.parse(r.start_date)) / (30.44 * 86_400_000);
    if (months < 0) problem('end_date', `ends (${r.end_date}) before it starts (${r.start_date}): both dates unknown`);
    else if (months > MAX_MONTHS) problem('end_date', `runs ${Math.round(months)} months (${r.start_date} to ${r.end_date}), more than ${MAX_MONTHS}: both dates unknown`);
    if (months < 0 || months > MAX_MONTHS) r.start_date = r.end_date = null;
  }
  for (const field of ['sites', 'links']) {
    const v = r[field];
    if (v === null || v === undefined) r[field] = null;
    else if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problem(field, `expected a list of texts, got ${kindOf(v)}`);
      r[field] = null;
    } else r[field] = (v as string[]).map((s) => s.slice(0, MAX_TEXT));
  }
  if (typeof r.code === 'string' && !r.code.trim()) {
    problem('code', 'blank code: the record is identified by its title');
    r.code = null;
  }
  if (r.partners === undefined) r.partners = null;
  if (r.partners !== null && !Array.isArray(r.partners)) {
    problem('partners', `expected a list, got ${kindOf(r.partners)}: partners unknown`);
    r.partners = null;
  }
  if (Array.isArray(r.partners)) {
    const countries = countryCodes(programme);
    r.partners = (r.partners as unknown[]).flatMap((p, i) => {
      const field = `partners[${i}]`;
      if (typeof p !== 'object' || p === null || Array.isArray(p)) {
        problem(field, `expected an object, got ${kindOf(p)}`, 'rejected');
        return [];
      }
      const q = { ...(p as Record<string, unknown>) };
      if (typeof q.name !== 'string' || !q.name.trim()) {
        problem(`${field}.name`, `expected a non-empty text, got ${typeof q.name === 'string' ? 'an empty text' : kindOf(q.name)}`, 'rejected');
        return [];
      }
      q.name = q.name.slice(0, MAX_TEXT);
      if (q.role === undefined) q.role = null;
      if (q.role !== null && q.role !== 'lead' && q.role !== 'partner') {
        problem(`${field}.role`, `unknown role ${quote(q.role)}`);
        q.role = null;
      }
      if (q.country === undefined) q.country = null;
      if (q.country !== null && !countries.includes(q.country as string)) {
        problem(`${field}.country`, `unknown country ${quote(q.country)} (expected ${countries.join(', ')} or null)`);
        q.country = null;
      }
      for (const f of PARTNER_TEXT) text(`${field}.${f}`, q[f], (v) => (q[f] = v));
      return [q as unknown as RawPartner];
    });
  }
  r.notes ??= null;
  return { record: r as unknown as RawRecord, problems };
}

/** A text file's bytes as UTF-8, with the lines that are not valid UTF-8 named (never silently replaced). */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; problems: Problem[] } {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return { text: strict.decode(bytes), problems: [] };
  } catch {
    const problems: Problem[] = [];
    const lines: string[] = [];
    let start = 0;
    let row = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      const slice = bytes.subarray(start, i);
      try {
        lines.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: row !== 1 }).decode(slice));
      } catch {
        problems.push({ file, row, reason: 'not valid UTF-8 (save the file as UTF-8): line left out', outcome: 'rejected' });
        lines.push('');
      }
      start = i + 1;
      row++;
    }
    return { text: lines.join('\n'), problems };
  }
}

/** JSON Lines → records with their line numbers; a line that is not a record is a problem, never a crash. */
export function scanJsonLines(text: string, file: string, programme: Programme): { records: Located<RawRecord>[]; problems: Problem[] } {
  const records: Located<RawRecord>[] = [];
  const problems: Problem[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let start = 0;
  for (let row = 1; start <= body.length; row++) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const length = end - start;
    const at = { file, row };
    if (length > MAX_LINE) problems.push({ ...at, reason: `${reportNumber(length)} characters, more than the ${reportNumber(MAX_LINE)} a record may have: line left out`, outcome: 'rejected' });
    else {
      const source = body.slice(start, end);
      if (source.trim()) {
        let value: unknown;
        try {
          value = JSON.parse(source);
        } catch (error) {
          problems.push({ ...at, reason: `broken JSON (${(error as Error).message.slice(0, 200)}): line left out`, outcome: 'rejected' });
          start = end + 1;
          continue;
        }
        const checked = checkRecord(value, at, programme);
        problems.push(...checked.problems);
        if (checked.record) records.push({ value: checked.record, at });
      }
    }
    start = end + 1;
  }
  if (!records.length && !problems.length) problems.push({ file, reason: 'the file holds no records (it is empty)', outcome: 'rejected' });
  return { records, problems };
}

/** A JSONL file's bytes → records, with invalid UTF-8 and every faulty line named. */
export function readJsonLines(bytes: Uint8Array, file: string, programme: Programme): { records: Located<RawRecord>[]; problems: Problem[] } {
  const decoded = decodeUtf8(bytes, file);
  const scanned = scanJsonLines(decoded.text, file, programme);
  return { records: scanned.records, problems: [...decoded.problems, ...scanned.problems] };
}

/** A code made URL-safe: characters `?project=` does not take become dashes. */
export function safeId(text: string): string | null {
  const id = text
    .trim()
    .replace(/[^\p{L}\p{N}._/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
  return id || null;
}

/**
 * Ids: the programme code (made URL-safe); else the atlas id the record carries; else period + slug
 * of the title (in the programme's first title language that has one); else period + "untitled" + a hash of the
 * first source, the partner names and the summary's start. Same-slug records get the hash appended.
 */
export function projectIds(records: readonly RawRecord[], programme: Programme): string[] {
  const fingerprint = (r: RawRecord) => shortHash([r.sources[0], ...(r.partners ?? []).map((p) => p.name), (r.summary ?? '').slice(0, 120)].join('|'));
  const base = records.map((r) => {
    const own = (r.code && safeId(r.code)) || (r.atlas_id && PROJECT_ID.test(r.atlas_id) ? r.atlas_id : null);
    if (own) return own;
    const title = Object.values(titlesOf(r, programme)).find(Boolean);
    const period = r.period ?? 'unknown';
    const slug = title ? slugify(title, 48) : '';
    return slug ? `${period}-${slug}` : `${period}-untitled-${fingerprint(r)}`;
  });
  const count = new Map<string, number>();
  for (const id of base) count.set(id, (count.get(id) ?? 0) + 1);
  return base.map((id, i) => (count.get(id)! > 1 && !records[i].code && !records[i].atlas_id && !id.includes('-untitled-') ? `${id}-${fingerprint(records[i])}` : id));
}

