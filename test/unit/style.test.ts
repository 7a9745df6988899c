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
import type { PackedSites } from '../../src/sites/source';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const basemap = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;
const located = data.projects.filter((p) => p.locations.length > 0);
const seats = seatsOf(basemap, data.municipalities);
const counter = siteCounter(located, seats);
const packed: PackedSites = { overview: { places: counter.places, counts: counter.count(located.map(() => 1)), sites: 1 }, points: null, ids: [] };
const forms = { geojson: null, points: packed } as const;

describe('the map style', () => {
  for (const [flavorName, flavor] of Object.entries(FLAVORS)) {
    for (const [form, packedSites] of Object.entries(forms)) {
      it(`is valid for the ${flavorName} flavour with sites from ${form}`, () => {
        const sources = createSources(basemap, { projects: located, packed: packedSites, seats });
        const style = buildStyle({ flavor, sources, fontFaces: labelFontFaces([{ url: 'fonts/a.woff2', range: ['U+0000-00FF'] }], 'https://atlas.example/'), labels: { script: 'Latn', fallback: 'Latn' }, countries: ['BG', 'RS'] });
        expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
        const sites = style.layers.filter((l) => 'source' in l && l.source === 'sites');
        // Place names are drawn over every site and count bubble: a dot never hides a town's name.
        const order = style.layers.map((l) => l.id);
        expect(order.at(-1)).toBe(LAYER.labels);
        if (packedSites) {
          // Points are drawn by a GPU layer the map adds beside the style; the style counts them per municipality.
          expect(sites).toEqual([]);
          expect(order).toContain(LAYER.siteCounts);
        } else {
          // A layer per spiral slot, each keeping its slot's sites.
          expect(sites.length).toBeGreaterThan(1);
          for (const l of sites) expect('filter' in l && l.filter).toEqual(['==', ['get', 'slot'], l.id === 'sites' ? -1 : Number(l.id.slice('sites-'.length))]);
        }
      });
    }
  }
});
