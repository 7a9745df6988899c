/** A dataset whose projects are all in the page: the published small dataset, or a file opened in the page. Every view is derived. */
import type { BasemapData } from '../core/basemap';
import type { AtlasData, Project } from '../core/types';
import { seatsOf } from '../sites/layout';
import { siteCount } from '../sites/tiers';
import { deriveView, indexData } from '../state/view';
import { wholeProjects, type Dataset } from './dataset';
import { inPageRows } from './rows';

export interface PlainOptions {
  /** Makes a slim project whole; absent when the projects are whole. */
  details?: (project: Project) => Promise<Project>;
}

export function plainDataset(data: AtlasData, basemap: BasemapData, { details }: PlainOptions = {}): Dataset {
  const indexed = indexData(data);
  return {
    basemap,
    indexed,
    complete: true,
    sites: { projects: indexed.located, packed: null, seats: seatsOf(basemap, data.municipalities) },
    siteCount: siteCount(indexed.located),
    failure: null,
    listsFailure: null,
    recordsFailure: null,
    recordsOmitted: false,
    sitesFailure: null,
    view: (input) => deriveView(indexed, input),
    rows: (view, query, wording) => inPageRows(query.ids ? indexed.data.projects : view.selection, query, wording),
    eachWhole: async (view, part) => part(await wholeProjects(view.selection, details ?? null)),
    project: null,
    details: details ?? null,
    drawn: () => undefined,
    // Its search texts are made in the page, on the first search.
    needSearch: () => undefined,
    subscribe: () => () => undefined,
  };
}
