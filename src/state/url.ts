/**
 * The app state that lives in the URL, parsed and written by pure functions, so that a link
 * reproduces exactly what the sender saw. Unknown or invalid parameters are dropped and reported
 * as notices, never thrown.
 */
import { CHOROPLETH_METRICS, type ChoroplethMetric } from '../core/aggregate';
import { NO_FILTERS, type Filters } from '../core/filters';
import { countryCodes, periodIds, type Programme } from '../core/programme';
import { PROJECT_ID } from '../core/text';
import { ALL_THEMES } from '../core/themes';
import { YEAR_MODES, type YearMode } from '../core/years';

const VIEWS = ['map', 'list', 'profile'] as const;
export type View = (typeof VIEWS)[number];
/** What the map colours municipalities by (the `layer` link parameter); 'sites' is no colouring. */
export type ColourBy = 'sites' | ChoroplethMetric;
export const COLOUR_BY: readonly ColourBy[] = ['sites', ...CHOROPLETH_METRICS];

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export interface UrlState {
  /** A UI language of the programme; null: follow the browser's languages. */
  lang: string | null;
  project: string | null;
  view: View;
  colourBy: ColourBy;
  filters: Filters;
  /** null: the whole programme area. */
  camera: Camera | null;
  /** Compact view for an iframe on another site. */
  embed: boolean;
  /** Draw the cross-border cooperation network. */
  network: boolean;
  /** Presenter mode: the story being shown and its step (1-based). */
  present: string | null;
  step: number;
  /** Kiosk: an attract loop through the stories; back to it after `idle` seconds without input. */
  kiosk: boolean;
  idle: number;
}

export const DEFAULT_STATE: UrlState = { lang: null, project: null, view: 'map', colourBy: 'sites', filters: NO_FILTERS, camera: null, embed: false, network: false, present: null, step: 1, kiosk: false, idle: 90 };

export type Notice = { param: string; value: string; reason: 'unknown-parameter' | 'invalid-value' | 'unknown-id' };

/** Municipality and district ids start with their country's code: "RS-70327", "BG-05". */
const PLACE_ID = /^([A-Z]{2})-[A-Za-z0-9-]{2,40}$/;
const OBJECTIVE = /^\d{4}-\d{4}:[A-Z0-9.]{1,10}$/;
const Q_MAX = 200;

type ListParam = { param: string; facet: keyof Filters };
/** The list parameters, in the order links write them. */
const LISTS: ListParam[] = [
  { param: 'theme', facet: 'themes' },
  { param: 'objective', facet: 'objectives' },
  { param: 'period', facet: 'periods' },
  { param: 'type', facet: 'types' },
  { param: 'country', facet: 'countries' },
  { param: 'district', facet: 'districts' },
  { param: 'municipality', facet: 'municipalities' },
];
const SINGLES = ['lang', 'project', 'view', 'layer', 'network', 'budget', 'q', 'year', 'yearmode', 'map', 'embed', 'present', 'step', 'kiosk', 'idle'];
const KNOWN = new Set([...SINGLES, ...LISTS.map((l) => l.param)]);

/** Which values each list parameter takes, from the programme's periods and countries. */
function validators(programme: Programme): Record<keyof Filters, (v: string) => boolean> {
  const periods = new Set([...periodIds(programme), 'unknown']);
  const countries = new Set(countryCodes(programme));
  const placeId = (v: string) => countries.has(PLACE_ID.exec(v)?.[1] ?? '');
  return {
    themes: (v) => ALL_THEMES.includes(v as never),
    objectives: (v) => OBJECTIVE.test(v),
    periods: (v) => periods.has(v),
    types: (v) => ['investment', 'soft', 'unknown'].includes(v),
    countries: (v) => countries.has(v),
    districts: placeId,
    municipalities: placeId,
    budget: () => false,
    q: () => false,
    year: () => false,
  };
}

export function parseUrl(search: string, programme: Programme): { state: UrlState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const invalid = (param: string, value: string) => notices.push({ param, value, reason: 'invalid-value' });
  const state: UrlState = { ...DEFAULT_STATE, filters: { ...NO_FILTERS } };
  for (const [param, value] of params) if (!KNOWN.has(param)) notices.push({ param, value, reason: 'unknown-parameter' });

  const lang = params.get('lang');
  if (lang !== null) programme.languages.some((l) => l.id === lang) ? (state.lang = lang) : invalid('lang', lang);
  const project = params.get('project');
  if (project !== null) PROJECT_ID.test(project) ? (state.project = project) : invalid('project', project);
  const view = params.get('view');
  if (view !== null) (VIEWS as readonly string[]).includes(view) ? (state.view = view as View) : invalid('view', view);
  const layer = params.get('layer');
  if (layer !== null) COLOUR_BY.includes(layer as ColourBy) ? (state.colourBy = layer as ColourBy) : invalid('layer', layer);

  const valid = validators(programme);
  for (const { param, facet } of LISTS) {
    const raw = params.get(param);
    if (raw === null) continue;
    const values = [...new Set(raw.split(',').map((v) => v.trim()).filter(Boolean))];
    for (const v of values.filter((v) => !valid[facet](v))) invalid(param, v);
    (state.filters as unknown as Record<string, string[]>)[facet] = values.filter(valid[facet]);
  }
  const budget = params.get('budget');
  if (budget !== null) {
    const m = /^(\d{0,10})-(\d{0,10})$/.exec(budget);
    const min = m?.[1] ? Number(m[1]) : null;
    const max = m?.[2] ? Number(m[2]) : null;
    if (m && (min !== null || max !== null) && (min === null || max === null || min <= max)) state.filters.budget = { min, max };
    else invalid('budget', budget);
  }
  const year = params.get('year');
  const yearMode = params.get('yearmode');
  const mode = (YEAR_MODES as readonly string[]).includes(yearMode ?? '') ? (yearMode as YearMode) : 'started';
  if (yearMode !== null && mode !== yearMode) invalid('yearmode', yearMode);
  if (year !== null) /^\d{4}$/.test(year) ? (state.filters.year = { year: Number(year), mode }) : invalid('year', year);
  const q = params.get('q');
  if (q !== null) q.length <= Q_MAX ? (state.filters.q = q) : invalid('q', `${q.slice(0, 20)}…`);
  const map = params.get('map');
  if (map !== null) {
    const [zoom, lat, lon] = map.split('/').map(Number);
    if ([zoom, lat, lon].every(Number.isFinite) && zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) state.camera = { zoom, lat, lon };
    else invalid('map', map);
  }
  const network = params.get('network');
  if (network !== null) network === '1' ? (state.network = true) : invalid('network', network);
  const present = params.get('present');
  if (present !== null) /^[a-z0-9-]{1,40}$/.test(present) ? (state.present = present) : invalid('present', present);
  const step = params.get('step');
  if (step !== null) /^\d{1,3}$/.test(step) && Number(step) >= 1 ? (state.step = Number(step)) : invalid('step', step);
  const kiosk = params.get('kiosk');
  if (kiosk !== null) kiosk === '1' ? (state.kiosk = true) : invalid('kiosk', kiosk);
  const idle = params.get('idle');
  if (idle !== null) /^\d{1,4}$/.test(idle) && Number(idle) >= 10 ? (state.idle = Number(idle)) : invalid('idle', idle);
  const embed = params.get('embed');
  if (embed !== null) embed === '1' ? (state.embed = true) : invalid('embed', embed);
  return { state, notices };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Only what differs from the defaults, in a fixed order, so equal states give equal URLs. */
export function toSearch(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lang) params.set('lang', state.lang);
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.colourBy !== DEFAULT_STATE.colourBy) params.set('layer', state.colourBy);
  if (state.network) params.set('network', '1');
  for (const { param, facet } of LISTS) {
    const values = state.filters[facet] as string[];
    if (values.length) params.set(param, values.join(','));
  }
  const { budget, q, year } = state.filters;
  if (budget) params.set('budget', `${budget.min ?? ''}-${budget.max ?? ''}`);
  if (year) params.set('year', String(year.year));
  if (year && year.mode !== 'started') params.set('yearmode', year.mode);
  if (q.trim()) params.set('q', q);
  if (state.project) params.set('project', state.project);
  if (state.embed) params.set('embed', '1');
  if (state.present) params.set('present', state.present);
  if (state.present && state.step !== 1) params.set('step', String(state.step));
  if (state.kiosk) params.set('kiosk', '1');
  if (state.kiosk && state.idle !== DEFAULT_STATE.idle) params.set('idle', String(state.idle));
  if (state.camera) params.set('map', `${round(state.camera.zoom, 2)}/${round(state.camera.lat, 4)}/${round(state.camera.lon, 4)}`);
  const s = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
  return s ? `?${s}` : '';
}

/** Drops filter values the dataset does not know (a district or objective id that does not exist). */
export function dropUnknownIds(state: UrlState, known: { objectives: Set<string>; districts: Set<string>; municipalities: Set<string> }): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  const keep = (param: string, values: string[], set: Set<string>) =>
    values.filter((v) => set.has(v) || (notices.push({ param, value: v, reason: 'unknown-id' }), false));
  const f = state.filters;
  const filters = {
    ...f,
    objectives: keep('objective', f.objectives, known.objectives),
    districts: keep('district', f.districts, known.districts),
    municipalities: keep('municipality', f.municipalities, known.municipalities),
  };
  return { state: { ...state, filters }, notices };
}
