/** Figures for the status line, from any selection of projects. */
import type { Project } from './types';

export interface Summary {
  projects: number;
  onMap: number;
  /** Sum of the known total budgets (approximate ones included). */
  budget: number;
  budgetKnown: number;
}

export function summarize(projects: readonly Project[]): Summary {
  let onMap = 0;
  let budget = 0;
  let budgetKnown = 0;
  for (const p of projects) {
    if (p.locations.length) onMap++;
    if (p.total?.value != null) {
      budget += p.total.value;
      budgetKnown++;
    }
  }
  return { projects: projects.length, onMap, budget, budgetKnown };
}
