/**
 * The atlas's colours by semantic name, one object per flavour, for the map and the charts. The
 * map style's layers are generated from a flavour (map/style.ts), so the normal and the
 * high-contrast presenter themes share one layer definition; keys come from the scales built on a
 * flavour (scales.ts).
 */
import type { ThemeId } from '../core/themes';

export interface Flavor {
  background: string;
  /** Neighbouring countries, muted. */
  earth: string;
  /** The programme's countries outside the programme area. */
  home: string;
  /** Programme-area municipalities. */
  area: string;
  municipality_line: string;
  district_line: string;
  country_line: string;
  state_border: string;
  area_edge: string;
  city_label: string;
  city_label_halo: string;
  capital_label: string;
  site_outline: string;
  site_highlight: string;
  /** The ring round the sites of projects new in the year shown (the year control). */
  site_new: string;
  /** Site dots and their stack spacing relative to the desktop map: larger on a projector. */
  site_scale: number;
  /** Choropleth classes, light to dark (ColorBrewer YlGnBu, colour-blind safe). */
  choropleth: string[];
  no_data: string;
  /** Bars: attributed total budget and, over it, the EU share. */
  chart_total: string;
  chart_eu: string;
  chart_highlight: string;
  /** Cooperation network lines between municipality pairs. */
  network: string;
  /** Bubbles counting the selected projects per municipality (dense data, overview zooms). */
  site_count: string;
  themes: Record<ThemeId, string>;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const THEME_COLORS: Record<ThemeId, string> = {
  'tourism-heritage': '#E69F00',
  'environment-risk': '#009E73',
  'youth-education': '#56B4E9',
  infrastructure: '#0072B2',
  'economy-skills': '#CC79A7',
  'people-to-people': '#D55E00',
  unclassified: '#8C8C8C',
};

export const light: Flavor = {
  background: '#cfdde6',
  earth: '#ecebe6',
  home: '#e4e2da',
  area: '#fbfaf5',
  municipality_line: '#c9c4b8',
  district_line: '#9a927f',
  country_line: '#b0aa9c',
  state_border: '#5b4636',
  area_edge: '#7a6c58',
  city_label: '#3b3a36',
  city_label_halo: '#ffffff',
  capital_label: '#5f5b53',
  site_outline: '#ffffff',
  site_highlight: '#1a1a1a',
  site_new: '#b0005e',
  site_scale: 1,
  choropleth: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  no_data: '#d9d6cf',
  chart_total: '#9ecae1',
  chart_eu: '#2b6ca3',
  chart_highlight: '#d97706',
  network: '#5e3c99',
  site_count: '#2b6ca3',
  themes: THEME_COLORS,
};

export const contrast: Flavor = {
  background: '#000000',
  earth: '#1c1c1c',
  home: '#262626',
  area: '#3a3a3a',
  municipality_line: '#6e6e6e',
  district_line: '#b8b8b8',
  country_line: '#8a8a8a',
  state_border: '#ffffff',
  area_edge: '#e0e0e0',
  city_label: '#ffffff',
  city_label_halo: '#000000',
  capital_label: '#d0d0d0',
  site_outline: '#000000',
  site_highlight: '#ffffff',
  site_new: '#ffd400',
  site_scale: 1.5,
  choropleth: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  no_data: '#555555',
  chart_total: '#9ecae1',
  chart_eu: '#ffffff',
  chart_highlight: '#ffb000',
  network: '#c2a5cf',
  site_count: '#9ecae1',
  themes: THEME_COLORS,
};

export const FLAVORS = { light, contrast } as const;
export type FlavorName = keyof typeof FLAVORS;

/**
 * The flavours of a mode: on a projector or kiosk the map turns high-contrast; the page around it
 * (panels, charts, swatches) stays light in every mode, so its charts keep the light flavour.
 */
export const flavorsOf = (projector: boolean): { map: FlavorName; page: Flavor } => ({ map: projector ? 'contrast' : 'light', page: light });
