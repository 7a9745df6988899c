/**
 * A large dataset as the build delivers it: the sites as vector tiles and a first view the build
 * derived, drawn before any project is in the page; the projects come after the map's first frame
 * (or at once for a view or a page the first view cannot give), and from then on every view is
 * derived as for a plain dataset.
 */
import type { BasemapData } from '../core/basemap';
import { mark } from '../core/marks';
import type { AtlasData, Project } from '../core/types';
import type { SiteTiles } from '../sites/tiles';
import { previewShows } from '../state/preview';
import { indexData, type View } from '../state/view';
import type { Dataset } from './dataset';
import { plainDataset } from './plain';

export interface TiledDelivery {
  /** The dataset without its projects: municipalities, objectives, stories. */
  head: AtlasData;
  basemap: BasemapData;
  /** The build's view of every project with no filter; its project lists are pending. */
  firstView: View;
  tiles: SiteTiles;
  details: (project: Project) => Promise<Project>;
  projects(): Promise<AtlasData>;
  search(): Promise<string[]>;
}

export function tiledDataset({ head, basemap, firstView, tiles, details, projects, search }: TiledDelivery): Dataset {
  const first = indexData(head);
  const firstSites = { projects: [], tiles };
  let whole: Dataset | null = null;
  let failure: string | null = null;
  let asked = false;
  const listeners = new Set<() => void>();
  const load = () => {
    if (asked) return;
    asked = true;
    projects()
      .then(
        (all) => {
          whole = plainDataset(all, basemap, { details, tiles, search });
          mark('atlas:projects');
        },
        (error: Error) => void (failure = error.message),
      )
      .then(() => listeners.forEach((listener) => listener()));
  };
  return {
    basemap,
    get indexed() {
      return whole?.indexed ?? first;
    },
    get complete() {
      return whole !== null;
    },
    get sites() {
      return whole?.sites ?? firstSites;
    },
    siteCount: tiles.overview.sites,
    get failure() {
      return failure;
    },
    view(input, page) {
      if (whole) return whole.view(input, page);
      // The first view stands for the map with no filter; any other view, or a list of its projects, needs them.
      const shows = previewShows(input);
      if (!shows || page !== 'map') load();
      return shows ? firstView : null;
    },
    details,
    drawn: load,
    needSearch: () => whole?.needSearch(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
