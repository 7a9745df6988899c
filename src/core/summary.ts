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

export function summarize(projects: readonly Project[]): Summary {
  let onMap = 0;
  let budget = 0;
  let budgetKnown = 0;
  const partners = new Set<string>();
  const municipalities = new Set<string>();
  for (const p of projects) {
    for (const q of p.partners) partners.add(q.name.toLowerCase());
    for (const l of p.locations) municipalities.add(l.municipalityId);
    if (p.locations.length) onMap++;
    if (p.total?.value != null) {
      budget += p.total.value;
      budgetKnown++;
    }
  }
  return { projects: projects.length, onMap, budget, budgetKnown, partners: partners.size, municipalities: municipalities.size };
}
