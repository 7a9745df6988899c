/**
 * Projects back to the records of a list of operations: what the atlas shows, written so that the
 * importer reads it into the same projects, partners, amounts and places. Each partner is written
 * with its place's municipality (or, placed by district alone, its district), so that a town found
 * once is found again. Amounts read exactly become plain numbers; approximate or unreadable ones stay
 * as the source wrote them; amounts the atlas derived (EU share from a rate) are left out. Pure.
 */
import type { Amount } from '../core/amount';
import { nameIn, type Programme } from '../core/programme';
import { titleField, type RawPartner, type RawRecord } from '../core/records';
import type { MunicipalityRecord, Project } from '../core/types';

/** Exact euros as a plain number; anything else as written; derived amounts not at all. */
const amountText = (a: Amount | null): string | null => (!a || a.derived ? null : a.value !== null && !a.approximate ? String(a.value) : a.raw);

/** 0.85 → "85 %": a rate as the records write it. */
const rateText = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1e6) / 1e4} %`);

export function projectRecord(p: Project, municipalities: ReadonlyMap<string, MunicipalityRecord>, programme: Programme): RawRecord {
  const name = (names: MunicipalityRecord['names']) => nameIn(names, programme.scripts[0], programme.scripts);
  const partners: RawPartner[] = p.partners.map((q) => {
    const place = q.location === null ? null : p.locations[q.location];
    const byDistrict = place?.method === 'district';
    const municipality = place && !byDistrict ? municipalities.get(place.municipalityId) : undefined;
    return {
      name: q.name,
      role: q.role,
      country: q.country,
      town: q.town,
      municipality: municipality ? name(municipality.names) : null,
      district: byDistrict ? name(place.names) : null,
      budget_eur: amountText(q.budget),
    };
  });
  return {
    period: p.period,
    code: p.code,
    atlas_id: p.code ? null : p.id,
    acronym: p.acronym,
    ...Object.fromEntries(programme.titleLanguages.map((l) => [titleField(l), p.title[l] ?? null])),
    call: p.call,
    priority_axis: p.priorityAxis,
    specific_objective: p.specificObjective,
    type: p.type,
    duration_months: p.durationMonths,
    total_eur: amountText(p.total),
    eu_cofinancing_rate: rateText(p.euRate),
    eu_eur: amountText(p.eu),
    start_date: p.startDate,
    end_date: p.endDate,
    intervention_field: p.interventionField,
    summary: p.summary,
    partners,
    sites: p.sites.length ? p.sites : null,
    links: p.links.length ? p.links : null,
    sources: p.sources,
    notes: p.notes || null,
  };
}
