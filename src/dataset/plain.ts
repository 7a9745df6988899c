/**
 * A dataset whose projects are all in the page: the published small dataset, a file opened in the
 * page, and a large dataset once its projects have come (drawn from its tiles). Every view is derived.
 */
import type { BasemapData } from '../core/basemap';
import type { AtlasData, Project } from '../core/types';
import { siteCount } from '../sites/tiers';
import type { SiteTiles } from '../sites/tiles';
import { deriveView, indexData } from '../state/view';
import type { Dataset } from './dataset';

export interface PlainOptions {
  /** Makes a slim project whole; absent when the projects are whole. */
  details?: (project: Project) => Promise<Project>;
  /** Sites from the build's tiles. */
  tiles?: SiteTiles;
  /** The build's search text of each project (in the projects' order), fetched when a search is coming. */
  search?: () => Promise<string[]>;
}

export function plainDataset(data: AtlasData, basemap: BasemapData, { details, tiles, search }: PlainOptions = {}): Dataset {
  const indexed = indexData(data);
  let searchAsked = false;
  return {
    basemap,
    indexed,
    complete: true,
    sites: { projects: indexed.located, tiles: tiles ?? null },
    siteCount: tiles ? tiles.overview.sites : siteCount(indexed.located),
    failure: null,
    view: (input) => deriveView(indexed, input),
    details: details ?? null,
    drawn: () => undefined,
    needSearch() {
      if (!search || searchAsked) return;
      searchAsked = true;
      // A search made before the text comes makes its own; a text that does not fit is not used.
      search().then(
        (texts) => texts.length === indexed.index.length && indexed.index.forEach((keys, i) => (keys.search ??= texts[i])),
        () => undefined,
      );
    },
    subscribe: () => () => undefined,
  };
}
