/**
 * Compiles the raw, source-cited records (../shared/projects-raw/projects.jsonl) into the atlas's
 * projects. Pure: the caller reads the files and passes a gazetteer and a point-in-polygon lookup.
 * Structural faults throw a DataError naming file, line and field; everything else is kept and
 * what could not be read or placed goes to the report.
 */
import { deriveShare, parseAmount, parseRate, type Amount } from './amount';
import type { Gazetteer, Settlement } from './gazetteer';
import { assignTheme, axisCode, objectiveCode } from './themes';
import { shortHash, slugify } from './text';
import { PERIODS, type CountryCode, type Location, type Partner, type Period, type Project } from './types';

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | null,
    reason: string,
  ) {
    super(`${file}:${line}${field ? ` field "${field}"` : ''}: ${reason}`);
    this.name = 'DataError';
  }
}

export interface RawPartner {
  name: string;
  role: 'lead' | 'partner' | null;
  country: CountryCode | null;
  town: string | null;
  municipality: string | null;
  budget_eur: string | null;
}

export interface RawRecord {
  period: Period | null;
  code: string | null;
  acronym: string | null;
  title_en: string | null;
  title_bg: string | null;
  title_sr: string | null;
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

const STRING_FIELDS = [
  'code', 'acronym', 'title_en', 'title_bg', 'title_sr', 'call', 'priority_axis', 'specific_objective',
  'total_eur', 'eu_cofinancing_rate', 'eu_eur', 'intervention_field', 'summary', 'notes',
] as const;

/** Checks one parsed line against the raw schema; throws DataError on the first fault. */
export function validateRecord(value: unknown, file: string, line: number): RawRecord {
  const fail = (field: string | null, reason: string): never => {
    throw new DataError(file, line, field, reason);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(null, 'not a JSON object');
  const r = value as Record<string, unknown>;
  const nullableString = (field: string, v: unknown) => {
    if (v !== null && v !== undefined && typeof v !== 'string') fail(field, `expected text or null, got ${kind(v)}`);
  };
  if (r.period !== null && !(PERIODS as readonly unknown[]).includes(r.period)) {
    fail('period', `unknown period ${JSON.stringify(r.period)} (expected one of ${PERIODS.join(', ')} or null)`);
  }
  for (const field of STRING_FIELDS) nullableString(field, r[field]);
  if (r.type !== null && r.type !== undefined && r.type !== 'investment' && r.type !== 'soft') {
    fail('type', `unknown type ${JSON.stringify(r.type)} (expected investment, soft or null)`);
  }
  if (r.duration_months != null && !Number.isInteger(r.duration_months)) fail('duration_months', `expected a whole number, got ${kind(r.duration_months)}`);
  for (const field of ['start_date', 'end_date']) {
    const v = r[field];
    nullableString(field, v);
    if (typeof v === 'string' && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) fail(field, `expected an ISO date yyyy-mm-dd, got ${JSON.stringify(v)}`);
  }
  for (const field of ['sites', 'links', 'sources']) {
    const v = r[field];
    if (v === null && field !== 'sources') continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(field, `expected a list of texts, got ${kind(v)}`);
  }
  if ((r.sources as string[]).length === 0) fail('sources', 'every record must cite at least one source');
  if (r.partners !== null) {
    if (!Array.isArray(r.partners)) fail('partners', `expected a list, got ${kind(r.partners)}`);
    (r.partners as unknown[]).forEach((p, i) => {
      const at = `partners[${i}]`;
      if (typeof p !== 'object' || p === null) fail(at, 'expected an object');
      const q = p as Record<string, unknown>;
      if (typeof q.name !== 'string' || !q.name.trim()) fail(`${at}.name`, 'expected a non-empty text');
      if (q.role !== null && q.role !== undefined && q.role !== 'lead' && q.role !== 'partner') fail(`${at}.role`, `unknown role ${JSON.stringify(q.role)}`);
      if (q.country !== null && q.country !== undefined && q.country !== 'BG' && q.country !== 'RS') fail(`${at}.country`, `unknown country ${JSON.stringify(q.country)} (expected BG, RS or null)`);
      for (const f of ['town', 'municipality', 'budget_eur']) {
        if (q[f] !== null && q[f] !== undefined && typeof q[f] !== 'string') fail(`${at}.${f}`, `expected text or null, got ${kind(q[f])}`);
      }
    });
  }
  return r as unknown as RawRecord;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/** Parses the JSON Lines file; a broken line is a structural fault. */
export function parseJsonLines(text: string, file: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split('\n').forEach((source, i) => {
    if (!source.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      throw new DataError(file, i + 1, null, `broken JSON (${(error as Error).message})`);
    }
    records.push(validateRecord(value, file, i + 1));
  });
  return records;
}

export type IssueKind = 'unresolved' | 'ambiguous' | 'outside-area' | 'amount' | 'polygon' | 'site';

export interface Issue {
  project: string;
  kind: IssueKind;
  detail: string;
}

export interface CompileContext {
  gazetteer: Gazetteer;
  /** Keys of the programme's objectives ("2014-2020:1.1", "2007-2013:PA2"). */
  objectives: Set<string>;
  /** The municipality whose polygon contains the point, or null. */
  municipalityAt(lon: number, lat: number, country: CountryCode): string | null;
}

/**
 * Ids: the programme code; else period + slug of the title (English, else Bulgarian, else Serbian);
 * else period + "untitled" + a hash of the first source, the partner names and the summary's start. Titles or sources
 * added on a refresh do not move an id unless they change that first choice.
 */
export function projectIds(records: RawRecord[]): string[] {
  const fingerprint = (r: RawRecord) =>
    shortHash([r.sources[0], ...(r.partners ?? []).map((p) => p.name), (r.summary ?? '').slice(0, 120)].join('|'));
  const base = records.map((r) => {
    if (r.code) return r.code.trim();
    const title = r.title_en ?? r.title_bg ?? r.title_sr;
    const period = r.period ?? 'unknown';
    return title ? `${period}-${slugify(title, 48)}` : `${period}-untitled-${fingerprint(r)}`;
  });
  const count = new Map<string, number>();
  for (const id of base) count.set(id, (count.get(id) ?? 0) + 1);
  return base.map((id, i) => (count.get(id)! > 1 && !records[i].code && !id.includes('-untitled-') ? `${id}-${fingerprint(records[i])}` : id));
}

export function compileProjects(records: RawRecord[], file: string, ctx: CompileContext): { projects: Project[]; issues: Issue[] } {
  const ids = projectIds(records);
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new DataError(file, i + 1, 'code', `duplicate project id "${id}" (also on line ${seen.get(id)! + 1})`);
    seen.set(id, i);
  });
  const issues: Issue[] = [];
  const projects = records.map((r, i) => compileProject(r, ids[i], ctx, (kind, detail) => issues.push({ project: ids[i], kind, detail })));
  return { projects, issues };
}

function amountOrNull(raw: string | null, what: string, report: (k: IssueKind, d: string) => void): Amount | null {
  if (raw === null || !raw.trim()) return null;
  const amount = parseAmount(raw);
  if (amount.value === null) report('amount', `${what} "${raw}" cannot be read unambiguously: shown as unknown`);
  return amount;
}

export function compileProject(r: RawRecord, id: string, ctx: CompileContext, report: (kind: IssueKind, detail: string) => void): Project {
  const titles = [r.title_en, r.title_bg, r.title_sr].filter((t): t is string => !!t);
  const theme = assignTheme(r.period, r.priority_axis, r.specific_objective, titles, r.summary);
  const total = amountOrNull(r.total_eur, 'total', report);
  const euRate = r.eu_cofinancing_rate ? parseRate(r.eu_cofinancing_rate) : null;
  if (r.eu_cofinancing_rate && euRate === null) report('amount', `co-financing rate "${r.eu_cofinancing_rate}" cannot be read`);
  let eu = amountOrNull(r.eu_eur, 'EU amount', report);
  if (!eu && total?.value != null && euRate !== null) eu = deriveShare(total, euRate);

  const locations: Location[] = [];
  const addLocation = (s: Settlement, method: Location['method'], extra: Partial<Location>): number => {
    const existing = locations.findIndex((l) => l.settlementId === s.id);
    if (existing >= 0) return existing;
    const inPolygon = ctx.municipalityAt(s.lon, s.lat, s.country);
    if (inPolygon !== s.municipalityId) {
      const where = inPolygon ? `lies in ${inPolygon}` : 'lies in no municipality polygon';
      report('polygon', `${s.nameLat}: the gazetteer puts it in ${s.municipalityId}, its point ${where}; kept the gazetteer's municipality`);
    }
    const municipality = ctx.gazetteer.municipality(s.municipalityId);
    if (municipality && !municipality.inArea) {
      report('outside-area', `${s.nameLat} (${municipality.nameLat}, ${s.country}) is outside the programme area: placed there all the same`);
    }
    locations.push({
      settlementId: s.id,
      nameLat: s.nameLat,
      nameCyr: s.nameCyr,
      country: s.country,
      municipalityId: s.municipalityId,
      lon: s.lon,
      lat: s.lat,
      method,
      partners: [],
      ...extra,
    });
    return locations.length - 1;
  };

  const partners: Partner[] = (r.partners ?? []).map((p, index) => {
    const placed = ctx.gazetteer.placePartner(p.country, p.town?.trim() || null, p.municipality?.trim() || null);
    let location: number | null = null;
    if (placed.ok) {
      const { settlement, method, note } = placed.placement;
      location = addLocation(settlement, method, note ? { note } : {});
      locations[location].partners.push(index);
      if (note?.startsWith('ambiguous')) report('ambiguous', `${p.name}: ${note}`);
    } else {
      report(placed.reason.startsWith('ambiguous') ? 'ambiguous' : 'unresolved', `${p.name}: ${placed.reason}`);
    }
    return {
      name: p.name,
      role: p.role ?? null,
      country: p.country ?? null,
      town: p.town ?? null,
      budget: amountOrNull(p.budget_eur, `budget of ${p.name}`, report),
      location,
    };
  });

  const partnerMunicipalities = new Set(locations.map((l) => l.municipalityId));
  const partnerDistricts = new Set([...partnerMunicipalities].map((m) => ctx.gazetteer.municipality(m)?.districtId).filter((d): d is string => !!d));
  for (const site of r.sites ?? []) {
    const { found, skipped } = ctx.gazetteer.placeSite(site, partnerMunicipalities, partnerDistricts);
    for (const s of found) addLocation(s, 'site', { site });
    for (const reason of skipped) report('site', `site "${site}": ${reason}`);
  }

  const objectiveKeys = r.period ? [objectiveCode(r.specific_objective), axisCode(r.priority_axis)].filter(Boolean).map((c) => `${r.period}:${c}`) : [];
  const objective = objectiveKeys.find((k) => ctx.objectives.has(k)) ?? null;
  if (objectiveKeys.length && !objective) report('unresolved', `priority "${r.specific_objective ?? r.priority_axis}" is not among the programme's objectives for ${r.period}`);

  return {
    id,
    code: r.code?.trim() || null,
    period: r.period,
    acronym: r.acronym,
    title: { en: r.title_en, bg: r.title_bg, sr: r.title_sr },
    untitled: titles.length === 0,
    call: r.call,
    priorityAxis: r.priority_axis,
    specificObjective: r.specific_objective,
    objective,
    theme: theme.theme,
    themeBasis: theme.basis,
    themeBecause: theme.because,
    type: r.type,
    durationMonths: r.duration_months,
    startDate: r.start_date,
    endDate: r.end_date,
    total,
    eu,
    euRate,
    interventionField: r.intervention_field,
    summary: r.summary,
    partners,
    sites: r.sites ?? [],
    locations,
    links: r.links ?? [],
    sources: r.sources,
    notes: r.notes ?? '',
  };
}
