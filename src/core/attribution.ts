/**
 * How project budgets are attributed to municipalities. The rule, in one place:
 *  1. A project's total goes to the municipalities of its located partners: as shares proportional
 *     to the partners' own budgets when the source gives a budget for every located partner,
 *     otherwise in equal shares per located partner.
 *  2. A project with no located partner but located sites splits it equally among those sites.
 *  3. A project with a known total and no location at all is "unattributed".
 * A place known only as a district's centre names no municipality: it takes no share and is not counted
 * in any municipality (its partner counts as not located).
 * The EU amount, where known, is split with the same shares. Unknown totals are never guessed:
 * they are counted (per municipality and overall), not summed. Amounts are in euros.
 */
import type { Project } from './types';

export interface MunicipalityBudget {
  municipalityId: string;
  /** Attributed total budget, euros. */
  total: number;
  /** Attributed EU amount, from projects whose EU amount is known. */
  eu: number;
  /** Projects with a partner or site here. */
  projects: number;
  /** Of those, projects whose total budget is unknown. */
  unknownBudget: number;
}

export interface Attribution {
  municipalities: MunicipalityBudget[];
  /** Known totals that could not be placed anywhere. */
  unattributed: { total: number; eu: number; projects: number };
  /** Projects whose total is unknown, over the whole selection. */
  unknownBudget: number;
  /** Sum of all known totals (= municipalities + unattributed). */
  knownTotal: number;
}

/** The project's places that name a municipality (not a district's centre). */
export const municipalPlaces = (p: Project) => p.locations.filter((l) => l.method !== 'district');

/** What a project's budget is split by: a municipality with the part's own budget (null: unknown or none). */
export interface SharePart<M> {
  municipality: M;
  budget: number | null;
}

/** The parts of a project's budget: its located partners with their budgets (rule 1), else its located sites with none (rule 2). */
export function shareParts(p: Project): SharePart<string>[] {
  const located = p.partners.filter((q) => q.location !== null && p.locations[q.location].method !== 'district');
  if (located.length) return located.map((q) => ({ municipality: p.locations[q.location!].municipalityId, budget: q.budget?.value ?? null }));
  return municipalPlaces(p).map((l) => ({ municipality: l.municipalityId, budget: null }));
}

/**
 * Shares per municipality of parts, summing to 1 (empty: nowhere to put it): proportional to the
 * parts' budgets when every one is known and positive, else equal; whatever names the municipalities.
 */
export function splitShares<M>(parts: readonly SharePart<M>[]): Map<M, number> {
  const result = new Map<M, number>();
  const sum = parts.every((q) => q.budget !== null && q.budget > 0) ? parts.reduce((a, q) => a + q.budget!, 0) : 0;
  for (const q of parts) result.set(q.municipality, (result.get(q.municipality) ?? 0) + (sum > 0 ? q.budget! / sum : 1 / parts.length));
  return result;
}

/** Shares of a project's budget per municipality, summing to 1 (empty: nowhere to put it). */
export const shares = (p: Project): Map<string, number> => splitShares(shareParts(p));

/** The part of one project's total and EU amount attributed to a municipality (0 where it has no share). */
export function attributedTo(p: Project, municipalityId: string): { total: number; eu: number } {
  const w = shares(p).get(municipalityId) ?? 0;
  return { total: (p.total?.value ?? 0) * w, eu: (p.eu?.value ?? 0) * w };
}

export function attribute(projects: readonly Project[]): Attribution {
  const byId = new Map<string, MunicipalityBudget>();
  const row = (id: string) => {
    let r = byId.get(id);
    if (!r) byId.set(id, (r = { municipalityId: id, total: 0, eu: 0, projects: 0, unknownBudget: 0 }));
    return r;
  };
  const unattributed = { total: 0, eu: 0, projects: 0 };
  let unknownBudget = 0;
  let knownTotal = 0;
  for (const p of projects) {
    const total = p.total?.value ?? null;
    const eu = p.eu?.value ?? null;
    for (const id of new Set(municipalPlaces(p).map((l) => l.municipalityId))) {
      const r = row(id);
      r.projects++;
      if (total === null) r.unknownBudget++;
    }
    if (total === null) {
      unknownBudget++;
      continue;
    }
    knownTotal += total;
    const s = shares(p);
    if (!s.size) {
      unattributed.total += total;
      unattributed.eu += eu ?? 0;
      unattributed.projects++;
      continue;
    }
    for (const [id, w] of s) {
      const r = row(id);
      r.total += total * w;
      r.eu += (eu ?? 0) * w;
    }
  }
  const municipalities = [...byId.values()].sort((a, b) => b.total - a.total || b.projects - a.projects || a.municipalityId.localeCompare(b.municipalityId));
  return { municipalities, unattributed, unknownBudget, knownTotal };
}
