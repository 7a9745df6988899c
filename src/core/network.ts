/**
 * Who works with whom across the border: municipality pairs (one on each side) that share
 * projects through their located partners. A project counts once per pair, however many of its
 * partners sit in the two municipalities. Pure.
 */
import type { Project } from './types';

export interface Pair {
  /** The Bulgarian municipality. */
  bg: string;
  /** The Serbian municipality. */
  rs: string;
  projects: number;
  /** Sum of the known totals of the shared projects (each counted whole). */
  budget: number;
  projectIds: string[];
}

export function cooperationPairs(projects: readonly Project[]): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const p of projects) {
    const partnerPlaces = p.partners.filter((q) => q.location !== null).map((q) => p.locations[q.location!]);
    const bg = new Set(partnerPlaces.filter((l) => l.country === 'BG').map((l) => l.municipalityId));
    const rs = new Set(partnerPlaces.filter((l) => l.country === 'RS').map((l) => l.municipalityId));
    for (const a of bg) {
      for (const b of rs) {
        const key = `${a}|${b}`;
        const pair = pairs.get(key) ?? { bg: a, rs: b, projects: 0, budget: 0, projectIds: [] };
        pair.projects++;
        pair.budget += p.total?.value ?? 0;
        pair.projectIds.push(p.id);
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => y.projects - x.projects || y.budget - x.budget || `${x.bg}${x.rs}`.localeCompare(`${y.bg}${y.rs}`));
}

/** The other side's municipalities of one municipality, strongest first. */
export function partnersOf(pairs: readonly Pair[], municipalityId: string): { municipalityId: string; projects: number; budget: number }[] {
  return pairs
    .filter((p) => p.bg === municipalityId || p.rs === municipalityId)
    .map((p) => ({ municipalityId: p.bg === municipalityId ? p.rs : p.bg, projects: p.projects, budget: p.budget }));
}
