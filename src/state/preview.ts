/**
 * A large dataset's first view, derived by the build (data-plugin.ts) from every project with no
 * filter, so the page can draw it before the projects themselves arrive: the same View the page
 * would derive, its per-project lists pending until then.
 */
import { NO_FILTERS } from '../core/filters';
import type { View, ViewInput } from './view';

/** The parts of a View that hold no project, as JSON (maps as {"$map": entries}). */
export type ViewPreview = Record<'summary' | 'time' | 'facets' | 'attribution' | 'themeCounts' | 'charts', unknown>;

/** The view a preview stands for: no filter, no story step, sites, no network, no profile. */
export const PREVIEW_INPUT: ViewInput = { filters: NO_FILTERS, stepFilters: null, colourBy: 'sites', network: false, profile: null };

/** The preview stands for this input. */
export const previewShows = (input: ViewInput) =>
  !input.stepFilters && input.colourBy === PREVIEW_INPUT.colourBy && !input.network && !input.profile && JSON.stringify(input.filters) === JSON.stringify(NO_FILTERS);

const MAP = '$map';

function encode(value: unknown): unknown {
  if (value instanceof Map) return { [MAP]: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    if (MAP in value) return new Map((value as { [MAP]: [unknown, unknown][] })[MAP].map(([k, v]) => [k, decode(v)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

export function toPreview(view: View): ViewPreview {
  const { summary, time, facets, attribution, themeCounts, charts } = view;
  return encode({ summary, time, facets, attribution, themeCounts, charts }) as ViewPreview;
}

export function fromPreview(preview: ViewPreview): View {
  const parts = decode(preview) as Pick<View, 'summary' | 'time' | 'facets' | 'attribution' | 'themeCounts' | 'charts'>;
  return { ...parts, filters: NO_FILTERS, pending: true, selection: [], visible: new Set(), choropleth: null, mask: null, placeCounts: null, pairs: [], network: null, profile: null };
}
