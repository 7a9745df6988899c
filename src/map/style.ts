/**
 * The map style, generated from a flavour (palette/flavors.ts) and the map's sources (sources.ts):
 * no tile, glyph or sprite server. Layer ids are exported for the sync modules and the tests.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { nameProperty } from '../core/basemap';
import type { Flavor } from '../palette/flavors';
import { themeScale } from '../palette/scales';
import { LABEL_FONT } from './fonts';
import { SITE_OUTLINE, stackOffset } from '../sites/layout';
import { DETAIL_ZOOM } from '../sites/tiers';
import { sitePaint } from './sitePaint';
import { siteLayerId, type ProjectSources, type SiteLayer } from './sources';

export const LAYER = {
  links: 'links',
  linkHighlight: 'link-highlight',
  labels: 'place-labels',
  municipalities: 'municipality-fill',
  municipalityOutline: 'municipality-outline',
  network: 'network',
  siteCounts: 'site-counts',
} as const;

export interface StyleInput {
  flavor: Flavor;
  sources: ProjectSources;
  fontFaces: StyleSpecification['font-faces'];
  labels: LabelScript;
  /** The programme's countries, drawn apart from their neighbours. */
  countries: readonly string[];
}

/** Labels in the UI language's script, else in the programme's first script. */
export interface LabelScript {
  script: string;
  fallback: string;
}

export const labelField = ({ script, fallback }: LabelScript): ExpressionSpecification => ['coalesce', ['get', nameProperty(script)], ['get', nameProperty(fallback)]];

/** A match expression colouring by the `theme` property, from the theme scale (unclassified the default). */
function themeColor(flavor: Flavor): ExpressionSpecification {
  const scale = themeScale(flavor);
  const pairs = scale.domain.filter((t) => t !== 'unclassified').flatMap((t) => [t, scale.color(t)]);
  return ['match', ['get', 'theme'], ...pairs, scale.color('unclassified')] as unknown as ExpressionSpecification;
}

const line = (id: string, kind: string, color: string, width: ExpressionSpecification | number, extra: Partial<LayerSpecification> = {}): LayerSpecification =>
  ({
    id,
    type: 'line',
    source: 'boundaries',
    filter: ['==', ['get', 'kind'], kind],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': color, 'line-width': width },
    ...extra,
  }) as LayerSpecification;

/**
 * The filter selection, hover and the open project are feature state: a repaint, no re-tiling as
 * a filter or setData would be. Filtered-out sites keep their slot in a stack, so nothing jumps.
 */
const highlight: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const out: ExpressionSpecification = ['boolean', ['feature-state', 'out'], false];
/** A project new in the year shown: ringed. */
const fresh: ExpressionSpecification = ['boolean', ['feature-state', 'fresh'], false];
const shown: ExpressionSpecification = ['case', out, 0, 1];

const byZoom = (...stops: number[]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops];

function siteLayer(flavor: Flavor, slot: number, minzoom: number): SiteLayer {
  const paint = sitePaint(flavor);
  return {
    id: siteLayerId(slot),
    type: 'circle',
    minzoom,
    // A filtered-out site shrinks to nothing rather than turning transparent: no pixels to shade,
    // and fewer state-dependent properties to rewrite when the selection changes.
    paint: {
      'circle-color': themeColor(flavor),
      'circle-radius': ['case', out, 0, highlight, paint.highlightRadius, paint.radius],
      'circle-stroke-color': ['case', highlight, paint.highlight.color, fresh, paint.fresh.color, paint.outline.color],
      'circle-stroke-width': ['case', out, 0, highlight, paint.highlight.width, fresh, paint.fresh.width, paint.outline.width],
      'circle-translate': stackOffset(slot, paint.scale),
    },
  };
}

/** Circle area proportional to the count in feature state (a repaint per filter change). */
function siteCountLayer(flavor: Flavor): LayerSpecification {
  const count: ExpressionSpecification = ['number', ['feature-state', 'count'], 0];
  return {
    id: LAYER.siteCounts,
    type: 'circle',
    source: 'site-counts',
    maxzoom: DETAIL_ZOOM,
    paint: {
      'circle-color': flavor.site_count,
      'circle-opacity': 0.85,
      'circle-radius': ['interpolate', ['linear'], ['sqrt', count], 0, 0, 1, 5, 40, 30],
      'circle-stroke-color': flavor.site_outline,
      'circle-stroke-width': ['case', ['>', count, 0], SITE_OUTLINE, 0],
    },
  };
}

export function buildStyle({ flavor, sources, fontFaces, labels, countries }: StyleInput): StyleSpecification {
  const dense = sources.counter !== null;
  return {
    version: 8,
    'font-faces': fontFaces,
    sources: sources.style,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': flavor.background } },
      {
        id: 'countries',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['match', ['get', 'iso'], [...countries], flavor.home, flavor.earth] },
      },
      { id: LAYER.municipalities, type: 'fill', source: 'municipalities', paint: { 'fill-color': flavor.area } },
      line('country-lines', 'country', flavor.country_line, byZoom(5, 0.6, 9, 1.2)),
      line('municipality-lines', 'municipality', flavor.municipality_line, byZoom(5, 0.3, 7, 0.6, 10, 1.2), { minzoom: 5.5 } as Partial<LayerSpecification>),
      line('district-lines', 'district', flavor.district_line, byZoom(5, 0.7, 9, 1.6)),
      line('area-edge', 'area', flavor.area_edge, byZoom(5, 1, 9, 2)),
      line('state-border', 'state', flavor.state_border, byZoom(5, 2, 9, 4)),
      {
        id: LAYER.municipalityOutline,
        type: 'line',
        source: 'municipalities',
        paint: {
          'line-color': flavor.chart_highlight,
          'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3.5, 2.5],
          'line-opacity': ['case', ['any', ['boolean', ['feature-state', 'hover'], false], ['boolean', ['feature-state', 'chosen'], false]], 1, 0],
        },
      },
      // A project's partner lines appear only while it is hovered, focused or open: all of them at
      // once are a tangle that hides the sites. A dark casing under the theme colour.
      {
        id: LAYER.linkHighlight,
        type: 'line',
        source: 'links',
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': flavor.site_highlight, 'line-width': byZoom(5, 3.5, 10, 6), 'line-opacity': ['case', highlight, shown, 0] },
      },
      {
        id: LAYER.links,
        type: 'line',
        source: 'links',
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': themeColor(flavor), 'line-width': byZoom(5, 1.5, 10, 3), 'line-opacity': ['case', highlight, shown, 0] },
      },
      {
        id: LAYER.network,
        type: 'line',
        source: 'network',
        layout: { 'line-cap': 'round', visibility: 'none' },
        paint: {
          'line-color': flavor.network,
          'line-opacity': 0.85,
          'line-width': ['interpolate', ['linear'], ['get', 'projects'], 1, 2, 5, 6, 12, 12],
        },
      },
      ...sources.siteLayers((slot) => siteLayer(flavor, slot, dense ? DETAIL_ZOOM : 0), sitePaint(flavor)),
      ...(dense ? [siteCountLayer(flavor)] : []),
      // Place names over the sites, each with its halo: a dot never hides a town's name (at presenter
      // and kiosk sizes the dots are half as large again). Clicks still reach the sites beneath.
      {
        id: LAYER.labels,
        type: 'symbol',
        source: 'labels',
        layout: {
          'text-field': labelField(labels),
          'text-font': [LABEL_FONT],
          'text-size': byZoom(5, ['case', ['get', 'capital'], 11, 11.5] as unknown as number, 9, ['case', ['get', 'capital'], 12, 15] as unknown as number),
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.6,
          'text-padding': 1,
        },
        paint: {
          'text-color': ['case', ['get', 'capital'], flavor.capital_label, flavor.city_label],
          'text-halo-color': flavor.city_label_halo,
          'text-halo-width': 1.6,
        },
      },
    ],
  };
}
