/**
 * A large dataset's list rows, made in the worker from its row store and columns, against the
 * projects themselves: on the published dataset and on a seeded synthetic one with untitled,
 * unplaced and unknown-budget projects, each row must say what its project says, and every page
 * (random filters, each column in both directions, the map's bounds, the unplaced, a stack's ids) must hold the
 * rows the page lists from the projects it holds, in an order checked against the projects' own
 * fields.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFilters, indexProjects, NO_FILTERS, type Filters } from '../../src/core/filters';
import { pageOf, titledByPartner, type Box, type ListColumn, type ListWording, type ProjectRow, type RowsQuery } from '../../src/core/rows';
import type { AtlasData, Project } from '../../src/core/types';
import { columnsFromArrow, columnsToArrow } from '../../src/engine/arrow';
import { toColumns } from '../../src/engine/columns';
import { rowReader, rowsFromArrow, rowsToArrow } from '../../src/engine/rows';
import { createI18n } from '../../src/i18n';
import { CATALOGUES } from '../../src/i18n/all-catalogues';
import { listWording } from '../../src/i18n/labels';
import { projectTitle } from '../../src/i18n/projectTitle';
import { random } from '../../scripts/random';
import { PROGRAMME } from './fixtures';

const ROOT = new URL('../..', import.meta.url).pathname;
const COLUMNS: ListColumn[] = ['title', 'period', 'theme', 'places', 'budget'];

interface Case {
  name: string;
  data: AtlasData;
  reader: ReturnType<typeof rowReader>;
}
const cases: Case[] = [];

function caseOf(name: string, data: AtlasData): Case {
  const index = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
  const arrow = columnsToArrow(toColumns(index));
  const columns = columnsFromArrow(arrow, { projects: 'projects.arrow', lists: 'lists.arrow' });
  return { name, data, reader: rowReader(columns, rowsFromArrow(rowsToArrow(data.projects), 'rows.arrow')) };
}

beforeAll(() => {
  cases.push(caseOf('published', JSON.parse(readFileSync(join(ROOT, 'data/out/atlas-data.json'), 'utf8')) as AtlasData));
  const dir = mkdtempSync(join(tmpdir(), 'atlas-rows-'));
  const run = (...args: string[]) => execFileSync('npx', ['tsx', ...args], { cwd: ROOT, stdio: 'pipe' });
  run('scripts/synthetic.ts', '--sites', '6000', '--seed', '5', '--out', join(dir, 'input'));
  run('scripts/import.ts', '--out', join(dir, 'data'), join(dir, 'input/operations.csv'), join(dir, 'input/partners.csv'));
  const synthetic = JSON.parse(readFileSync(join(dir, 'data/atlas-data.json'), 'utf8')) as AtlasData;
  const rnd = random(5);
  // Gaps the generator never writes: no title (named by the places, or by the first partner where there are none), no place, no or an approximate budget.
  const projects = synthetic.projects.map((p): Project => {
    const untitled = rnd() < 0.15;
    const unplaced = rnd() < 0.05;
    return {
      ...p,
      title: untitled ? Object.fromEntries(Object.keys(p.title).map((l) => [l, null])) : p.title,
      untitled,
      locations: unplaced ? [] : p.locations,
      partners: unplaced ? p.partners.map((q) => ({ ...q, location: null })) : p.partners,
      total: rnd() < 0.1 ? null : p.total && rnd() < 0.1 ? { ...p.total, approximate: true, raw: `~${p.total.raw}` } : p.total,
      period: rnd() < 0.05 ? null : p.period,
    };
  });
  cases.push(caseOf('synthetic', { ...synthetic, projects }));
}, 120_000);

const LOCALES = ['en', 'bg', 'sr-Latn'];
const wordings = (data: AtlasData): ListWording[] => LOCALES.map((l) => listWording(createI18n(l, PROGRAMME, CATALOGUES), new Map(data.municipalities.map((m) => [m.id, m]))));

/** What a row must say of its project. */
const rowOf = (p: Project) => ({
  id: p.id,
  title: p.title,
  period: p.period,
  theme: p.theme,
  total: p.total,
  locations: p.locations.map(({ settlementId, names, country, municipalityId, lon, lat, method }) => ({ settlementId, names, country, municipalityId, lon, lat, method })),
  partners: titledByPartner(p) && p.partners.length ? [{ name: p.partners[0].name }] : [],
});

/**
 * Whether `a` may come before `b` in a column, from the projects' own fields (not the module's
 * keys): titles, themes and places as the list words them, compared as the language collates.
 */
function inOrder(a: Project, b: Project, column: ListColumn, descending: boolean, w: ListWording, title: (p: ProjectRow) => string): boolean {
  const collate = new Intl.Collator(w.collation).compare;
  const places = (p: Project) => [...new Set(p.locations.map((l) => l.municipalityId))].map((id) => w.municipalities[id]).join(', ') || '\uffff';
  const order =
    column === 'budget'
      ? (a.total?.value ?? -1) - (b.total?.value ?? -1)
      : column === 'period'
        ? collate(a.period ?? '9999', b.period ?? '9999')
        : column === 'theme'
          ? collate(w.themes[a.theme], w.themes[b.theme])
          : column === 'places'
            ? collate(places(a), places(b))
            : collate(title(a), title(b));
  // Descending is ascending read backwards: ties too.
  return (descending ? -order : order) < 0 || (order === 0 && (descending ? a.id > b.id : a.id < b.id));
}

function randomFilters(data: AtlasData, rnd: () => number): Filters {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const f: Filters = { ...NO_FILTERS };
  if (rnd() < 0.5) f.periods = [pick(['2014-2020', '2021-2027', '2007-2013', 'unknown'])];
  if (rnd() < 0.5) f.municipalities = [pick(data.municipalities).id, pick(data.municipalities).id];
  if (rnd() < 0.3) f.themes = [pick(data.projects).theme];
  return f;
}

describe.each(['published', 'synthetic'])('the rows of the %s dataset', (name) => {
  const get = () => cases.find((c) => c.name === name)!;

  it('say what each project says', () => {
    const { data, reader } = get();
    const { rows, total } = reader.page(null, { order: null, bounds: null, ids: null, limit: Infinity }, wordings(data)[0]);
    expect(total).toBe(data.projects.length);
    expect(rows).toEqual(data.projects.map(rowOf));
    if (name === 'synthetic') expect(rows.filter((r) => r.partners.length).length).toBeGreaterThan(5);
  });

  it('come paged as the page lists the projects it holds, in each column’s order', () => {
    const { data, reader } = get();
    const rnd = random(name.length);
    const index = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
    const byId = new Map(data.projects.map((p) => [p.id, p]));
    let checked = 0;
    for (const [k, w] of wordings(data).entries()) {
      const i18n = createI18n(LOCALES[k], PROGRAMME, CATALOGUES);
      const title = (p: ProjectRow) => projectTitle(p, i18n);
      for (let round = 0; round < 6; round++) {
        const selection = applyFilters(index, randomFilters(data, rnd));
        const chosen = new Set(selection.map((p) => p.id));
        const mask = Uint8Array.from(data.projects, (p) => (chosen.has(p.id) ? 1 : 0));
        const lon = 20 + rnd() * 6, lat = 41 + rnd() * 4;
        const box: Box = [lon, lat, lon + 1 + rnd(), lat + 1 + rnd()];
        const stack = Array.from({ length: 12 }, () => data.projects[Math.floor(rnd() * data.projects.length)].id);
        for (const column of COLUMNS)
          for (const descending of [false, true]) {
            const order = { column, descending };
            for (const query of [
              { order, bounds: null, ids: null, limit: 40 },
              { order, bounds: box, ids: null, limit: 15 },
              { order: round % 2 ? null : order, bounds: null, unplaced: true, ids: null, limit: 10 },
              { order: round % 2 ? order : null, bounds: null, ids: stack, limit: 5 },
            ] satisfies RowsQuery[]) {
              const inSelection = query.ids ? null : mask;
              const got = reader.page(inSelection, query, w);
              const expected = pageOf(query.ids ? data.projects : selection, query, w);
              expect(got.total).toBe(expected.total);
              expect(got.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
              if (query.order) {
                const projects = got.rows.map((r) => byId.get(r.id)!);
                for (let i = 1; i < projects.length; i++) expect(inOrder(projects[i - 1], projects[i], column, descending, w, title)).toBe(true);
              }
              if (query.unplaced) expect(got.rows.every((r) => r.locations.length === 0)).toBe(true);
              if (query.bounds) for (const r of got.rows) expect(r.locations.some((l) => l.lon >= box[0] && l.lon <= box[2] && l.lat >= box[1] && l.lat <= box[3])).toBe(true);
              checked += got.rows.length;
            }
          }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 30_000);
});
