/**
 * Where the map's project layers come from, in one of two forms, chosen in createSources alone:
 *  - GeoJSON made in the page from the located projects (sites, the lines between a project's
 *    places, per-municipality counts when the data is dense); one circle layer per spiral slot;
 *    the selection is feature state;
 *  - vector tiles the build cut (data/tiles.ts, schema in src/sites/tiles.ts) for the sites, and
 *    the build's per-municipality counts for the overview until the projects are loaded; one
 *    circle layer (the spiral is in the tiles' geometry); the selection is the layer's filter.
 * Either way, the base map's own collections, and the features that draw each project.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { CircleLayerSpecification, FeatureIdentifier, FilterSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { BasemapData } from '../core/basemap';
import type { Filters } from '../core/filters';
import type { Project } from '../core/types';
import { idsByProject, linkFeatures, seatsOf, selectionMask, siteCounter, siteFeatures, usedSlots, type SiteCounter, type SiteProps } from '../sites/layout';
import { isDense } from '../sites/tiers';
import { selectionFilter, SITE_LAYER, tileFilter, type SiteSource, type SiteTiles } from '../sites/tiles';

/** Sites are drawn by one circle layer per spiral slot: 'sites' (alone at a place, or every tiled site), 'sites-0', … */
export const siteLayerId = (slot: number) => (slot < 0 ? 'sites' : `sites-${slot}`);
export const isSiteLayer = (id: string) => /^sites(-\d+)?$/.test(id);

/** A site layer as the style draws it at a spiral slot (its paint), before the sources say where its sites come from. */
export type SiteLayer = Omit<CircleLayerSpecification, 'source'>;

/** What a selection is written from. */
export interface Selection {
  /** Every located project the sources were made from. */
  projects: readonly Project[];
  visible: ReadonlySet<string>;
  /** The filters that made it (tiled sites filter on their own properties where they can). */
  filters: Filters;
  /** Its projects per municipality, when the dataset counted them (before a large dataset's records are in, too). */
  placeCounts: ReadonlyMap<string, number> | null;
}

export interface ProjectSources {
  /** The style's sources, by the names the layers use. */
  style: StyleSpecification['sources'];
  /** The site layers, each made by `layer` for its spiral slot. */
  siteLayers(layer: (slot: number) => SiteLayer): CircleLayerSpecification[];
  /** Dense data: the per-municipality counts drawn at overview zooms instead of every site. */
  counter: SiteCounter | null;
  /** The features that draw a project, for feature state. */
  featuresOf(project: string): FeatureIdentifier[];
  /** Shows `selection` on the map over `before` (null: a map with no selection written yet, everything shown). */
  writeSelection(map: MapLibreMap, selection: Selection, before: ReadonlySet<string> | null): void;
}

/** The sources in use: the map builds new ones when its projects change (an opened file, a loaded index). */
export interface SourcesRef {
  readonly current: ProjectSources;
}

/** The one switch between the delivery forms of sites. */
export const createSources = (basemap: BasemapData, { projects, tiles }: SiteSource): ProjectSources =>
  tiles ? tiledSources(basemap, projects, tiles) : geojsonSources(basemap, projects);

/** The overview's bubbles recounted for a selection (by the dataset, or here from the projects drawn). */
function writeCounts(map: MapLibreMap, counter: SiteCounter | null, { projects, visible, placeCounts }: Selection) {
  if (!counter) return;
  const counts = placeCounts ? counter.places.features.map((f) => placeCounts.get(f.properties.municipality) ?? 0) : counter.count(selectionMask(projects, visible));
  counts.forEach((count, id) => map.setFeatureState({ source: 'site-counts', id }, { count }));
}

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

function basemapSources(basemap: BasemapData): StyleSpecification['sources'] {
  return {
    countries: { type: 'geojson', data: basemap.countries },
    municipalities: { type: 'geojson', data: basemap.municipalities, promoteId: 'id' },
    boundaries: { type: 'geojson', data: basemap.boundaries },
    labels: { type: 'geojson', data: basemap.labels },
    network: { type: 'geojson', data: empty },
  };
}

function geojsonSources(basemap: BasemapData, projects: readonly Project[]): ProjectSources {
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
    siteLayers: (layer) => usedSlots(sites).map((slot) => ({ ...layer(slot), source: 'sites', filter: ['==', ['get', 'slot'], slot] })),
    counter,
    featuresOf,
    writeSelection(map, selection, before) {
      // Only what differs from the shown selection is written: a repaint, no re-tiling.
      for (const { id } of selection.projects) {
        const now = selection.visible.has(id);
        if (now !== (before?.has(id) ?? true)) for (const feature of featuresOf(id)) map.setFeatureState(feature, { out: !now });
      }
      writeCounts(map, counter, selection);
    },
  };
  function featuresOf(project: string): FeatureIdentifier[] {
    return [...(ids.sites.get(project) ?? []).map((id) => ({ source: 'sites', id })), ...(ids.links.get(project) ?? []).map((id) => ({ source: 'links', id }))];
  }
}

/** Sites from the built tiles; `projects` (the located ones, in the build's order) may still be loading (empty). */
function tiledSources(basemap: BasemapData, projects: readonly Project[], { set, overview }: SiteTiles): ProjectSources {
  // The same places, in the same order, as the build counted them.
  const counter: SiteCounter = projects.length ? siteCounter(projects, seatsOf(basemap)) : { places: overview.places, count: () => overview.counts };
  const index = new Map(projects.map((p, i) => [p.id, i]));
  return {
    style: {
      ...basemapSources(basemap),
      links: { type: 'geojson', data: empty },
      sites: { type: 'vector', tiles: [set.url], minzoom: set.minzoom, maxzoom: set.maxzoom, bounds: set.bounds },
      'site-counts': { type: 'geojson', data: counter.places },
    },
    // The tiles hold each stack's spiral in their geometry (data/tiles.ts): one layer draws every site.
    siteLayers: (layer) => [{ ...layer(-1), source: 'sites', 'source-layer': SITE_LAYER }],
    counter,
    featuresOf: (project) => (index.has(project) ? [{ source: 'sites', sourceLayer: SITE_LAYER, id: index.get(project)! }] : []),
    writeSelection(map, selection) {
      // Filters on project properties stay a small expression (before the projects are in, too);
      // others list the selected projects. Made here, not by a user: maplibre's validation would
      // only cost time on long lists.
      const filter = tileFilter(selection.filters) ?? selectionFilter(projects, selection.visible);
      map.setFilter(siteLayerId(-1), filter as FilterSpecification | null, { validate: false });
      writeCounts(map, counter, selection);
    },
  };
}
