/**
 * The columnar kernel against the pure core as its oracle: on the published dataset and on a
 * seeded synthetic one of 25,000 sites (made and imported as a deployment makes it, then given
 * unknown values — budgets, dates, types, periods, objectives, places — the generator never
 * writes), every random combination of filters must give, bit for bit, the core's selection,
 * facet counts, counters, chart rows, attribution and year span.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute } from '../../src/core/attribution';
import { budgetBins, themeRows, yearColumns } from '../../src/core/aggregate';
import { allFacetCounts, applyFilters, FACETS, indexProjects, NO_FILTERS, searchText, searchWords, type Filters, type ProjectKeys } from '../../src/core/filters';
import { summarize } from '../../src/core/summary';
import { YEAR_MODES, yearSpan } from '../../src/core/years';
import type { AtlasData, Project } from '../../src/core/types';
import { columnsFromArrow, columnsToArrow } from '../../src/engine/arrow';
import { toColumns, type Columns } from '../../src/engine/columns';
import { cutShards, intersect, markWord, shardFromArrow, shardsFor, shardToArrow, wordIndex } from '../../src/engine/search';
import { cooperationPairs } from '../../src/core/network';
import { attributionOf, budgetBinsOf, BUDGET_BIT, facetCounts, failures, pairsIn, placeCountsOf, queryOf, selected, spanOf, summaryOf, themeRowsOf, yearColumnsOf, YEAR_BIT } from '../../src/engine/kernel';
import { siteCounter } from '../../src/sites/layout';
import { random } from '../../scripts/random';
import { columnEngine } from '../../src/dataset/columnar/engine';
import { projectEngine, tally, type ViewInput } from '../../src/state/view';
import { CHOROPLETH_METRICS } from '../../src/core/aggregate';

const ROOT = new URL('../..', import.meta.url).pathname;
const SITES = 25_000;

interface Case {
  name: string;
  index: ProjectKeys[];
  columns: Columns;
}

const indexed = (data: AtlasData): Omit<Case, 'name'> => {
  const index = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
  return { index, columns: toColumns(index) };
};

/** Seeded gaps of every kind the core treats as unknown, so the kernel meets them too. */
function withGaps(projects: Project[], rnd: () => number): Project[] {
  const maybe = <T>(p: number, value: T, gap: T) => (rnd() < p ? gap : value);
  return projects.map((p) => {
    const noPlaces = rnd() < 0.05;
    return {
      ...p,
      total: maybe(0.1, p.total, null),
      eu: maybe(0.3, p.eu, null),
      startDate: maybe(0.15, p.startDate, null),
      endDate: maybe(0.2, p.endDate, null),
      durationMonths: maybe(0.5, p.durationMonths, 18),
      type: maybe(0.1, p.type, null),
      period: maybe(0.05, p.period, null),
      objective: maybe(0.1, p.objective, null),
      partners: p.partners.map((q) => ({ ...q, budget: maybe(0.1, q.budget, null), location: noPlaces ? null : q.location })),
      locations: noPlaces ? [] : p.locations.map((l) => ({ ...l, method: maybe(0.05, l.method, 'district' as const) })),
    };
  });
}

const cases: Case[] = [];
beforeAll(() => {
  const published = JSON.parse(readFileSync(join(ROOT, 'data/out/atlas-data.json'), 'utf8')) as AtlasData;
  cases.push({ name: 'published', ...indexed(published) });
  const dir = mkdtempSync(join(tmpdir(), 'atlas-kernel-'));
  const run = (...args: string[]) => execFileSync('npx', ['tsx', ...args], { cwd: ROOT, stdio: 'pipe' });
  run('scripts/synthetic.ts', '--sites', String(SITES), '--seed', '11', '--out', join(dir, 'input'));
  run('scripts/import.ts', '--out', join(dir, 'data'), join(dir, 'input/operations.csv'), join(dir, 'input/partners.csv'));
  const synthetic = JSON.parse(readFileSync(join(dir, 'data/atlas-data.json'), 'utf8')) as AtlasData;
  cases.push({ name: 'synthetic', ...indexed({ ...synthetic, projects: withGaps(synthetic.projects, random(11)) }) });
}, 120_000);

/** Random filters over what the dataset offers, with some options it does not have. */
function randomFilters(c: Case, rnd: () => number): Filters {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const f: Filters = { ...NO_FILTERS };
  for (const facet of FACETS) {
    if (rnd() < 0.7) continue;
    const options = [...c.columns.dictionaries[facet], 'unknown', 'no-such-option'];
    (f as unknown as Record<string, string[]>)[facet] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(options));
  }
  if (rnd() < 0.3) {
    const a = 10_000 * Math.round(rnd() * 300);
    f.budget = { min: rnd() < 0.3 ? null : a, max: rnd() < 0.3 ? null : a + 10_000 * Math.round(rnd() * 300) };
  }
  if (rnd() < 0.35) f.year = { year: 2004 + Math.floor(rnd() * 25), mode: pick(YEAR_MODES) };
  if (rnd() < 0.25) {
    const project = pick(c.index).project;
    const title = Object.values(project.title).find(Boolean) ?? project.partners[0]?.name ?? '';
    const words = title.split(/\s+/);
    f.q = words.slice(0, 1 + Math.floor(rnd() * 2)).map((w) => w.slice(0, 1 + Math.floor(rnd() * w.length))).join(' ');
  }
  return f;
}

/** The search, as the core matches it, for the kernel to combine with the rest (the index of search shards is tested on its own). */
const searchMatches = (c: Case, q: string) => {
  if (!q) return null;
  const found = new Set(applyFilters(c.index, { ...NO_FILTERS, q }).map((p) => p.id));
  return Uint8Array.from(c.columns.ids, (id) => (found.has(id) ? 1 : 0));
};

const ids = (c: Case, set: Uint8Array) => c.columns.ids.filter((_, i) => set[i]);

describe.each(['published', 'synthetic'])('the kernel on the %s dataset', (name) => {
  const get = () => cases.find((c) => c.name === name)!;

  it('codes every project and the options of every facet', () => {
    const c = get();
    expect(c.columns.ids).toEqual(c.index.map((k) => k.project.id));
    for (const facet of FACETS) expect(new Set(c.columns.dictionaries[facet])).toEqual(new Set(c.index.flatMap((k) => k.values[facet])));
    if (name === 'synthetic') expect(c.columns.ids.length).toBeGreaterThan(7_000);
  });

  it('reads back from its Arrow file as written', () => {
    const c = get();
    const bytes = columnsToArrow(c.columns);
    const names = { projects: 'columns.arrow', lists: 'lists.arrow' };
    expect(columnsFromArrow(bytes, names)).toEqual(c.columns);
    expect(() => columnsFromArrow({ ...bytes, projects: bytes.projects.slice(0, bytes.projects.length >> 1) }, names)).toThrow();
    // Lists from another dataset's file do not add up: the error names the file.
    const other = columnsToArrow(cases.find((x) => x !== c)!.columns);
    if (other.lists.length < bytes.lists.length) expect(() => columnsFromArrow({ ...bytes, lists: other.lists }, names)).toThrow(/lists\.arrow/);
  });

  it('gives the core’s selection, facet counts, counters, charts, attribution and span for random filters', () => {
    const c = get();
    const rnd = random(name === 'published' ? 3 : 5);
    const runs = name === 'published' ? 300 : 60;
    let nonEmpty = 0;
    for (let run = 0; run < runs; run++) {
      const f = randomFilters(c, rnd);
      const fails = failures(c.columns, queryOf(c.columns, f, searchMatches(c, f.q)));
      const selection = applyFilters(c.index, f);
      const set = selected(fails);
      const context = JSON.stringify(f);
      expect(ids(c, set), context).toEqual(selection.map((p) => p.id));
      if (selection.length) nonEmpty++;
      expect(facetCounts(c.columns, fails), context).toEqual(allFacetCounts(c.index, f));
      expect(summaryOf(c.columns, set), context).toEqual(summarize(selection));
      expect(themeRowsOf(c.columns, set), context).toEqual(themeRows(selection));
      expect(yearColumnsOf(c.columns, set), context).toEqual(yearColumns(selection));
      expect(attributionOf(c.columns, set), context).toEqual(attribute(selection));
      expect(budgetBinsOf(c.columns, selected(fails, BUDGET_BIT)), context).toEqual(budgetBins(applyFilters(c.index, f, 'budget')));
      const withoutYear = applyFilters(c.index, f, 'year');
      expect(spanOf(c.columns, selected(fails, YEAR_BIT)), context).toEqual(yearSpan(withoutYear.map((p) => c.index.find((k) => k.project === p)!.years)));
    }
    // The random filters are not all so narrow that nothing is left to compare.
    expect(nonEmpty).toBeGreaterThan(runs / 4);
  });

  it('pairs the selection’s municipalities across borders as the core pairs its projects', () => {
    const c = get();
    const rnd = random(23);
    let some = 0;
    for (let run = 0; run < 30; run++) {
      const f = randomFilters(c, rnd);
      const expected = cooperationPairs(applyFilters(c.index, f));
      if (expected.length) some++;
      expect(pairsIn(c.columns, selected(failures(c.columns, queryOf(c.columns, f, searchMatches(c, f.q))))), JSON.stringify(f)).toEqual(expected);
    }
    expect(some).toBeGreaterThan(5);
  });

  it('counts the overview’s circles as the map counts them from the projects it draws', () => {
    const c = get();
    const located = c.index.map((k) => k.project).filter((p) => p.locations.length > 0);
    const counter = siteCounter(located, new Map());
    const rnd = random(19);
    for (let run = 0; run < 30; run++) {
      const f = randomFilters(c, rnd);
      const chosen = new Set(applyFilters(c.index, f).map((p) => p.id));
      const counts = counter.count(located.map((p) => (chosen.has(p.id) ? 1 : 0)));
      const expected = new Map(counter.places.features.map((feature, k) => [feature.properties.municipality, counts[k]] as const).filter(([, n]) => n > 0));
      expect(placeCountsOf(c.columns, selected(failures(c.columns, queryOf(c.columns, f, searchMatches(c, f.q))))), JSON.stringify(f)).toEqual(expected);
    }
  });
});

describe.each(['published', 'synthetic'])('search from word shards on the %s dataset', (name) => {
  it('finds what the core finds, any script or case, each word fetching only the shards that can hold it', () => {
    const c = cases.find((x) => x.name === name)!;
    const index = wordIndex(c.index.map(searchText));
    const shards = cutShards(index, name === 'published' ? 2_000 : 16_000).map((shard, i) => shardFromArrow(shardToArrow(shard), `search-${i}.arrow`));
    const ranges = { first: shards.map((s) => s.words[0]) };
    expect(shards.flatMap((s) => s.words)).toEqual(index.words);
    expect(shards.length).toBeGreaterThan(4);
    const rnd = random(name === 'published' ? 7 : 9);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const queries = ['', 'zzzq', 'a', '1', 'Пирот', 'PIROT', 'pi', 'Zaječar', 'Зајечар ц'];
    for (let k = 0; k < 150; k++) {
      const keys = pick(c.index);
      const texts = [...Object.values(keys.project.title), ...keys.project.partners.map((p) => p.name), ...keys.places.flatMap((m) => (m ? Object.values(m.names) : []))].filter((t): t is string => !!t);
      if (!texts.length) continue;
      const words = pick(texts).split(/\s+/).filter(Boolean);
      const start = Math.floor(rnd() * words.length);
      queries.push(words.slice(start, start + 1 + Math.floor(rnd() * 2)).map((w) => (rnd() < 0.3 ? w.toUpperCase() : w).slice(0, 1 + Math.floor(rnd() * w.length))).join(' '));
    }
    let fetched = 0;
    for (const q of queries) {
      const words = searchWords(q);
      const expected = applyFilters(c.index, { ...NO_FILTERS, q }).map((p) => p.id);
      if (!words.length) {
        expect(expected.length, q).toBe(c.index.length);
        continue;
      }
      const marks = words.map((w) => {
        const mark = new Uint8Array(c.index.length);
        const wanted = shardsFor(ranges, w);
        fetched += wanted.length;
        for (const i of wanted) markWord(shards[i], w, mark);
        // No shard left out holds a word that starts with w.
        shards.forEach((s, i) => wanted.includes(i) || expect(s.words.some((x) => x.startsWith(w)), `${q}: ${w} in shard ${i}`).toBe(false));
        return mark;
      });
      expect(ids(c, intersect(marks)), q).toEqual(expected);
    }
    // Most words are in one shard or two: a query does not fetch the index.
    expect(fetched / queries.length).toBeLessThan(shards.length / 4);
  });
});

describe.each(['published', 'synthetic'])('a view’s figures from the kernel on the %s dataset', (name) => {
  it('equal the core’s for random links, story steps and profiles', () => {
    const c = cases.find((x) => x.name === name)!;
    const rnd = random(name === 'published' ? 13 : 17);
    for (let run = 0; run < 40; run++) {
      const filters = randomFilters(c, rnd);
      const input: ViewInput = {
        filters,
        stepFilters: rnd() < 0.3 ? randomFilters(c, rnd) : null,
        colourBy: rnd() < 0.5 ? 'sites' : CHOROPLETH_METRICS[Math.floor(rnd() * CHOROPLETH_METRICS.length)],
        network: rnd() < 0.2,
        profile: rnd() < 0.3 ? c.columns.dictionaries.municipalities[Math.floor(rnd() * c.columns.dictionaries.municipalities.length)] : null,
      };
      const found = new Map([filters.q, input.stepFilters?.q ?? ''].map((q) => [q, searchMatches(c, q)]));
      // The overview's counts are the kernel's alone (the map counts its own otherwise): compared above.
      // So are the pairs, which the view makes from the projects otherwise: compared with the core's own here.
      const { selection: mask, placeCounts, pairs, ...kernel } = tally(columnEngine(c.columns, (q) => found.get(q) ?? null), input);
      const { selection, placeCounts: none, pairs: noPairs, ...core } = tally(projectEngine(c.index), input);
      expect(kernel, JSON.stringify(input)).toEqual(core);
      expect([none, noPairs]).toEqual([null, null]);
      expect(pairs).toEqual(input.network || input.profile ? cooperationPairs(selection) : null);
      expect(placeCounts!.size > 0).toBe(selection.some((p) => p.locations.length > 0));
      expect(ids(c, mask)).toEqual(selection.map((p) => p.id));
    }
  });
});
