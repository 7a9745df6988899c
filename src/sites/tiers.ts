/**
 * How a dataset's sites are drawn, by their number: the one place that decides it, for the build
 * (which packs a columnar dataset's files) and for the map.
 *  - plain: every site and each project's lines, at every zoom;
 *  - dense (above DENSE_SITES): overview zooms draw one bubble per municipality with its number of
 *    selected projects, sites appear from DETAIL_ZOOM on, and each project's lines are left to the
 *    cooperation network — tens of thousands of dots and lines cannot be read at the overview, and
 *    drawing them costs seconds per frame without a GPU;
 *  - columnar (above COLUMNAR_SITES): dense, its first view derived by the build, its projects as
 *    columns a data worker reads after the first frame, its sites as points drawn on the GPU
 *    (sites/points.ts, data/pack-site.ts); below it the page loads every (slim) project at once:
 *    at 20,000 sites that file is about 1 MB gzip and indexing it takes a few hundred milliseconds.
 */
import type { Project } from '../core/types';

export const DENSE_SITES = 5000;
export const COLUMNAR_SITES = 20_000;
/** The zoom from which a dense dataset draws each site. */
export const DETAIL_ZOOM = 9;

export type Tier = 'plain' | 'dense' | 'columnar';

export const siteCount = (projects: readonly Project[]) => projects.reduce((n, p) => n + p.locations.length, 0);

export const tierOf = (sites: number): Tier => (sites > COLUMNAR_SITES ? 'columnar' : sites > DENSE_SITES ? 'dense' : 'plain');

export const isDense = (projects: readonly Project[]) => tierOf(siteCount(projects)) !== 'plain';
