/** What the map draws sites from, whichever form the dataset delivers them in. */
import type { FeatureCollection, Point } from 'geojson';
import type { Project } from '../core/types';
import type { CountProps } from './layout';
import type { SitePoints } from './grid';

/** The build's overview of a packed dataset: the counts' places, their counts with no filter, the sites. */
export interface Overview {
  places: FeatureCollection<Point, CountProps>;
  counts: number[];
  /** How many sites there are. */
  sites: number;
}

/**
 * The overview as the build writes it: the places in the counter's order by their municipality,
 * with a position only where the municipality has no seat (the page has the seats in its base map).
 */
export interface OverviewFile {
  municipalities: string[];
  unseated: Record<string, [number, number]>;
  counts: number[];
  sites: number;
}

export function overviewFile({ places, counts, sites }: Overview, seats: ReadonlyMap<string, [number, number]>): OverviewFile {
  const unseated: Record<string, [number, number]> = {};
  for (const f of places.features) if (!seats.has(f.properties.municipality)) unseated[f.properties.municipality] = f.geometry.coordinates as [number, number];
  return { municipalities: places.features.map((f) => f.properties.municipality), unseated, counts, sites };
}

/** overviewFile undone, with the same seats; `file` names the file in the error. */
export function overviewOf({ municipalities, unseated, counts, sites }: OverviewFile, seats: ReadonlyMap<string, [number, number]>, file: string): Overview {
  const at = (m: string) => {
    const position = seats.get(m) ?? unseated[m];
    if (!position) throw new Error(`${file}: the overview's ${m} has no seat in the base map and no position`);
    return position;
  };
  return {
    places: { type: 'FeatureCollection', features: municipalities.map((municipality, id) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: at(municipality) }, properties: { municipality } })) },
    counts,
    sites,
  };
}

/** A packed dataset's sites: the build's overview at once, the points once the data worker has read them. */
export interface PackedSites {
  overview: Overview;
  points: SitePoints | null;
  /** The projects' ids in the dataset's order (what a site's `project` indexes); empty until the points come. */
  ids: readonly string[];
}

/** The located projects (a packed dataset's only once its records are in) and, for a packed dataset, its points. */
export interface SiteSource {
  projects: readonly Project[];
  packed: PackedSites | null;
  /** Where each municipality's count stands at the overview (sites/layout.ts: seatsOf). */
  seats: ReadonlyMap<string, [number, number]>;
}
