/**
 * Compiles the raw, source-cited records (schema in ./records) into the atlas's projects. Pure: the
 * caller reads the files and passes a gazetteer and a point-in-polygon lookup. What could not be
 * read or placed goes to the report, with the record's file and line or row.
 */
import { deriveShare, parseAmount, parseRate, type Amount } from './amount';
import type { Gazetteer, Settlement } from './gazetteer';
import { formatWhere, quote, reportNumber, type Problem } from './problems';
import { nameIn, themeRules, type Names, type Programme } from './programme';
import { distinctRecords } from './distinct';
import { checkRecord, scanJsonLines, titlesOf, type Located, type RawRecord } from './records';
import { assignTheme, axisCode, objectiveCode, type ThemeRules } from './themes';
import type { CountryCode, Location, Partner, Project } from './types';

/** A fault the strict (published) data build stops on: file, line, field and reason. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | null,
    reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}${field ? ` field "${field}"` : ''}: ${reason}`);
    this.name = 'DataError';
  }

  /** The strict build's error for a problem the lenient import would only report. */
  static of(p: Problem): DataError {
    return new DataError(p.file, p.row ?? 0, p.column ?? null, p.reason);
  }
}

/** Strict: one record that is not clean fails the build. */
export function validateRecord(value: unknown, file: string, line: number, programme: Programme): RawRecord {
  const { record, problems } = checkRecord(value, { file, row: line }, programme);
  if (problems.length) throw DataError.of(problems[0]);
  return record!;
}

/** Strict JSON Lines: the first problem of any line fails, naming file and line. */
export function parseJsonLines(text: string, file: string, programme: Programme): RawRecord[] {
  const { records, problems } = scanJsonLines(text, file, programme);
  if (problems.length) throw DataError.of(problems[0]);
  return records.map((r) => r.value);
}

export type IssueKind = 'unresolved' | 'ambiguous' | 'outside-area' | 'amount' | 'polygon' | 'site';

export interface Issue {
  project: string;
  /** The record's file and line or row. */
  at: string;
  kind: IssueKind;
  detail: string;
}

export interface CompileContext {
  programme: Programme;
  gazetteer: Gazetteer;
  /** Keys of the programme's objectives ("2014-2020:1.1", "2007-2013:PA2"). */
  objectives: Set<string>;
  /** Largest plausible amount in euros (the largest programme budget): above it an amount is a typing error. */
  amountCeiling: number;
  /** The municipality whose polygon contains the point, or null; without it the gazetteer's municipality is not checked. */
  municipalityAt?(lon: number, lat: number, country: CountryCode, gazetteerMunicipality: string): string | null;
}

/** Compiles records; a repeated or look-alike id leaves the later record out (strict: fails). */
export function compileProjects(
  records: readonly Located<RawRecord>[],
  ctx: CompileContext,
  { strict = false, onProject }: { strict?: boolean; /** Told after each project, for a progress indicator. */ onProject?: (done: number, total: number) => void } = {},
): { projects: Project[]; issues: Issue[]; problems: Problem[] } {
  const distinct = distinctRecords(records, ctx.programme);
  const rules = themeRules(ctx.programme);
  if (strict && distinct.problems.some((p) => p.outcome === 'rejected')) throw DataError.of(distinct.problems.find((p) => p.outcome === 'rejected')!);
  const issues: Issue[] = [];
  const projects = distinct.records.map((r, i, all) => {
    const project = compileProject(r.value, distinct.ids[i], ctx, rules, (kind, detail) => issues.push({ project: distinct.ids[i], at: formatWhere(r.at), kind, detail }));
    onProject?.(i + 1, all.length);
    return project;
  });
  return { projects, issues, problems: distinct.problems };
}

const placeOf = (s: Settlement) => ({ settlementId: s.id, names: s.names, country: s.country, municipalityId: s.municipalityId, lon: s.lon, lat: s.lat });

/** An amount as written; unreadable, overflowing or implausibly large values stay unknown, with a report line. */
function amountOrNull(raw: string | null, what: string, ceiling: number, report: (k: IssueKind, d: string) => void): Amount | null {
  if (raw === null || !raw.trim()) return null;
  const amount = parseAmount(raw);
  if (amount.value === null) report('amount', `${what} ${quote(raw)} cannot be read unambiguously: shown as unknown`);
  else if (!Number.isFinite(amount.value) || amount.value > ceiling) {
    report('amount', `${what} ${quote(raw)} is more than the largest programme budget (${reportNumber(ceiling)} EUR): shown as unknown`);
    return { ...amount, value: null };
  }
  return amount;
}

/** A part (EU amount, a partner's budget) larger than the project's total is unknown: one of them is wrong. */
function notAboveTotal(part: Amount | null, total: Amount | null, what: string, report: (k: IssueKind, d: string) => void): Amount | null {
  if (part?.value == null || total?.value == null || part.value <= total.value * 1.0001) return part;
  report('amount', `${what} ${quote(part.raw)} is more than the project's total ${quote(total.raw)}: shown as unknown`);
  return { ...part, value: null };
}

export function compileProject(r: RawRecord, id: string, ctx: CompileContext, rules: ThemeRules, report: (kind: IssueKind, detail: string) => void): Project {
  const title = titlesOf(r, ctx.programme);
  const titles = Object.values(title).filter((t): t is string => !!t);
  const theme = assignTheme(r.period, r.priority_axis, r.specific_objective, titles, r.summary, rules);
  const nameOf = (names: Names) => nameIn(names, ctx.programme.scripts[0], ctx.programme.scripts);
  const amount = (raw: string | null | undefined, what: string) => amountOrNull(raw ?? null, what, ctx.amountCeiling, report);
  const total = amount(r.total_eur, 'total');
  const euRate = r.eu_cofinancing_rate ? parseRate(r.eu_cofinancing_rate) : null;
  if (r.eu_cofinancing_rate && euRate === null) report('amount', `co-financing rate ${quote(r.eu_cofinancing_rate)} cannot be read`);
  let eu = notAboveTotal(amount(r.eu_eur, 'EU amount'), total, 'EU amount', report);
  if (!eu && total?.value != null && euRate !== null) eu = deriveShare(total, euRate);

  const locations: Location[] = [];
  const addLocation = (s: Settlement, method: Location['method'], extra: Partial<Location>): number => {
    const existing = locations.findIndex((l) => l.settlementId === s.id);
    if (existing >= 0) return existing;
    if (method === 'district') return locations.push({ ...placeOf(s), method, partners: [], ...extra }) - 1;
    // null is an answer (no polygon holds the point); no lookup at all means nothing to check.
    const inPolygon = ctx.municipalityAt ? ctx.municipalityAt(s.lon, s.lat, s.country, s.municipalityId) : s.municipalityId;
    if (inPolygon !== s.municipalityId) {
      const where = inPolygon ? `lies in ${inPolygon}` : 'lies in no municipality polygon';
      report('polygon', `${nameOf(s.names)}: the gazetteer puts it in ${s.municipalityId}, its point ${where}; kept the gazetteer's municipality`);
    }
    const municipality = ctx.gazetteer.municipality(s.municipalityId);
    if (municipality && !municipality.inArea) {
      report('outside-area', `${nameOf(s.names)} (${nameOf(municipality.names)}, ${s.country}) is outside the programme area: placed there all the same`);
    }
    return locations.push({ ...placeOf(s), method, partners: [], ...extra }) - 1;
  };

  const partners: Partner[] = (r.partners ?? []).map((p, index) => {
    const placed = ctx.gazetteer.placePartner(p.country, p.town?.trim() || null, p.municipality?.trim() || null, p.district?.trim() || null);
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
      budget: notAboveTotal(amount(p.budget_eur, `budget of ${p.name}`), total, `budget of ${p.name}`, report),
      location,
    };
  });

  // Sites are looked for in the partners' own municipalities and districts, not around a district's centre.
  const partnerMunicipalities = new Set(locations.filter((l) => l.method !== 'district').map((l) => l.municipalityId));
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
    title,
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
