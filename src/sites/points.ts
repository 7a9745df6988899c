/**
 * A columnar dataset's sites as one Arrow IPC file (what they are: ./grid.ts): the build writes it,
 * the data worker reads it and hands the points to the page, which draws them on the GPU
 * (map/points/). A filter changes a byte per site there; nothing is re-read or re-tiled.
 */
import { tableFromColumns, tableToIPC } from '@uwdata/flechette';
import type { Project } from '../core/types';
import { narrow, type Codes } from '../engine/columns';
import { readTable, typedColumn } from '../engine/arrow';
import { cellIndex, mercator, type Grid, type SitePoints } from './grid';
import { siteFeatures } from './layout';

/** Cells per side of the grid: at the zoom sites appear, a view covers a few dozen of them. */
const GRID_CELLS = 64;
const META = 'atlas:points';

/** The sites as the build writes them: each at one of the distinct `places` (x, y interleaved). */
interface PackedPoints {
  project: Codes;
  place: Codes;
  slot: Uint8Array;
  theme: Uint8Array;
  places: Float64Array;
  themes: string[];
  grid: Omit<Grid, 'starts'>;
}

/** The sites of `projects` (the dataset's, in its order), sorted by cell. */
function packPoints(projects: readonly Project[]): PackedPoints {
  const indexOf = new Map(projects.map((p, i) => [p.id, i]));
  const sites = siteFeatures(projects.filter((p) => p.locations.length > 0)).features;
  const placeOf = new Map<string, number>();
  const places: number[] = [];
  const themes: string[] = [];
  const raw = sites.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${lon},${lat}`;
    let place = placeOf.get(key);
    if (place === undefined) placeOf.set(key, (place = places.push(...mercator(lon, lat)) / 2 - 1));
    let theme = themes.indexOf(f.properties.theme);
    if (theme < 0) theme = themes.push(f.properties.theme) - 1;
    return { project: indexOf.get(f.properties.project)!, place, slot: f.properties.slot + 1, theme };
  });
  let [x0, y0, x1, y1] = [1, 1, 0, 0];
  for (let i = 0; i < places.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, places[i]), Math.min(y0, places[i + 1]), Math.max(x1, places[i]), Math.max(y1, places[i + 1])];
  const grid = { bounds: [x0, y0, x1, y1] as Grid['bounds'], size: GRID_CELLS };
  const cell = (place: number) => cellIndex(grid, places[2 * place], places[2 * place + 1]);
  // Within a cell, by project: a project's sites there lie together.
  raw.sort((a, b) => cell(a.place) - cell(b.place) || a.project - b.project);
  return {
    project: narrow(raw.map((s) => s.project)),
    place: narrow(raw.map((s) => s.place)),
    slot: Uint8Array.from(raw, (s) => s.slot),
    theme: Uint8Array.from(raw, (s) => s.theme),
    places: Float64Array.from(places),
    themes,
    grid,
  };
}

/** The build's file of the sites of `projects` (the dataset's, in its order). */
export function pointsToArrow(projects: readonly Project[]): Uint8Array {
  const { project, place, slot, theme, places, themes, grid } = packPoints(projects);
  const table = tableFromColumns({ project: typedColumn(project), place: typedColumn(place), slot: typedColumn(slot), theme: typedColumn(theme) });
  // The places are few (one per settlement with sites): in the metadata, beside the themes and the grid.
  table.schema.metadata = new Map([[META, JSON.stringify({ places: [...places], themes, grid })]]);
  return tableToIPC(table, { format: 'file' })!;
}

/** Reads what pointsToArrow wrote; `name` names the file in the errors. */
export function pointsFromArrow(bytes: Uint8Array, name: string): SitePoints {
  const file = readTable(bytes, name);
  const read = (column: string) => file.batch(column).values as Codes;
  const { places, themes, grid } = JSON.parse(file.metadata(META)) as { places: number[]; themes: string[]; grid: Omit<Grid, 'starts'> };
  const place = read('place');
  const count = place.length;
  const position = new Float32Array(2 * count);
  const starts = new Int32Array(grid.size * grid.size + 1);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const p = place[i];
    if (2 * p + 1 >= places.length) throw new Error(`${name}: site ${i} is at place ${p}, and there are ${places.length / 2} places`);
    const [x, y] = [places[2 * p], places[2 * p + 1]];
    [position[2 * i], position[2 * i + 1]] = [x, y];
    const cell = cellIndex(grid, x, y);
    if (cell < previous) throw new Error(`${name}: site ${i} is out of its grid cell's order`);
    starts[(previous = cell) + 1]++;
  }
  for (let c = 0; c < grid.size * grid.size; c++) starts[c + 1] += starts[c];
  return { count, position, project: read('project'), slot: read('slot') as Uint8Array, theme: read('theme') as Uint8Array, themes, grid: { ...grid, starts } };
}
