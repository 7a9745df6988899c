/**
 * The filter kernel: passes over a dataset's columns (./columns) that give what core's
 * applyFilters, allFacetCounts, summarize, themeRows, yearColumns, budgetBins, attribute and
 * yearSpan give over projects, to the bit — test/unit/kernel.test.ts holds the core as its oracle.
 *
 * One pass marks, per project, every filter it fails (a bit each); the aggregates then read the
 * projects whose failures are all "allowed": none for the selection, its own facet for a facet's
 * counts, the budget range for the budget chart, the year for the year control's span. Pure, typed
 * arrays only: it runs in the data worker as well as in the tests.
 */
import { BUDGET_EDGES, UNKNOWN_YEAR, type BudgetBin, type ThemeRow, type YearColumn } from '../core/aggregate';
import type { Attribution, MunicipalityBudget } from '../core/attribution';
import { FACETS, type Facet, type Filters, type Skippable } from '../core/filters';
import { endsBefore, strongestFirst, type Pair } from '../core/network';
import type { Summary } from '../core/summary';
import { ALL_THEMES, type ThemeId } from '../core/themes';
import type { YearFilter, YearSpan } from '../core/years';
import type { Columns, Lists } from './columns';

/** The bit of each facet (in FACETS' order), then of the budget range, the year and the search. */
export const FACET_BIT = Object.fromEntries(FACETS.map((f, k) => [f, 1 << k])) as Record<Facet, number>;
export const BUDGET_BIT = 1 << FACETS.length;
export const YEAR_BIT = BUDGET_BIT << 1;
const SEARCH_BIT = YEAR_BIT << 1;
const ALL_FACET_BITS = BUDGET_BIT - 1;

/** The bit of a filter that `applyFilters` can leave out (none: 0). */
export const skipBit = (skip: Skippable | undefined) => (skip === undefined ? 0 : skip === 'budget' ? BUDGET_BIT : skip === 'year' ? YEAR_BIT : FACET_BIT[skip]);

/** Filters as the kernel reads them: the chosen options of each facet as a set of codes. */
export interface Query {
  /** Per facet in FACETS' order: 1 for each chosen code; null when nothing is chosen. */
  chosen: (Uint8Array | null)[];
  budget: Filters['budget'];
  year: YearFilter | null;
  /** 1 for each project the search text matches; null: no search. */
  matches: Uint8Array | null;
}

/** A chosen option the dataset does not have codes nothing, so it matches nothing (as in core). */
export function queryOf(columns: Columns, filters: Filters, matches: Uint8Array | null): Query {
  const chosen = FACETS.map((facet) => {
    const wanted = filters[facet] as string[];
    if (!wanted.length) return null;
    const dictionary = columns.dictionaries[facet];
    const set = new Uint8Array(dictionary.length);
    dictionary.forEach((value, code) => {
      if (wanted.includes(value)) set[code] = 1;
    });
    return set;
  });
  return { chosen, budget: filters.budget, year: filters.year, matches };
}

/** Per project, the bits of the filters it fails (0: it is selected). */
export function failures(columns: Columns, query: Query): Uint16Array {
  const n = columns.ids.length;
  const fails = new Uint16Array(n);
  FACETS.forEach((facet, k) => {
    const chosen = query.chosen[k];
    if (!chosen) return;
    const { offsets, values } = columns.facets[facet];
    const bit = FACET_BIT[facet];
    for (let i = 0; i < n; i++) {
      let hit = false;
      for (let j = offsets[i]; j < offsets[i + 1] && !hit; j++) hit = chosen[values[j]] === 1;
      if (!hit) fails[i] |= bit;
    }
  });
  if (query.budget) {
    const { min, max } = query.budget;
    const { total } = columns;
    // NaN (unknown) fails both comparisons' negation: an unknown budget never matches a range.
    for (let i = 0; i < n; i++) if (!(total[i] >= (min ?? -Infinity) && total[i] <= (max ?? Infinity))) fails[i] |= BUDGET_BIT;
  }
  if (query.year) {
    const { year, mode } = query.year;
    const { yearStart, yearEnd } = columns;
    for (let i = 0; i < n; i++) {
      const start = yearStart[i];
      if (start === 0 || start > year || (mode === 'running' && yearEnd[i] < year)) fails[i] |= YEAR_BIT;
    }
  }
  if (query.matches) for (let i = 0; i < n; i++) if (!query.matches[i]) fails[i] |= SEARCH_BIT;
  return fails;
}

/** Projects that fail nothing but what `allowed` names (0: the selection). */
export function selected(fails: Uint16Array, allowed = 0): Uint8Array {
  const out = new Uint8Array(fails.length);
  for (let i = 0; i < fails.length; i++) out[i] = (fails[i] & ~allowed) === 0 ? 1 : 0;
  return out;
}

const forEachIn = (set: Uint8Array, visit: (i: number) => void) => {
  for (let i = 0; i < set.length; i++) if (set[i]) visit(i);
};

/**
 * Each facet's counts: a project counts towards a facet's options when it fails at most that facet
 * (and passes the budget range, the year and the search).
 */
export function facetCounts(columns: Columns, fails: Uint16Array): Record<Facet, Map<string, number>> {
  const counts = FACETS.map((f) => new Uint32Array(columns.dictionaries[f].length));
  const lists = FACETS.map((f) => columns.facets[f]);
  const add = (k: number, i: number) => {
    const { offsets, values } = lists[k];
    for (let j = offsets[i]; j < offsets[i + 1]; j++) counts[k][values[j]]++;
  };
  for (let i = 0; i < fails.length; i++) {
    const f = fails[i];
    if (f & ~ALL_FACET_BITS) continue;
    if (f === 0) for (let k = 0; k < FACETS.length; k++) add(k, i);
    else if ((f & (f - 1)) === 0) add(31 - Math.clz32(f), i);
  }
  return Object.fromEntries(
    FACETS.map((facet, k) => [facet, new Map([...counts[k]].flatMap((c, code) => (c ? [[columns.dictionaries[facet][code], c] as const] : [])))]),
  ) as Record<Facet, Map<string, number>>;
}

/** How many distinct codes the lists of a set of projects hold. */
function distinct(lists: Lists, set: Uint8Array): number {
  let max = 0;
  for (const v of lists.values) if (v > max) max = v;
  const seen = new Uint8Array(max + 1);
  let count = 0;
  forEachIn(set, (i) => {
    for (let j = lists.offsets[i]; j < lists.offsets[i + 1]; j++) if (!seen[lists.values[j]]) (seen[lists.values[j]] = 1), count++;
  });
  return count;
}

export function summaryOf(columns: Columns, set: Uint8Array): Summary {
  let projects = 0;
  let onMap = 0;
  let budget = 0;
  let budgetKnown = 0;
  const { offsets } = columns.places;
  forEachIn(set, (i) => {
    projects++;
    if (offsets[i + 1] > offsets[i]) onMap++;
    if (!Number.isNaN(columns.total[i])) {
      budget += columns.total[i];
      budgetKnown++;
    }
  });
  return { projects, onMap, budget, budgetKnown, partners: distinct(columns.partners, set), municipalities: distinct(columns.places, set) };
}

/** The theme of each project, as an index into ALL_THEMES (-1: not one of them). */
function themeOrder(columns: Columns): (i: number) => number {
  const order = columns.dictionaries.themes.map((t) => ALL_THEMES.indexOf(t as ThemeId));
  const { offsets, values } = columns.facets.themes;
  return (i) => (offsets[i + 1] > offsets[i] ? order[values[offsets[i]]] : -1);
}

export function themeRowsOf(columns: Columns, set: Uint8Array): ThemeRow[] {
  const rows = ALL_THEMES.map((theme) => ({ theme, projects: 0, budget: 0, unknownBudget: 0 }));
  const themeOf = themeOrder(columns);
  forEachIn(set, (i) => {
    const row = rows[themeOf(i)];
    if (!row) return;
    row.projects++;
    if (Number.isNaN(columns.total[i])) row.unknownBudget++;
    else row.budget += columns.total[i];
  });
  return rows.filter((r) => r.projects > 0);
}

export function yearColumnsOf(columns: Columns, set: Uint8Array): YearColumn[] {
  const byYear = new Map<number, YearColumn>();
  const { offsets, values } = columns.facets.themes;
  let first = Infinity;
  let last = -Infinity;
  forEachIn(set, (i) => {
    const y = columns.startDateYear[i];
    if (y) [first, last] = [Math.min(first, y), Math.max(last, y)];
    let column = byYear.get(y);
    if (!column) byYear.set(y, (column = { year: y ? String(y) : UNKNOWN_YEAR, byTheme: new Map(), total: 0 }));
    const theme = columns.dictionaries.themes[values[offsets[i]]] as ThemeId;
    column.byTheme.set(theme, (column.byTheme.get(theme) ?? 0) + 1);
    column.total++;
  });
  const out: YearColumn[] = [];
  for (let y = first; y <= last; y++) out.push(byYear.get(y) ?? { year: String(y), byTheme: new Map(), total: 0 });
  const unknown = byYear.get(0);
  if (unknown) out.push(unknown);
  return out;
}

export function budgetBinsOf(columns: Columns, set: Uint8Array): BudgetBin[] {
  const bins = BUDGET_EDGES.slice(0, -1).map((from, i) => ({ from, to: BUDGET_EDGES[i + 1], count: 0 }));
  forEachIn(set, (i) => {
    const v = columns.total[i];
    if (Number.isNaN(v)) return;
    let b = 0;
    while (b < bins.length - 1 && !(v < bins[b].to)) b++;
    bins[b].count++;
  });
  return bins;
}

/** core/attribution's `attribute`, from the precomputed shares. */
export function attributionOf(columns: Columns, set: Uint8Array): Attribution {
  const names = columns.dictionaries.municipalities;
  const rows: (MunicipalityBudget | undefined)[] = new Array(names.length);
  const row = (code: number) => (rows[code] ??= { municipalityId: names[code], total: 0, eu: 0, projects: 0, unknownBudget: 0 });
  const unattributed = { total: 0, eu: 0, projects: 0 };
  let unknownBudget = 0;
  let knownTotal = 0;
  const municipal = columns.facets.municipalities;
  const { offsets, values } = columns.shares;
  forEachIn(set, (i) => {
    const total = columns.total[i];
    const eu = Number.isNaN(columns.eu[i]) ? 0 : columns.eu[i];
    const unknown = Number.isNaN(total);
    for (let j = municipal.offsets[i]; j < municipal.offsets[i + 1]; j++) {
      const r = row(municipal.values[j]);
      r.projects++;
      if (unknown) r.unknownBudget++;
    }
    if (unknown) return void unknownBudget++;
    knownTotal += total;
    if (offsets[i + 1] === offsets[i]) {
      unattributed.total += total;
      unattributed.eu += eu;
      unattributed.projects++;
      return;
    }
    for (let j = offsets[i]; j < offsets[i + 1]; j++) {
      const r = row(values[j]);
      const w = columns.shareWeights[j];
      r.total += total * w;
      r.eu += eu * w;
    }
  });
  const municipalities = rows
    .filter((r): r is MunicipalityBudget => r !== undefined)
    .sort((a, b) => b.total - a.total || b.projects - a.projects || a.municipalityId.localeCompare(b.municipalityId));
  return { municipalities, unattributed, unknownBudget, knownTotal };
}

/**
 * Per municipality, the projects of a set with a place there, each counted once per municipality
 * (sites/layout's `siteCounter`): the circles of a dense map's overview.
 */
export function placeCountsOf(columns: Columns, set: Uint8Array): Map<string, number> {
  const names = columns.dictionaries.municipalities;
  const counts = new Uint32Array(names.length);
  const lastProject = new Int32Array(names.length).fill(-1);
  const { offsets, values } = columns.places;
  forEachIn(set, (i) => {
    for (let j = offsets[i]; j < offsets[i + 1]; j++) {
      const m = values[j];
      if (lastProject[m] !== i) (lastProject[m] = i), counts[m]++;
    }
  });
  return new Map([...counts].flatMap((c, m) => (c ? [[names[m], c] as const] : [])));
}

/**
 * core/network's `cooperationPairs` of a set of projects, by the rule of its `pairsOf` (ends in two
 * countries, ordered by `endsBefore`, strongest first), counted over the municipalities' codes: a
 * number per pair, where `pairsOf` makes an object per project and a string per pair (1.0–1.3 s
 * over a million sites' projects). A project's ends are each municipality once (`pairEnds`), so it
 * counts each of its pairs once.
 */
export function pairsIn(columns: Columns, set: Uint8Array): Pair[] {
  const names = columns.dictionaries.municipalities;
  const countries = columns.municipalityCountries;
  const n = names.length;
  // Each code's place in `endsBefore`'s order, so that a pair's key is (first end, second end).
  const rank = new Int32Array(n);
  Array.from(names.keys())
    .sort((x, y) => (endsBefore({ municipality: names[x], country: countries[x] }, { municipality: names[y], country: countries[y] }) ? -1 : 1))
    .forEach((code, place) => (rank[code] = place));
  const slots = new Map<number, number>();
  const counted: { key: number; projects: number; budget: number }[] = [];
  const { offsets, values } = columns.pairEnds;
  for (let i = 0; i < set.length; i++) {
    if (!set[i] || offsets[i + 1] - offsets[i] < 2) continue;
    const total = Number.isNaN(columns.total[i]) ? 0 : columns.total[i];
    for (let a = offsets[i]; a < offsets[i + 1]; a++) {
      for (let b = a + 1; b < offsets[i + 1]; b++) {
        const [x, y] = [values[a], values[b]];
        if (countries[x] === countries[y]) continue;
        const key = rank[x] < rank[y] ? x * n + y : y * n + x;
        let slot = slots.get(key);
        if (slot === undefined) slots.set(key, (slot = counted.push({ key, projects: 0, budget: 0 }) - 1));
        const pair = counted[slot];
        pair.projects++;
        pair.budget += total;
      }
    }
  }
  return strongestFirst(counted.map(({ key, projects, budget }) => ({ a: names[Math.floor(key / n)], b: names[key % n], projects, budget })));
}

/** core/years' `yearSpan` of a set of projects. */
export function spanOf(columns: Columns, set: Uint8Array): YearSpan | null {
  let first = Infinity;
  let last = -Infinity;
  let byPeriod = 0;
  const starts = new Map<number, number>();
  forEachIn(set, (i) => {
    const start = columns.yearStart[i];
    if (!start) return;
    if (start < first) first = start;
    if (columns.yearEnd[i] > last) last = columns.yearEnd[i];
    byPeriod += columns.byPeriod[i];
    starts.set(start, (starts.get(start) ?? 0) + 1);
  });
  return first === Infinity ? null : { first, last, starts, byPeriod };
}
