import { readFileSync } from 'node:fs';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { siteTiles } from '../../data/tiles';
import { applyFilters, indexProjects, NO_FILTERS, type Filters } from '../../src/core/filters';
import type { AtlasData } from '../../src/core/types';
import { extent } from '../../src/sites/extent';
import { siteFeatures } from '../../src/sites/layout';
import { DETAIL_ZOOM, TILE_MAXZOOM } from '../../src/sites/tiers';
import { FLAVORS } from '../../src/palette/flavors';
import { selectionFilter, SITE_LAYER, siteTileProps, TILE_SITE_SCALE, tileFilter } from '../../src/sites/tiles';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const located = data.projects.filter((p) => p.locations.length > 0);
const index = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
/** Every site as the tiles carry it. */
const sites = located.flatMap((p, i) => p.locations.map(() => siteTileProps(p, i)));
const zoom = { zoom: DETAIL_ZOOM };

/** The projects whose sites an expression keeps. */
function kept(expression: FilterSpecification): Set<string> {
  const { filter } = featureFilter(expression, 'filter');
  return new Set(sites.filter((properties) => filter(zoom, { type: 1, properties } as never)).map((s) => s.project));
}

const selected = (f: Filters) => new Set(applyFilters(index, f).filter((p) => p.locations.length).map((p) => p.id));

describe('the selection on tiled sites', () => {
  const byProperties: [string, Filters][] = [
    ['a period', { ...NO_FILTERS, periods: ['2014-2020'] }],
    ['two themes and a type', { ...NO_FILTERS, themes: ['tourism-heritage', 'environment-risk'], types: ['investment'] }],
    ['an objective', { ...NO_FILTERS, objectives: ['2014-2020:1.1'] }],
    ['a budget range', { ...NO_FILTERS, budget: { min: 200_000, max: 500_000 } }],
    ['an open budget range and two periods', { ...NO_FILTERS, periods: ['2014-2020', '2021-2027'], budget: { min: 1_000_000, max: null } }],
  ];

  it.each(byProperties)('keeps the sites of exactly the selected projects, on their own properties: %s', (_, f) => {
    const expression = tileFilter(f);
    expect(expression).not.toBeNull();
    expect(kept(['all', expression!])).toEqual(selected(f));
    expect(selected(f).size).toBeGreaterThan(0);
  });

  it('leaves search, places and countries to a list of the selected projects, which keeps exactly them', () => {
    for (const f of [{ ...NO_FILTERS, q: 'pirot' }, { ...NO_FILTERS, countries: ['RS'] }, { ...NO_FILTERS, municipalities: ['BG-VID09'] }]) {
      expect(tileFilter(f)).toBeNull();
      const visible = new Set(applyFilters(index, f).map((p) => p.id));
      const list = selectionFilter(located, visible);
      expect(list).not.toBeNull();
      expect(kept(list!)).toEqual(selected(f));
    }
    expect(tileFilter(NO_FILTERS)).toBeNull();
    expect(selectionFilter(located, new Set(data.projects.map((p) => p.id)))).toBeNull();
    expect(kept(selectionFilter(located, new Set())!)).toEqual(new Set());
  });
});

describe('the tile schema', () => {
  /** The properties an expression reads. */
  const read = (expression: unknown): string[] =>
    Array.isArray(expression) ? (expression[0] === 'get' || expression[0] === 'has' ? [expression[1] as string] : expression.flatMap(read)) : [];

  it('writes only properties that a filter or a click reads', () => {
    const every: Filters = { ...NO_FILTERS, themes: ['tourism-heritage'], periods: ['2014-2020'], types: ['soft'], objectives: ['2014-2020:1.1'], budget: { min: 1, max: 2 } };
    const reads = new Set(['project', ...read(tileFilter(every)), ...read(selectionFilter(located, new Set([located[0].id])))]);
    const withTotal = sites.find((s) => s.total !== undefined)!;
    expect(new Set(Object.keys(withTotal))).toEqual(reads);
  });

  it('spaces the spiral for the largest dots any flavour draws', () => {
    expect(Math.max(...Object.values(FLAVORS).map((f) => f.site_scale))).toBe(TILE_SITE_SCALE);
  });
});

describe('the site tiles', () => {
  it('hold every site once per zoom, with its project and properties, at every zoom from DETAIL_ZOOM to TILE_MAXZOOM', () => {
    const features = siteFeatures(located);
    const tiles = [...siteTiles(located, features, extent(features.features.map((f) => f.geometry)))];
    for (let z = DETAIL_ZOOM; z <= TILE_MAXZOOM; z++) {
      const found = new Map<string, number>();
      for (const t of tiles.filter((t) => t.z === z)) {
        const layer = new VectorTile(new PbfReader(t.bytes)).layers[SITE_LAYER];
        const extent = layer.extent;
        for (let i = 0; i < layer.length; i++) {
          const f = layer.feature(i);
          const [{ x, y }] = f.loadGeometry()[0];
          if (x < 0 || y < 0 || x >= extent || y >= extent) continue; // the buffer's copy of a neighbour's site
          const p = f.properties as { project: string; p: number; theme: string };
          expect(located[p.p].id).toBe(p.project);
          expect(f.id).toBe(p.p);
          found.set(p.project, (found.get(p.project) ?? 0) + 1);
        }
      }
      expect(found).toEqual(new Map(located.map((p) => [p.id, p.locations.length])));
    }
  });
});
