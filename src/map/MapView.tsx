/**
 * The map: one maplibre instance for the component's lifetime. It draws what the state gives it
 * and reports clicks and hovers back; it knows nothing of charts or panels.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl, type LngLatBoundsLike, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import type { BasemapData } from '../core/basemap';
import type { Project } from '../core/types';
import { labelFontFaces } from './fonts';
import { addSiteIcons } from './icons';
import { FLAVORS, type FlavorName } from './palette';
import { idsByProject, linkFeatures, siteFeatures } from './sites';
import { buildStyle, LAYER, labelField } from './style';

setWorkerUrl(workerUrl);

export const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL), via geoBoundaries · Who’s On First · GeoNames (CC BY 4.0) · Natural Earth · NSI';

export interface MapViewProps {
  basemap: BasemapData;
  projects: readonly Project[];
  cyrillic: boolean;
  flavor?: FlavorName;
  selected: string | null;
  /** CSS pixels on the right covered by a panel: the selected project is kept visible beside it. */
  obscuredRight: number;
  label: string;
  onSelect(projectId: string): void;
  /** Several projects under the pointer: let the user choose. */
  onChoose(projectIds: string[], at: { x: number; y: number }): void;
  /** The map failed before it could draw (bad style, no WebGL). */
  onError(message: string): void;
}

declare global {
  interface Window {
    /** The live map, for end-to-end tests and debugging. */
    __atlasMap?: MapLibreMap;
  }
}

/** The programme area and every project place (some partners sit outside it, e.g. in Sofia). */
function initialBounds(basemap: BasemapData, projects: readonly Project[]): LngLatBoundsLike {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else (c as unknown[]).forEach(visit);
  };
  for (const f of basemap.municipalities.features) if ('coordinates' in f.geometry) visit(f.geometry.coordinates);
  for (const p of projects) for (const l of p.locations) visit([l.lon, l.lat]);
  return [w, s, e, n];
}

/** Moves the camera only if some of the project's places are hidden (off screen or under the panel). */
function revealBesidePanel(map: MapLibreMap, project: Project, obscuredRight: number): void {
  const { clientWidth, clientHeight } = map.getContainer();
  const margin = 30;
  const hidden = project.locations.some((l) => {
    const { x, y } = map.project([l.lon, l.lat]);
    return x < margin || y < margin || x > clientWidth - obscuredRight - margin || y > clientHeight - margin;
  });
  if (!hidden) return;
  const lons = project.locations.map((l) => l.lon);
  const lats = project.locations.map((l) => l.lat);
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], {
    padding: { top: 80, bottom: 80, left: 80, right: Math.min(obscuredRight + 80, clientWidth - 120) },
    maxZoom: Math.max(map.getZoom(), 8),
    duration: reduceMotion ? 0 : 600,
  });
}

const distinctProjects = (features: MapGeoJSONFeature[]): string[] => [...new Set(features.map((f) => String(f.properties.project)))];

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const hover = useRef<string | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const featureIds = useRef<{ sites: Map<string, number[]>; links: Map<string, number[]> }>({ sites: new Map(), links: new Map() });
  const lit = useRef<string[]>([]);
  const highlight = (map: MapLibreMap) => {
    const next = [hover.current, latest.current.selected].filter((x): x is string => !!x);
    const set = (projects: string[], on: boolean) => {
      for (const project of projects) {
        for (const id of featureIds.current.sites.get(project) ?? []) map.setFeatureState({ source: 'sites', id }, { highlight: on });
        for (const id of featureIds.current.links.get(project) ?? []) map.setFeatureState({ source: 'links', id }, { highlight: on });
      }
    };
    set(lit.current.filter((p) => !next.includes(p)), false);
    set(next, true);
    lit.current = next;
  };

  useEffect(() => {
    const flavor = FLAVORS[props.flavor ?? 'light'];
    const sites = siteFeatures(props.projects);
    const links = linkFeatures(props.projects);
    featureIds.current = { sites: idsByProject(sites), links: idsByProject(links) };
    const map = new MapLibreMap({
      container: container.current!,
      style: buildStyle({
        flavor,
        basemap: props.basemap,
        sites,
        links,
        fontFaces: labelFontFaces(location.href),
        cyrillic: props.cyrillic,
      }),
      bounds: initialBounds(props.basemap, props.projects),
      fitBoundsOptions: { padding: 40 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      canvasContextAttributes: { preserveDrawingBuffer: new URLSearchParams(location.search).has('capture') },
    });
    mapRef.current = map;
    window.__atlasMap = map;
    map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();
    map.setMissingStyleImageResolver(() => addSiteIcons(map, flavor));

    map.on('load', () => {
      map.setLayoutProperty(LAYER.labels, 'text-field', labelField(latest.current.cyrillic));
      highlight(map);
    });
    map.on('error', (e) => {
      if (!ready) latest.current.onError(e.error?.message ?? String(e));
    });
    let ready = false;
    map.on('idle', () => {
      if (ready) return;
      ready = true;
      performance.mark('atlas:ready');
    });
    map.on('mousemove', LAYER.sites, (e) => {
      const id = e.features?.[0] ? String(e.features[0].properties.project) : null;
      if (id === hover.current) return;
      hover.current = id;
      map.getCanvas().style.cursor = 'pointer';
      highlight(map);
    });
    map.on('mouseleave', LAYER.sites, () => {
      hover.current = null;
      map.getCanvas().style.cursor = '';
      highlight(map);
    });
    map.on('click', (e) => {
      const ids = distinctProjects(map.queryRenderedFeatures(e.point, { layers: [LAYER.sites] }));
      if (ids.length === 1) latest.current.onSelect(ids[0]);
      else if (ids.length > 1) latest.current.onChoose(ids, { x: e.originalEvent.clientX, y: e.originalEvent.clientY });
    });
    return () => {
      map.remove();
      mapRef.current = null;
      delete window.__atlasMap;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map?.getLayer(LAYER.labels)) return;
    map.setLayoutProperty(LAYER.labels, 'text-field', labelField(props.cyrillic));
  }, [props.cyrillic]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map?.getLayer(LAYER.siteHighlight)) return;
    highlight(map);
    const project = props.projects.find((p) => p.id === props.selected);
    if (project?.locations.length) revealBesidePanel(map, project, props.obscuredRight);
  }, [props.selected, props.obscuredRight]);

  return <div ref={container} class="map" role="region" aria-label={props.label} />;
}
