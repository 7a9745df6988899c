/**
 * Where the map's project layers come from: GeoJSON made once from the located projects (sites,
 * the lines between a project's places, per-municipality counts when the data is dense), the
 * base map's own collections, and the feature ids of each project for writing feature state.
 * A vector-tile source will offer the same interface.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapData } from '../core/basemap';
import type { Project } from '../core/types';
import { idsByProject, isDense, linkFeatures, siteCounter, siteFeatures, usedSlots, type SiteCounter, type SiteProps } from './sites';

export interface ProjectSources {
  /** The style's sources, by the names the layers use. */
  style: StyleSpecification['sources'];
  /** Spiral slots the sites use (one circle layer each). */
  slots: number[];
  /** Dense data: the per-municipality counts drawn at overview zooms instead of every site. */
  counter: SiteCounter | null;
  /** The features that draw a project, for feature state. */
  featuresOf(project: string): { source: 'sites' | 'links'; id: number }[];
}

export function geojsonSources(basemap: BasemapData, projects: readonly Project[]): ProjectSources {
  const sites: FeatureCollection<Point, SiteProps> = siteFeatures(projects);
  const dense = isDense(projects);
  // Dense data leaves each project's lines to the cooperation network.
  const links: FeatureCollection<LineString, { project: string }> = dense ? { type: 'FeatureCollection', features: [] } : linkFeatures(projects);
  const seats = new Map(basemap.labels.features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]]));
  const counter = dense ? siteCounter(projects, seats) : null;
  const ids = { sites: idsByProject(sites), links: idsByProject(links) };
  return {
    style: {
      countries: { type: 'geojson', data: basemap.countries },
      municipalities: { type: 'geojson', data: basemap.municipalities, promoteId: 'id' },
      boundaries: { type: 'geojson', data: basemap.boundaries },
      labels: { type: 'geojson', data: basemap.labels },
      links: { type: 'geojson', data: links },
      network: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      sites: { type: 'geojson', data: sites },
      ...(counter ? { 'site-counts': { type: 'geojson', data: counter.places } } : {}),
    },
    slots: usedSlots(sites),
    counter,
    featuresOf: (project) => [
      ...(ids.sites.get(project) ?? []).map((id) => ({ source: 'sites' as const, id })),
      ...(ids.links.get(project) ?? []).map((id) => ({ source: 'links' as const, id })),
    ],
  };
}
