/**
 * The filter model: one state that the map, charts, list and status line all read. Pure.
 * Within a facet the chosen options are alternatives (OR); facets combine with AND.
 */
import { municipalPlaces } from './attribution';
import { matchKey } from './text';
import { inYear, projectYears, type ProjectYears, type YearFilter } from './years';
import type { ThemeId } from './themes';
import type { CountryCode, MunicipalityRecord, Period, Project } from './types';

export type PeriodKey = Period | 'unknown';
export type TypeKey = 'investment' | 'soft' | 'unknown';

export interface Filters {
  themes: ThemeId[];
  /** Objective keys, "2014-2020:1.1" (see Objective). */
  objectives: string[];
  periods: PeriodKey[];
  types: TypeKey[];
  countries: CountryCode[];
  districts: string[];
  municipalities: string[];
  /** Total budget range in euros; projects with an unknown budget do not match an active range. */
  budget: { min: number | null; max: number | null } | null;
  /** Free text: titles, acronym, code, partner names and places, any script, any case. */
  q: string;
  /**
   * A point in time: the projects started by the end of `year` (how the cooperation grew), or those
   * running in it. A project without a start date counts from its period's first year; with neither,
   * it matches no year.
   */
  year: YearFilter | null;
}

export const NO_FILTERS: Filters = {
  themes: [], objectives: [], periods: [], types: [], countries: [], districts: [], municipalities: [], budget: null, q: '', year: null,
};

export type Facet = 'themes' | 'objectives' | 'periods' | 'types' | 'countries' | 'districts' | 'municipalities';
export const FACETS: Facet[] = ['periods', 'themes', 'objectives', 'types', 'countries', 'districts', 'municipalities'];

/** What a project offers to each facet (computed once per dataset), and its search text (once it is searched). */
export interface ProjectKeys {
  project: Project;
  values: Record<Facet, string[]>;
  /** The municipality of each location (undefined: not in the records). */
  places: (MunicipalityRecord | undefined)[];
  /** The years it ran, from its dates or, without a start date, its period (`byPeriod`); null: unknown. */
  years: ProjectYears | null;
  search?: string;
}

export function indexProjects(projects: readonly Project[], municipalities: ReadonlyMap<string, MunicipalityRecord>): ProjectKeys[] {
  return projects.map((project) => {
    const places = project.locations.map((l) => municipalities.get(l.municipalityId));
    const countries = new Set<string>([...project.locations.map((l) => l.country), ...project.partners.map((p) => p.country).filter((c): c is CountryCode => !!c)]);
    return {
      project,
      places,
      years: projectYears(project),
      values: {
        themes: [project.theme],
        objectives: project.objective ? [project.objective] : [],
        periods: [project.period ?? 'unknown'],
        types: [project.type ?? 'unknown'],
        countries: [...countries],
        districts: [...new Set(places.map((m) => m?.districtId).filter((d): d is string => !!d))],
        municipalities: [...new Set(municipalPlaces(project).map((l) => l.municipalityId))],
      },
    };
  });
}

/**
 * Titles, acronym, code, partners, places and municipalities, as match keys: made on the first
 * search and kept (a large dataset's build indexes their words: engine/search.ts).
 */
export function searchText(keys: ProjectKeys): string {
  if (keys.search !== undefined) return keys.search;
  const { project, places } = keys;
  const parts = [
    ...Object.values(project.title), project.acronym, project.code,
    ...project.partners.flatMap((p) => [p.name, p.town]),
    ...project.locations.flatMap((l) => Object.values(l.names)),
    ...places.flatMap((m) => (m ? Object.values(m.names) : [])),
  ];
  return (keys.search = ` ${parts.filter(Boolean).map((t) => matchKey(t!)).join(' | ')}`);
}

/** The search's words as match keys, once per filter state (not once per project and pass); none: no search. */
export const searchWords = (q: string): string[] => matchKey(q).split(' ').filter(Boolean);

/** Every word of the query must start a word of the project's text ("pir" finds Pirot). */
function matchesSearch(keys: ProjectKeys, words: readonly string[]): boolean {
  if (!words.length) return true;
  const text = searchText(keys);
  return words.every((w) => text.includes(` ${w}`));
}

/** Skip every facet: only the budget range and the search apply. */
const FACET_ONLY = 'facets';

/** A filter that `applyFilters` can leave out: a facet, the budget range or the year. */
export type Skippable = Facet | 'budget' | 'year';

function matchesExcept(keys: ProjectKeys, f: Filters, words: readonly string[], skip: Skippable | typeof FACET_ONLY | null): boolean {
  for (const facet of FACETS) {
    if (facet === skip || skip === FACET_ONLY) continue;
    const chosen = f[facet] as string[];
    if (chosen.length && !keys.values[facet].some((v) => chosen.includes(v))) return false;
  }
  if (skip !== 'budget' && f.budget) {
    const total = keys.project.total?.value;
    if (total == null) return false;
    if (f.budget.min !== null && total < f.budget.min) return false;
    if (f.budget.max !== null && total > f.budget.max) return false;
  }
  if (skip !== 'year' && f.year && !inYear(keys.years, f.year)) return false;
  return matchesSearch(keys, words);
}

export function applyFilters(index: readonly ProjectKeys[], f: Filters, skip: Skippable | null = null): Project[] {
  const words = searchWords(f.q);
  return index.filter((k) => matchesExcept(k, f, words, skip)).map((k) => k.project);
}

/** For each option of a facet: how many projects would match with the other active filters. */
export function facetCounts(index: readonly ProjectKeys[], f: Filters, facet: Facet): Map<string, number> {
  return allFacetCounts(index, f)[facet];
}

/**
 * facetCounts for every facet in one pass: a project counts towards a facet's options when it
 * passes every other filter, i.e. when it fails at most that facet.
 */
export function allFacetCounts(index: readonly ProjectKeys[], f: Filters): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  const active = FACETS.filter((facet) => (f[facet] as string[]).length > 0);
  const words = searchWords(f.q);
  const add = (keys: ProjectKeys, facet: Facet) => {
    for (const v of keys.values[facet]) counts[facet].set(v, (counts[facet].get(v) ?? 0) + 1);
  };
  for (const keys of index) {
    if (!matchesExcept(keys, f, words, FACET_ONLY)) continue; // budget or search fails: counts nowhere
    let failed: Facet | null = null;
    let failures = 0;
    for (const facet of active) {
      if (keys.values[facet].some((v) => (f[facet] as string[]).includes(v))) continue;
      failed = facet;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    if (failed) add(keys, failed);
    else for (const facet of FACETS) add(keys, facet);
  }
  return counts;
}


/** Adds the option if absent, removes it if present. */
export function toggle(f: Filters, facet: Facet, value: string): Filters {
  const current = f[facet] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...f, [facet]: next };
}
