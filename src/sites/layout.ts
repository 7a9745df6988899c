/**
 * Where each site is drawn, for the map (GeoJSON made in the page) and the build (the tiles cut
 * from the same features): one point per project and place, lines joining a project's places in
 * different countries, and the per-municipality counts of the dense overview. Pure.
 *
 * Many projects share a town (a dozen at Montana, Pirot, Vidin). Their points are fanned out in a
 * sunflower (Vogel) spiral of screen-pixel offsets around the town, so every project stays
 * visible and clickable at every zoom. The spiral has at most MAX_FAN slots: beyond that, points
 * share slots and a click there lists every project under the pointer.
 */
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import type { BasemapData } from '../core/basemap';
import { ALL_THEMES, type ThemeId } from '../core/themes';
import type { MunicipalityRecord, Project } from '../core/types';

export interface SiteProps {
  project: string;
  theme: ThemeId;
  settlement: string;
  /** Position in the stack at this settlement; its screen offset is stackOffset(slot). */
  slot: number;
  /** Number of project points at this settlement. */
  stack: number;
}

export interface LinkProps {
  project: string;
  theme: ThemeId;
}

/** Site dot diameter in CSS pixels, outline included. */
export const SITE_DIAMETER = 12;
export const SITE_OUTLINE = 1.5;
/** Slots of the spiral, each a map layer of its own (a circle's offset cannot vary per feature). */
export const MAX_FAN = 40;

/** Spiral spacing of a stack of dots of the base size, in CSS pixels: neighbours end up more than a dot apart. */
const STACK_SPACING = 10;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Screen offset of a stack's slot (−1: alone at its settlement, no offset) for dots `scale` times the base size. */
export function stackOffset(slot: number, scale = 1): [number, number] {
  if (slot < 0) return [0, 0];
  const r = STACK_SPACING * scale * Math.sqrt(slot + 0.5);
  const a = slot * GOLDEN_ANGLE;
  return [Math.round(r * Math.cos(a) * 10) / 10, Math.round(r * Math.sin(a) * 10) / 10];
}

export function siteFeatures(projects: readonly Project[]): FeatureCollection<Point, SiteProps> {
  const bySettlement = new Map<string, { project: Project; lon: number; lat: number }[]>();
  for (const project of projects) {
    for (const l of project.locations) {
      const list = bySettlement.get(l.settlementId) ?? [];
      list.push({ project, lon: l.lon, lat: l.lat });
      bySettlement.set(l.settlementId, list);
    }
  }
  const features: Feature<Point, SiteProps>[] = [];
  for (const [settlement, list] of bySettlement) {
    list.sort(
      (a, b) => ALL_THEMES.indexOf(a.project.theme) - ALL_THEMES.indexOf(b.project.theme) || a.project.id.localeCompare(b.project.id),
    );
    list.forEach(({ project, lon, lat }, i) => {
      features.push({
        type: 'Feature',
        id: features.length,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { project: project.id, theme: project.theme, settlement, slot: list.length > 1 ? i % MAX_FAN : -1, stack: list.length },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

export function linkFeatures(projects: readonly Project[]): FeatureCollection<LineString, LinkProps> {
  const features: Feature<LineString, LinkProps>[] = [];
  for (const project of projects) {
    // Across every border the project spans, each pair of places once.
    for (const a of project.locations) {
      for (const b of project.locations.filter((l) => l.country > a.country)) {
        features.push({
          type: 'Feature',
          id: features.length,
          geometry: { type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] },
          properties: { project: project.id, theme: project.theme },
        });
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Feature ids of each project in a collection, for feature-state highlighting. */
export function idsByProject(collection: FeatureCollection<Geometry, { project: string }>): Map<string, number[]> {
  const ids = new Map<string, number[]>();
  for (const f of collection.features) {
    const list = ids.get(f.properties.project);
    if (list) list.push(Number(f.id));
    else ids.set(f.properties.project, [Number(f.id)]);
  }
  return ids;
}

/** The selection as a mask over a project list: 1 at the index of each project in it, 0 elsewhere. */
export function selectionMask(projects: readonly Project[], visible: ReadonlySet<string>): number[] {
  return projects.map((p) => (visible.has(p.id) ? 1 : 0));
}

/** The spiral slots a collection uses: −1 (alone) and 0 … its largest stack − 1. */
export function usedSlots(sites: FeatureCollection<Point, SiteProps>): number[] {
  const largest = sites.features.reduce((most, f) => (f.properties.slot < 0 ? most : Math.max(most, Math.min(MAX_FAN, f.properties.stack))), 0);
  return [-1, ...Array.from({ length: largest }, (_, slot) => slot)];
}

/**
 * Each municipality's seat, where the overview's counts stand: where its label is on the base map,
 * else (a municipality outside the programme area) its record's seat.
 */
export function seatsOf(basemap: BasemapData, municipalities: readonly MunicipalityRecord[]): ReadonlyMap<string, [number, number]> {
  const seats = new Map(municipalities.flatMap((m) => (m.seat ? [[m.id, m.seat] as const] : [])));
  for (const f of basemap.labels.features) seats.set(f.properties.id, f.geometry.coordinates as [number, number]);
  return seats;
}

export interface CountProps {
  municipality: string;
}

export interface SiteCounter {
  /** One point per municipality with sites: its seat, or for a municipality without one the mean of its sites. Feature ids are indexes into count's result. */
  places: FeatureCollection<Point, CountProps>;
  /** The number of selected projects with a site in each place (a project counts once per place). */
  count(mask: readonly number[]): number[];
}

/** Counts selected projects per municipality for the dense overview. Set up once per dataset; a count is one pass over the projects. */
export function siteCounter(projects: readonly Project[], seats: ReadonlyMap<string, [number, number]>): SiteCounter {
  const byMunicipality = new Map<string, { projects: Set<number>; lon: number; lat: number; sites: number }>();
  projects.forEach((project, index) => {
    for (const l of project.locations) {
      const m = byMunicipality.get(l.municipalityId) ?? { projects: new Set<number>(), lon: 0, lat: 0, sites: 0 };
      m.projects.add(index);
      m.lon += l.lon;
      m.lat += l.lat;
      m.sites++;
      byMunicipality.set(l.municipalityId, m);
    }
  });
  const places = [...byMunicipality];
  const members = places.map(([, m]) => [...m.projects]);
  return {
    places: {
      type: 'FeatureCollection',
      features: places.map(([municipality, m], id) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: seats.get(municipality) ?? [m.lon / m.sites, m.lat / m.sites] },
        properties: { municipality },
      })),
    },
    count: (mask) => members.map((indexes) => indexes.reduce((n, i) => n + mask[i], 0)),
  };
}
