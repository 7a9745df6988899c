/**
 * The sites of a large dataset as vector tiles (Mapbox Vector Tile, one layer `sites`), cut with
 * geojson-vt and encoded with vt-pbf (maplibre's own forks), for the zooms where each site is
 * drawn; overview zooms draw the per-municipality counts instead (src/map/sites.ts).
 *
 * Each feature carries what the map draws and filters on (src/map/sites.ts tileFilter), packed
 * small: `project` (id), `p` (its index in the located projects, also the feature id: feature
 * state and the selection filter key on it), `theme`, `slot` (its place in a stack), `period`,
 * `type`, `objective` ('' for none), `total` (euros, absent when unknown), `budget` (its class
 * of BUDGET_EDGES, -1 unknown), and the site's own `country` and `municipality`.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, Point } from 'geojson';
import { BUDGET_EDGES } from '../src/core/aggregate';
import type { Location, Project } from '../src/core/types';
import { DETAIL_ZOOM, stackOffset, type SiteProps } from '../src/map/sites';
import { SITE_LAYER, TILE_MAXZOOM } from '../src/map/sources';

const EXTENT = 4096;
/** Around each tile, in tile units: room for a site's circle (512 px tiles). */
const BUFFER = 64;
/** Web Mercator: pixels of the whole world at zoom 0 (maplibre's 512 px tiles). */
const WORLD = 512;

/** Web Mercator: a longitude/latitude as a fraction of the world's width and height (y down), and back. */
function toWorld([lon, lat]: number[]): [number, number] {
  const r = (lat * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2];
}
const fromWorld = ([x, y]: [number, number]): [number, number] => [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];

/** A longitude/latitude moved by a screen offset in pixels at a zoom (y down). */
function shifted(point: number[], [dx, dy]: [number, number], z: number): [number, number] {
  const size = WORLD * 2 ** z;
  const [x, y] = toWorld(point);
  return fromWorld([x + dx / size, y + dy / size]);
}

export interface Tile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

const budgetClass = (p: Project) => {
  const v = p.total?.value;
  if (v == null) return -1;
  const i = BUDGET_EDGES.findIndex((edge) => v < edge);
  return i < 0 ? BUDGET_EDGES.length : i;
};

/** Tile column/row of a longitude/latitude at a zoom. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v * n)));
  const [x, y] = toWorld([lon, lat]);
  return [clamp(x), clamp(y)];
}

/** The tile properties of a project's site at one of its locations (`p`: the project's index among the located). */
export function siteProperties(p: Project, index: number, location: Location, slot: number) {
  return {
    project: p.id, p: index, theme: p.theme, slot, period: p.period ?? 'unknown', type: p.type ?? 'unknown',
    objective: p.objective ?? '', ...(p.total?.value != null ? { total: p.total.value } : {}), budget: budgetClass(p),
    country: location.country, municipality: location.municipalityId,
  };
}

/**
 * Every non-empty tile from DETAIL_ZOOM to TILE_MAXZOOM of the located projects' sites (siteFeatures
 * of them, and `bounds` the extent of their places). A stack's spiral is cut into each zoom's geometry (its screen offsets at that zoom), so
 * one circle layer draws every site (`slot` -1) and a filter change re-lays out one layer, not one
 * per slot; between zooms the spiral is up to twice as wide, beyond TILE_MAXZOOM it keeps widening.
 */
export function* siteTiles(located: readonly Project[], sites: FeatureCollection<Point, SiteProps>, [west, south, east, north]: [number, number, number, number]): Generator<Tile> {
  const index = new Map(located.map((p, i) => [p.id, i]));
  const byId = new Map(located.map((p) => [p.id, p]));
  for (let z = DETAIL_ZOOM; z <= TILE_MAXZOOM; z++) {
    const features = sites.features.map((f) => {
      const p = byId.get(f.properties.project)!;
      const location = p.locations.find((l) => l.settlementId === f.properties.settlement)!;
      const geometry: Point = { type: 'Point', coordinates: shifted(f.geometry.coordinates, stackOffset(f.properties.slot), z) };
      return { ...f, geometry, id: index.get(p.id)!, properties: siteProperties(p, index.get(p.id)!, location, -1) };
    });
    const cutter = new GeoJSONVT({ type: 'FeatureCollection', features } as FeatureCollection<Point>, { maxZoom: z, indexMaxZoom: 0, indexMaxPoints: 0, extent: EXTENT, buffer: BUFFER, tolerance: 0 });
    // One tile more on each side: the buffer puts sites near an edge into the neighbour too.
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = Math.max(0, x0 - 1); x <= x1 + 1; x++) {
      for (let y = Math.max(0, y0 - 1); y <= y1 + 1; y++) {
        const tile = cutter.getTile(z, x, y);
        if (tile?.features.length) yield { z, x, y, bytes: fromGeojsonVt({ [SITE_LAYER]: tile }, { version: 2, extent: EXTENT }) };
      }
    }
  }
}
