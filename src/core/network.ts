/**
 * Who works with whom across borders: pairs of municipalities in different countries that share
 * projects through their located partners, for any number of countries. A project counts once per
 * pair, however many of its partners sit in the two municipalities. Pure.
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { Location, MunicipalityRecord, Project } from './types';

export interface Pair {
  /** The municipality of the country whose code sorts first. */
  a: string;
  /** The municipality across the border. */
  b: string;
  projects: number;
  /** Sum of the known totals of the shared projects (each counted whole). */
  budget: number;
  projectIds: string[];
}

/** The ends of a cross-border pair in a stable order: by country code, then municipality id. */
const ordered = (x: Location, y: Location): [Location, Location] =>
  x.country < y.country || (x.country === y.country && x.municipalityId < y.municipalityId) ? [x, y] : [y, x];

export function cooperationPairs(projects: readonly Project[]): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const p of projects) {
    const places = new Map<string, Location>();
    for (const q of p.partners) if (q.location !== null) places.set(p.locations[q.location].municipalityId, p.locations[q.location]);
    const list = [...places.values()];
    const keys = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].country === list[j].country) continue;
        const [x, y] = ordered(list[i], list[j]);
        const key = `${x.municipalityId}|${y.municipalityId}`;
        if (keys.has(key)) continue;
        keys.add(key);
        const pair = pairs.get(key) ?? { a: x.municipalityId, b: y.municipalityId, projects: 0, budget: 0, projectIds: [] };
        pair.projects++;
        pair.budget += p.total?.value ?? 0;
        pair.projectIds.push(p.id);
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => y.projects - x.projects || y.budget - x.budget || `${x.a}${x.b}`.localeCompare(`${y.a}${y.b}`));
}

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
