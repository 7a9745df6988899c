/**
 * Where the map's project layers come from, in one of two forms, chosen in createSources alone:
 *  - GeoJSON made in the page from the located projects (sites, the lines between a project's
 *    places, per-municipality counts when the data is dense); one circle layer per spiral slot;
 *    the selection, highlight and rings are feature state;
 *  - a columnar dataset's points (src/sites/grid.ts), drawn by one GPU layer (points/layer.ts,
 *    loaded with the points: a small dataset never fetches it) from the zoom sites appear, with the
 *    build's per-municipality counts (recounted by the data worker) below it; the selection,
 *    highlight and rings are a byte per site.
 * Either way, the base map's own collections, and what draws each project.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { CircleLayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { BasemapData } from '../core/basemap';
import type { Filters } from '../core/filters';
import type { Project } from '../core/types';
import { idsByProject, linkFeatures, selectionMask, siteCounter, siteFeatures, usedSlots, type SiteCounter, type SiteProps } from '../sites/layout';
import { mercator } from '../sites/grid';
import type { PackedSites, SiteSource } from '../sites/source';
import { DETAIL_ZOOM, isDense } from '../sites/tiers';
import type { PointLayer } from './points/layer';
import { FRESH, HIGHLIGHT, OUT, POINT_LAYER, type SiteState } from './points/state';
import type { SitePaint } from './sitePaint';

/** Sites are drawn by one circle layer per spiral slot: 'sites' (alone at a place), 'sites-0', … (or by one GPU layer, 'sites'). */
export const siteLayerId = (slot: number) => (slot < 0 ? 'sites' : `sites-${slot}`);
export const isSiteLayer = (id: string) => /^sites(-\d+)?$/.test(id);

/** A site layer as the style draws it at a spiral slot (its paint), before the sources say where its sites come from. */
export type SiteLayer = Omit<CircleLayerSpecification, 'source'>;

/** What a selection is written from. */
export interface Selection {
  /** Every located project the sources were made from. */
  projects: readonly Project[];
  visible: ReadonlySet<string>;
  /** The selection as a byte per project in the dataset's order, when the dataset keeps it so; null: see `visible`. */
  mask: Uint8Array | null;
  /** The filters that made it. */
  filters: Filters;
  /** Its projects per municipality, when the dataset counted them (before a large dataset's records are in, too). */
  placeCounts: ReadonlyMap<string, number> | null;
}

/** What marks a project's sites beyond the selection. */
export type Mark = 'highlight' | 'fresh';

export interface ProjectSources {
  /** The style's sources, by the names the layers use. */
  style: StyleSpecification['sources'];
  /** The site layers of the style, each made by `layer` for its spiral slot; `paint` is the flavour's dots. */
  siteLayers(layer: (slot: number) => SiteLayer, paint: SitePaint): CircleLayerSpecification[];
  /** Dense data: the per-municipality counts drawn at overview zooms instead of every site. */
  counter: SiteCounter | null;
  /** Marks or unmarks a project's sites. */
  mark(map: MapLibreMap, project: string, mark: Mark, on: boolean): void;
  /** The selected projects with a site under a point of the screen, topmost first. */
  projectsAt(map: MapLibreMap, point: { x: number; y: number }, visible: ReadonlySet<string>): string[];
  /** Shows `selection` on the map over `before` (null: a map with no selection written yet, everything shown). */
  writeSelection(map: MapLibreMap, selection: Selection, before: ReadonlySet<string> | null): void;
}

/** The sources in use: the map builds new ones when its projects change (an opened file, a loaded index). */
export interface SourcesRef {
  readonly current: ProjectSources;
}

/** The one switch between the delivery forms of sites. */
export const createSources = (basemap: BasemapData, { projects, packed, seats }: SiteSource): ProjectSources =>
  packed ? pointSources(basemap, projects, packed, seats) : geojsonSources(basemap, projects, seats);

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

function geojsonSources(basemap: BasemapData, projects: readonly Project[], seats: SiteSource['seats']): ProjectSources {
  const sites: FeatureCollection<Point, SiteProps> = siteFeatures(projects);
  const dense = isDense(projects);
  // Dense data leaves each project's lines to the cooperation network.
  const links: FeatureCollection<LineString, { project: string }> = dense ? { type: 'FeatureCollection', features: [] } : linkFeatures(projects);
  const counter = dense ? siteCounter(projects, seats) : null;
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
    mark(map, project, mark, on) {
      for (const feature of featuresOf(project)) map.setFeatureState(feature, { [mark]: on });
    },
    projectsAt(map, point, visible) {
      const layers = map.getLayersOrder().filter(isSiteLayer);
      const ids = map.queryRenderedFeatures([point.x, point.y], { layers }).map((f) => String(f.properties.project));
      return [...new Set(ids)].filter((id) => visible.has(id));
    },
    writeSelection(map, selection, before) {
      // Only what differs from the shown selection is written: a repaint, no re-tiling.
      for (const { id } of selection.projects) {
        const now = selection.visible.has(id);
        if (now !== (before?.has(id) ?? true)) for (const feature of featuresOf(id)) map.setFeatureState(feature, { out: !now });
      }
      writeCounts(map, counter, selection);
    },
  };
  function featuresOf(project: string): { source: string; id: number }[] {
    return [...(ids.sites.get(project) ?? []).map((id) => ({ source: 'sites', id })), ...(ids.links.get(project) ?? []).map((id) => ({ source: 'links', id }))];
  }
}

/** The GPU layer's code and its hit test. */
const loadGpu = () => Promise.all([import('./points/layer'), import('./points/hit')]).then(([layer, hit]) => ({ ...layer, ...hit }));

/** A columnar dataset's sites: the build's overview until the points are in, then the points on the GPU. */
function pointSources(basemap: BasemapData, projects: readonly Project[], { overview, points, ids }: PackedSites, seats: SiteSource['seats']): ProjectSources {
  // The same places, in the same order, as the build counted them.
  const counter: SiteCounter = projects.length ? siteCounter(projects, seats) : { places: overview.places, count: () => overview.counts };
  const state: SiteState = { bytes: new Uint8Array(points?.count ?? 0), version: 0 };
  const layers = new WeakMap<MapLibreMap, PointLayer>();
  let paint: SitePaint | null = null;
  let gpu: Awaited<ReturnType<typeof loadGpu>> | null = null;
  /** The selection last written, to write again once the GPU code is in. */
  let written: { map: MapLibreMap; selection: Selection } | null = null;
  if (points)
    void loadGpu().then((loaded) => {
      gpu = loaded;
      if (written) writePoints(written.map, written.selection);
    });
  let indexOf: Map<string, number> | null = null;
  /** Each project's sites: sites[starts[p]..starts[p + 1]). */
  let byProject: { starts: Int32Array; sites: Int32Array } | null = null;

  /** This map's layer, added under the place names if it is not there (a new map, or a style set whole). */
  function layerOn(map: MapLibreMap): PointLayer | null {
    if (!points || !paint || !gpu) return null;
    let layer = layers.get(map);
    const there = (map.getLayer(POINT_LAYER) as { implementation?: unknown } | undefined)?.implementation;
    if (!layer || there !== layer) {
      if (there) map.removeLayer(POINT_LAYER);
      layers.set(map, (layer = new gpu.PointLayer(points, state, paint, DETAIL_ZOOM)));
      map.addLayer(layer, map.getLayersOrder().find((id) => map.getLayer(id)?.type === 'symbol'));
    }
    layer.paint = paint;
    return layer;
  }
  function sitesOf(project: string): ArrayLike<number> {
    if (!points) return [];
    indexOf ??= new Map(ids.map((id, i) => [id, i]));
    const p = indexOf.get(project);
    if (p === undefined) return [];
    if (!byProject) {
      const starts = new Int32Array(ids.length + 1);
      for (let i = 0; i < points.count; i++) starts[points.project[i] + 1]++;
      for (let q = 0; q < ids.length; q++) starts[q + 1] += starts[q];
      const sites = new Int32Array(points.count);
      const next = starts.slice(0, ids.length);
      for (let i = 0; i < points.count; i++) sites[next[points.project[i]]++] = i;
      byProject = { starts, sites };
    }
    return byProject.sites.subarray(byProject.starts[p], byProject.starts[p + 1]);
  }
  const bit = { highlight: HIGHLIGHT, fresh: FRESH } as const;
  return {
    style: {
      ...basemapSources(basemap),
      links: { type: 'geojson', data: empty },
      'site-counts': { type: 'geojson', data: counter.places },
    },
    siteLayers(_layer, flavourPaint) {
      paint = flavourPaint;
      return [];
    },
    counter,
    mark(map, project, mark, on) {
      const sites = sitesOf(project);
      if (!sites.length) return;
      for (let k = 0; k < sites.length; k++) state.bytes[sites[k]] = on ? state.bytes[sites[k]] | bit[mark] : state.bytes[sites[k]] & ~bit[mark];
      state.version++;
      if (layerOn(map)) map.triggerRepaint();
    },
    projectsAt(map, { x, y }) {
      if (!points || !paint || !gpu || map.getZoom() < DETAIL_ZOOM) return [];
      const { lng, lat } = map.unproject([x, y]);
      const hits = gpu.sitesAt(points, mercator(lng, lat), gpu.reachOf(paint, map.getZoom()), (i) => (state.bytes[i] & OUT) !== 0);
      // The last drawn is on top.
      return [...new Set(hits.reverse().map((i) => ids[points.project[i]]))];
    },
    writeSelection(map, selection) {
      writeCounts(map, counter, selection);
      writePoints(map, selection);
    },
  };

  function writePoints(map: MapLibreMap, selection: Selection): void {
    written = { map, selection };
    if (!points || !layerOn(map)) return;
    const { mask } = selection;
    for (let i = 0; i < points.count; i++) state.bytes[i] = mask && mask[points.project[i]] === 0 ? state.bytes[i] | OUT : state.bytes[i] & ~OUT;
    state.version++;
    map.triggerRepaint();
  }
}
