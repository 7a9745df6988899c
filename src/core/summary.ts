/** Figures for the status line and the year control's counters, from any selection of projects. */
import type { Project } from './types';

export interface Summary {
  projects: number;
  onMap: number;
  /** Sum of the known total budgets (approximate ones included). */
  budget: number;
  budgetKnown: number;
  /** Partner organisations, counted once however often they take part (names compared ignoring case). */
  partners: number;
  /** Municipalities with a partner or a site. */
  municipalities: number;
}

// Distinct partners and places are counted as small integers, each project's made once: a count
// over 100,000 projects is then a pass over integers, not 200,000 strings hashed again.
const ids = new Map<string, number>();
const intern = (key: string) => ids.get(key) ?? (ids.set(key, ids.size), ids.size - 1);
const keysOf = new WeakMap<Project, { partners: Int32Array; places: Int32Array }>();
function keys(p: Project) {
  let k = keysOf.get(p);
  if (!k) keysOf.set(p, (k = { partners: Int32Array.from(p.partners, (q) => intern(`p:${q.name.toLowerCase()}`)), places: Int32Array.from(p.locations, (l) => intern(`m:${l.municipalityId}`)) }));
  return k;
}
/** The count an id was last seen in: distinct ids per count without clearing a set. */
let seen = new Uint32Array(1024);
let count = 0;

export function summarize(projects: readonly Project[]): Summary {
  let onMap = 0;
  let budget = 0;
  let budgetKnown = 0;
  let partners = 0;
  let municipalities = 0;
  count++;
  for (const p of projects) {
    const k = keys(p);
    if (ids.size > seen.length) {
      const grown = new Uint32Array(ids.size * 2);
      grown.set(seen);
      seen = grown;
    }
    for (const id of k.partners) if (seen[id] !== count) (seen[id] = count), partners++;
    for (const id of k.places) if (seen[id] !== count) (seen[id] = count), municipalities++;
    if (p.locations.length) onMap++;
    if (p.total?.value != null) {
      budget += p.total.value;
      budgetKnown++;
    }
  }
  return { projects: projects.length, onMap, budget, budgetKnown, partners, municipalities };
}
