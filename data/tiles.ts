/**
 * The sites of a tiled dataset as vector tiles (Mapbox Vector Tile), cut with geojson-vt and
 * encoded with vt-pbf (maplibre's own forks), for the zooms where each site is drawn; overview
 * zooms draw the per-municipality counts instead. Layer, properties and the filters that read them:
 * src/sites/tiles.ts.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, Point } from 'geojson';
import type { Project } from '../src/core/types';
import { stackOffset, type SiteProps } from '../src/sites/layout';
import { DETAIL_ZOOM, TILE_MAXZOOM } from '../src/sites/tiers';
import { SITE_LAYER, siteTileProps, TILE_SITE_SCALE } from '../src/sites/tiles';

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

/** Tile column/row of a longitude/latitude at a zoom. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v * n)));
  const [x, y] = toWorld([lon, lat]);
  return [clamp(x), clamp(y)];
}

/**
 * Every non-empty tile from DETAIL_ZOOM to TILE_MAXZOOM of the located projects' sites (siteFeatures
 * of them, and `bounds` the extent of their places). A stack's spiral is cut into each zoom's
 * geometry (its screen offsets at that zoom, for TILE_SITE_SCALE dots), so one circle layer draws
 * every site and a filter change re-lays out one layer, not one per slot; between zooms the spiral
 * is up to twice as wide, beyond TILE_MAXZOOM it keeps widening.
 */
export function* siteTiles(located: readonly Project[], sites: FeatureCollection<Point, SiteProps>, [west, south, east, north]: [number, number, number, number]): Generator<Tile> {
  const index = new Map(located.map((p, i) => [p.id, i]));
  for (let z = DETAIL_ZOOM; z <= TILE_MAXZOOM; z++) {
    const features = sites.features.map((f) => {
      const p = index.get(f.properties.project)!;
      const geometry: Point = { type: 'Point', coordinates: shifted(f.geometry.coordinates, stackOffset(f.properties.slot, TILE_SITE_SCALE), z) };
      return { type: 'Feature' as const, geometry, id: p, properties: siteTileProps(located[p], p) };
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
