/** The map's style for each flavour and each delivery form of sites, checked by maplibre's own style validator. */
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { BasemapData } from '../../src/core/basemap';
import type { AtlasData } from '../../src/core/types';
import { labelFontFaces } from '../../src/map/fonts';
import { createSources } from '../../src/map/sources';
import { buildStyle, LAYER } from '../../src/map/style';
import { FLAVORS } from '../../src/palette/flavors';
import { seatsOf, siteCounter } from '../../src/sites/layout';
import { SITE_LAYER, type SiteTiles } from '../../src/sites/tiles';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const basemap = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;
const located = data.projects.filter((p) => p.locations.length > 0);
const counter = siteCounter(located, seatsOf(basemap));
const tiles: SiteTiles = {
  set: { url: 'https://atlas.example/tiles/{z}/{x}/{y}.pbf', minzoom: 9, maxzoom: 11, bounds: [21, 41, 25, 45] },
  overview: { places: counter.places, counts: counter.count(located.map(() => 1)), sites: 1 },
};
const forms = { geojson: null, tiles } as const;

describe('the map style', () => {
  for (const [flavorName, flavor] of Object.entries(FLAVORS)) {
    for (const [form, tileSet] of Object.entries(forms)) {
      it(`is valid for the ${flavorName} flavour with sites from ${form}`, () => {
        const sources = createSources(basemap, { projects: located, tiles: tileSet });
        const style = buildStyle({ flavor, sources, fontFaces: labelFontFaces([{ url: 'fonts/a.woff2', range: ['U+0000-00FF'] }], 'https://atlas.example/'), labels: { script: 'Latn', fallback: 'Latn' }, countries: ['BG', 'RS'] });
        expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
        const sites = style.layers.filter((l) => 'source' in l && l.source === 'sites');
        // Place names are drawn over every site and count bubble: a dot never hides a town's name.
        const order = style.layers.map((l) => l.id);
        expect(order.at(-1)).toBe(LAYER.labels);
        if (tileSet) {
          // One layer draws every tiled site (the spiral is in the tiles), from the schema's layer, with no filter until a selection.
          expect(sites.map((l) => [l.id, 'source-layer' in l && l['source-layer'], 'filter' in l ? l.filter : 'no filter'])).toEqual([['sites', SITE_LAYER, 'no filter']]);
        } else {
          // A layer per spiral slot, each keeping its slot's sites.
          expect(sites.length).toBeGreaterThan(1);
          for (const l of sites) expect('filter' in l && l.filter).toEqual(['==', ['get', 'slot'], l.id === 'sites' ? -1 : Number(l.id.slice('sites-'.length))]);
        }
      });
    }
  }
});
