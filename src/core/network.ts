/**
 * Who works with whom across borders: pairs of municipalities in different countries that share
 * projects through their located partners, for any number of countries. A project counts once per
 * pair, however many of its partners sit in the two municipalities. Pure.
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { MunicipalityRecord, Project } from './types';

export interface Pair {
  /** The municipality of the country whose code sorts first. */
  a: string;
  /** The municipality across the border. */
  b: string;
  projects: number;
  /** Sum of the known totals of the shared projects (each counted whole). */
  budget: number;
}

/** Where a project's located partners are: a municipality and its country. */
export interface PairEnd {
  municipality: string;
  country: string;
}

/** A project's ends: the municipalities of its located partners, each once (the first partner there gives its country). */
export function pairEnds(p: Project): PairEnd[] {
  const ends = new Map<string, PairEnd>();
  for (const q of p.partners) {
    if (q.location === null) continue;
    const { municipalityId, country } = p.locations[q.location];
    if (!ends.has(municipalityId)) ends.set(municipalityId, { municipality: municipalityId, country });
  }
  return [...ends.values()];
}

/** Whether `x` is a pair's first end: by country code, then municipality id. */
export const endsBefore = (x: PairEnd, y: PairEnd): boolean => x.country < y.country || (x.country === y.country && x.municipality < y.municipality);
/** The ends of a cross-border pair in a stable order. */
const ordered = (x: PairEnd, y: PairEnd): [PairEnd, PairEnd] => (endsBefore(x, y) ? [x, y] : [y, x]);

/** Pairs strongest first: more projects, then more budget, then by their ends' ids. */
export const strongestFirst = (pairs: Pair[]): Pair[] => pairs.sort((x, y) => y.projects - x.projects || y.budget - x.budget || `${x.a}${x.b}`.localeCompare(`${y.a}${y.b}`));

/** The pairs of projects given as their ends and totals (null: unknown), strongest first: the rule, whoever holds the projects. */
export function pairsOf(projects: Iterable<{ ends: readonly PairEnd[]; total: number | null }>): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const { ends, total } of projects) {
    const keys = new Set<string>();
    for (let i = 0; i < ends.length; i++) {
      for (let j = i + 1; j < ends.length; j++) {
        if (ends[i].country === ends[j].country) continue;
        const [x, y] = ordered(ends[i], ends[j]);
        const key = `${x.municipality}|${y.municipality}`;
        if (keys.has(key)) continue;
        keys.add(key);
        const pair = pairs.get(key) ?? { a: x.municipality, b: y.municipality, projects: 0, budget: 0 };
        pair.projects++;
        pair.budget += total ?? 0;
        pairs.set(key, pair);
      }
    }
  }
  return strongestFirst([...pairs.values()]);
}

export const cooperationPairs = (projects: readonly Project[]): Pair[] => pairsOf(projects.map((p) => ({ ends: pairEnds(p), total: p.total?.value ?? null })));

/** Whether a pair has the municipality at one end. */
export const involves = (pair: Pair, municipalityId: string): boolean => pair.a === municipalityId || pair.b === municipalityId;

/** The municipalities across the border from one municipality, strongest first. */
export function partnersOf(pairs: readonly Pair[], municipalityId: string): { municipalityId: string; projects: number; budget: number }[] {
  return pairs
    .filter((p) => involves(p, municipalityId))
    .map((p) => ({ municipalityId: p.a === municipalityId ? p.b : p.a, projects: p.projects, budget: p.budget }));
}

/** The pairs as lines between the seats of the two municipalities (GeoJSON), for drawing the network. */
export function pairLines(pairs: readonly Pair[], municipalities: ReadonlyMap<string, MunicipalityRecord>): FeatureCollection<LineString, { projects: number; a: string; b: string }> {
  const features = pairs.flatMap((p) => {
    const [a, b] = [municipalities.get(p.a)?.seat, municipalities.get(p.b)?.seat];
    return a && b ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [a, b] }, properties: { projects: p.projects, a: p.a, b: p.b } }] : [];
  });
  return { type: 'FeatureCollection', features };
}
