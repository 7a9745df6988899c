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
}
