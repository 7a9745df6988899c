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

/** Shares of a project's budget per municipality, summing to 1 (empty: nowhere to put it). */
export function shares(p: Project): Map<string, number> {
  const located = p.partners.filter((q) => q.location !== null && p.locations[q.location].method !== 'district');
  const places = municipalPlaces(p);
  const result = new Map<string, number>();
  const add = (id: string, w: number) => result.set(id, (result.get(id) ?? 0) + w);
  if (located.length) {
    const budgets = located.map((q) => q.budget?.value ?? null);
    const sum = budgets.every((b) => b !== null && b > 0) ? (budgets as number[]).reduce((a, b) => a + b, 0) : 0;
    located.forEach((q, i) => add(p.locations[q.location!].municipalityId, sum > 0 ? budgets[i]! / sum : 1 / located.length));
  } else if (places.length) {
    for (const l of places) add(l.municipalityId, 1 / places.length);
  }
  return result;
}

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
