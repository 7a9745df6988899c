/**
 * Where the map's project layers come from, in one of two forms chosen by the dataset's size:
 *  - GeoJSON made in the page from the located projects (sites, the lines between a project's
 *    places, per-municipality counts when the data is dense); the selection is feature state;
 *  - vector tiles the build cut (data/tiles.ts) for the sites, and the build's per-municipality
 *    counts for the overview until the projects are loaded; the selection is a filter.
 * Either way, the base map's own collections, and the features that draw each project.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { FeatureIdentifier, StyleSpecification } from 'maplibre-gl';
import type { BasemapData } from '../core/basemap';
import type { Project } from '../core/types';
import { idsByProject, isDense, linkFeatures, siteCounter, siteFeatures, usedSlots, type CountProps, type SiteCounter, type SiteProps } from './sites';

/** The vector tiles' layer of sites, and their deepest zoom (deeper zooms enlarge it). */
export const SITE_LAYER = 'sites';
export const TILE_MAXZOOM = 11;

/** The built tiles of a large dataset. */
export interface TileSet {
  /** Absolute URL template, {z}/{x}/{y}. */
  url: string;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
}

/** The build's overview of a large dataset: the counts' places, their counts with no filter, the sites. */
export interface Overview {
  places: FeatureCollection<Point, CountProps>;
  counts: number[];
  /** How many sites the tiles hold. */
  sites: number;
}

export interface ProjectSources {
  /** The style's sources, by the names the layers use. */
  style: StyleSpecification['sources'];
  /** Spiral slots the sites use (one circle layer each). */
  slots: number[];
  /** Dense data: the per-municipality counts drawn at overview zooms instead of every site. */
  counter: SiteCounter | null;
  /** Sites from vector tiles: the selection is a filter on `p`, the located project's index. */
  tiled: boolean;
  /** The features that draw a project, for feature state. */
  featuresOf(project: string): FeatureIdentifier[];
}

/** The sources in use: the map builds new ones when its projects change (an opened file, a loaded index). */
export interface SourcesRef {
  readonly current: ProjectSources;
}

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Each municipality's seat, where its label is: the overview's counts stand there. */
export const seatsOf = (basemap: BasemapData) => new Map(basemap.labels.features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]]));

function basemapSources(basemap: BasemapData): StyleSpecification['sources'] {
  return {
    countries: { type: 'geojson', data: basemap.countries },
    municipalities: { type: 'geojson', data: basemap.municipalities, promoteId: 'id' },
    boundaries: { type: 'geojson', data: basemap.boundaries },
    labels: { type: 'geojson', data: basemap.labels },
    network: { type: 'geojson', data: empty },
  };
}

export function geojsonSources(basemap: BasemapData, projects: readonly Project[]): ProjectSources {
  const sites: FeatureCollection<Point, SiteProps> = siteFeatures(projects);
  const dense = isDense(projects);
  // Dense data leaves each project's lines to the cooperation network.
  const links: FeatureCollection<LineString, { project: string }> = dense ? { type: 'FeatureCollection', features: [] } : linkFeatures(projects);
  const counter = dense ? siteCounter(projects, seatsOf(basemap)) : null;
  const ids = { sites: idsByProject(sites), links: idsByProject(links) };
  return {
    style: {
      ...basemapSources(basemap),
      links: { type: 'geojson', data: links },
      sites: { type: 'geojson', data: sites },
      ...(counter ? { 'site-counts': { type: 'geojson', data: counter.places } } : {}),
    },
    slots: usedSlots(sites),
    counter,
    tiled: false,
    featuresOf: (project) => [
      ...(ids.sites.get(project) ?? []).map((id) => ({ source: 'sites', id })),
      ...(ids.links.get(project) ?? []).map((id) => ({ source: 'links', id })),
    ],
  };
}

/** Sites from the built tiles; `projects` (the located ones, in the build's order) may still be loading (empty). */
export function tiledSources(basemap: BasemapData, projects: readonly Project[], tiles: TileSet, overview: Overview): ProjectSources {
  // The same places, in the same order, as the build counted them.
  const counter: SiteCounter = projects.length ? siteCounter(projects, seatsOf(basemap)) : { places: overview.places, count: () => overview.counts };
  const index = new Map(projects.map((p, i) => [p.id, i]));
  return {
    style: {
      ...basemapSources(basemap),
      links: { type: 'geojson', data: empty },
      sites: { type: 'vector', tiles: [tiles.url], minzoom: tiles.minzoom, maxzoom: tiles.maxzoom, bounds: tiles.bounds },
      'site-counts': { type: 'geojson', data: counter.places },
    },
    // The tiles hold each stack's spiral in their geometry (data/tiles.ts): one layer draws every site.
    slots: [-1],
    counter,
    tiled: true,
    featuresOf: (project) => (index.has(project) ? [{ source: 'sites', sourceLayer: SITE_LAYER, id: index.get(project)! }] : []),
  };
}
