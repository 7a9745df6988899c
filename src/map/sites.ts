/**
 * GeoJSON for the project layers: one point per project and place, and lines joining a project's
 * places on the two sides of the border. Pure: no maplibre, so it is unit-tested directly.
 *
 * Many projects share a town (a dozen at Montana, Pirot, Vidin). Their points are fanned out in a
 * sunflower (Vogel) spiral of screen-pixel offsets around the town, so every project stays
 * visible and clickable at every zoom.
 */
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import { THEME_IDS, type ThemeId } from '../core/themes';
import type { Project } from '../core/types';

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
/** Spiral spacing of a stack, in CSS pixels: neighbours end up more than a dot apart. */
export const STACK_SPACING = 10;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const THEME_ORDER = [...THEME_IDS, 'unclassified'];

/** Offset of a stack's slot (−1: alone at its settlement, no offset). */
export function stackOffset(slot: number, spacing = STACK_SPACING): [number, number] {
  if (slot < 0) return [0, 0];
  const index = slot;
  const r = spacing * Math.sqrt(index + 0.5);
  const a = index * GOLDEN_ANGLE;
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
      (a, b) => THEME_ORDER.indexOf(a.project.theme) - THEME_ORDER.indexOf(b.project.theme) || a.project.id.localeCompare(b.project.id),
    );
    list.forEach(({ project, lon, lat }, i) => {
      features.push({
        type: 'Feature',
        id: features.length,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { project: project.id, theme: project.theme, settlement, slot: list.length > 1 ? i : -1, stack: list.length },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

export function linkFeatures(projects: readonly Project[]): FeatureCollection<LineString, LinkProps> {
  const features: Feature<LineString, LinkProps>[] = [];
  for (const project of projects) {
    const bg = project.locations.filter((l) => l.country === 'BG');
    const rs = project.locations.filter((l) => l.country === 'RS');
    for (const a of bg) {
      for (const b of rs) {
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
  for (const f of collection.features) ids.set(f.properties.project, [...(ids.get(f.properties.project) ?? []), Number(f.id)]);
  return ids;
}
