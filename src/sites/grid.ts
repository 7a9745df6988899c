/**
 * The contract between the build and the map for a columnar dataset's sites: every site as a point
 * with its project, its slot in its place's spiral and its theme (written and read by ./points.ts).
 * Sites are sorted by the cell of a grid over their extent, row by row, so that the sites in a view
 * are a few contiguous ranges: one draw per row of cells, and a pointer's neighbours are found in
 * its cells alone. Apart from the file's code: the page's map reads this, not Arrow.
 */
import type { Codes } from '../engine/columns';

/** Web Mercator: a longitude/latitude as a fraction of the world's width and height (y down). */
export function mercator(lon: number, lat: number): [number, number] {
  const r = (lat * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2];
}

/** The grid the sites are sorted by: `starts[c]..starts[c + 1]` are the sites of cell c (row by row). */
export interface Grid {
  /** [west, north, east, south] in Web Mercator fractions. */
  bounds: [number, number, number, number];
  size: number;
  starts: Int32Array;
}

/** The column and row of a position in the grid, clamped to it. */
export function cellOf({ bounds: [x0, y0, x1, y1], size }: Omit<Grid, 'starts'>, x: number, y: number): [number, number] {
  const at = (v: number, from: number, to: number) => Math.min(size - 1, Math.max(0, Math.floor(((v - from) / (to - from || 1)) * size)));
  return [at(x, x0, x1), at(y, y0, y1)];
}

/** The index of a position's cell in `starts` (the cells counted row by row). */
export function cellIndex(grid: Omit<Grid, 'starts'>, x: number, y: number): number {
  const [c, r] = cellOf(grid, x, y);
  return r * grid.size + c;
}

/** The sites of the cells a box ([west, north, east, south], Web Mercator) touches: per row of cells, one range [first, end). */
export function rowsIn({ starts, ...grid }: Grid, [west, north, east, south]: readonly [number, number, number, number]): [number, number][] {
  const [c0, r0] = cellOf(grid, west, north);
  const [c1, r1] = cellOf(grid, east, south);
  const rows: [number, number][] = [];
  for (let r = r0; r <= r1; r++) rows.push([starts[r * grid.size + c0], starts[r * grid.size + c1 + 1]]);
  return rows;
}

/** Every site as the map draws it. */
export interface SitePoints {
  count: number;
  /** Web Mercator x, y of each site, interleaved. */
  position: Float32Array;
  /** Its project: the index in the dataset's order. */
  project: Codes;
  /** Its slot in its place's spiral, plus one (0: alone at its place); see stackOffset. */
  slot: Uint8Array;
  /** Its project's theme, an index into `themes`. */
  theme: Uint8Array;
  themes: string[];
  grid: Grid;
}
