/**
 * How a dataset's sites are drawn, by their number: the one place that decides it, for the build
 * (which cuts tiles for a tiled dataset) and for the map.
 *  - plain: every site and each project's lines, at every zoom;
 *  - dense (above DENSE_SITES): overview zooms draw one bubble per municipality with its number of
 *    selected projects, sites appear from DETAIL_ZOOM on, and each project's lines are left to the
 *    cooperation network — tens of thousands of dots and lines cannot be read at the overview, and
 *    drawing them costs seconds per frame without a GPU;
 *  - tiled (above TILED_SITES): dense, with the sites cut into vector tiles by the build, its first
 *    view derived by the build and its projects loaded after the first frame (data-plugin.ts);
 *    below it the page loads every (slim) project at once: at 20,000 sites that file is about
 *    1 MB gzip and indexing it takes a few hundred milliseconds.
 */
import type { Project } from '../core/types';

export const DENSE_SITES = 5000;
export const TILED_SITES = 20_000;
/** The zoom from which a dense dataset draws each site. */
export const DETAIL_ZOOM = 9;
/** The deepest zoom the build cuts tiles for (deeper zooms enlarge it). */
export const TILE_MAXZOOM = 11;

export type Tier = 'plain' | 'dense' | 'tiled';

export const siteCount = (projects: readonly Project[]) => projects.reduce((n, p) => n + p.locations.length, 0);

export const tierOf = (sites: number): Tier => (sites > TILED_SITES ? 'tiled' : sites > DENSE_SITES ? 'dense' : 'plain');

export const isDense = (projects: readonly Project[]) => tierOf(siteCount(projects)) !== 'plain';
