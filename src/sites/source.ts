/**
 * The contract between the build's vector tiles of a tiled dataset (data/tiles.ts cuts them) and the
 * map that draws them: the layer, what each site feature carries, and the filters that read it.
 * Every property written here is read by a filter below or by the map's clicks (`project`).
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import type { Filters } from '../core/filters';
import type { Project } from '../core/types';
import type { CountProps } from './layout';

/** The tiles' one layer. */
export const SITE_LAYER = 'sites';

/**
 * The tiles hold each stack's spiral in their geometry, so one spacing serves every flavour: that of
 * the largest dots any flavour draws (the presenter's, 1.5×). Base-size dots stand a little apart.
 */
export const TILE_SITE_SCALE = 1.5;

/** What a tiled site carries. */
export interface SiteTileProps {
  /** The project's id (what a click opens). */
  project: string;
  /** The project's index among the located projects, also the feature's id: the selection filter and feature state key on it. */
  p: number;
  theme: string;
  period: string;
  type: string;
  /** '' for none. */
  objective: string;
  /** Euros; absent when unknown. */
  total?: number;
}

/** The tile properties of a project's site (`index`: the project's among the located). */
export function siteTileProps(project: Project, index: number): SiteTileProps {
  return {
    project: project.id,
    p: index,
    theme: project.theme,
    period: project.period ?? 'unknown',
    type: project.type ?? 'unknown',
    objective: project.objective ?? '',
    ...(project.total?.value != null ? { total: project.total.value } : {}),
  };
}

/** The built tiles of a tiled dataset. */
export interface TileSet {
  /** Absolute URL template, {z}/{x}/{y}. */
  url: string;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
}

/** The build's overview of a tiled dataset: the counts' places, their counts with no filter, the sites. */
export interface Overview {
  places: FeatureCollection<Point, CountProps>;
  counts: number[];
  /** How many sites the tiles hold. */
  sites: number;
}

/** A tiled dataset's tiles and the build's overview of them. */
export interface SiteTiles {
  set: TileSet;
  overview: Overview;
}

/** What the map draws sites from: the located projects (none yet while a large dataset's load), and the tiles a build cut. */
export interface SiteSource {
  projects: readonly Project[];
  tiles: SiteTiles | null;
}

/**
 * Filters that are properties of a project, as an expression on the tiles' properties: small
 * whatever the number of sites. Null when another filter is active (search, places, countries:
 * their match is over a project's every place and partner), or none.
 */
export function tileFilter(f: Filters): ExpressionSpecification | null {
  if (f.q.trim() || f.year || f.countries.length || f.districts.length || f.municipalities.length) return null;
  const oneOf = (property: keyof SiteTileProps, values: readonly string[]): ExpressionSpecification => ['match', ['get', property], [...values], true, false];
  const parts: ExpressionSpecification[] = [];
  if (f.themes.length) parts.push(oneOf('theme', f.themes));
  if (f.periods.length) parts.push(oneOf('period', f.periods));
  if (f.types.length) parts.push(oneOf('type', f.types));
  if (f.objectives.length) parts.push(oneOf('objective', f.objectives));
  if (f.budget) {
    parts.push(['has', 'total']);
    if (f.budget.min !== null) parts.push(['>=', ['get', 'total'], f.budget.min]);
    if (f.budget.max !== null) parts.push(['<=', ['get', 'total'], f.budget.max]);
  }
  return parts.length ? ['all', ...parts] : null;
}

/**
 * The selection as a filter on the tiles' `p`: a match on the shorter of the lists in and out of
 * the selection; null when every located project is in it.
 */
export function selectionFilter(projects: readonly Project[], visible: ReadonlySet<string>): ExpressionSpecification | null {
  const inside: number[] = [];
  const outside: number[] = [];
  projects.forEach((p, i) => (visible.has(p.id) ? inside : outside).push(i));
  if (!outside.length) return null;
  if (!inside.length) return ['==', ['get', 'p'], -1];
  const [list, member] = inside.length <= outside.length ? [inside, true] : [outside, false];
  return ['match', ['get', 'p'], list, member, !member];
}
