/**
 * The map: one maplibre instance for the component's lifetime. It draws what the state gives it
 * (selection, highlight, choropleth, camera) through feature state and reports clicks, hovers and
 * camera moves back; it knows nothing of charts or panels.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl, type LngLatBoundsLike, type PointLike } from 'maplibre-gl';
import { mark } from '../core/marks';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { BasemapData } from '../core/basemap';
import type { Project } from '../core/types';

export interface MapCredit {
  text: string;
  url: string;
}
import type { Camera } from '../state/url';
import { choroplethColor } from './choropleth';
import { renderMapPng, type PngFrame } from './exportPng';
import { labelFontFaces } from './fonts';
import { FLAVORS, type FlavorName } from '../palette/flavors';
import { DETAIL_ZOOM, idsByProject, isDense, linkFeatures, selectionMask, siteCounter, siteFeatures, type SiteCounter } from './sites';
import { buildStyle, isSiteLayer, LAYER, labelField, type LabelScript } from './style';

setWorkerUrl(workerUrl);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/** The attribution control's HTML: each credit's text, linked (texts come from programme.json: escaped). */
const creditsHtml = (credits: readonly MapCredit[]) => credits.map((c) => `<a href="${escape(c.url)}">${escape(c.text)}</a>`).join(' · ');

/** Municipality colouring: class breaks and a value per municipality (null: no data). */
export interface Choropleth {
  breaks: number[];
  values: ReadonlyMap<string, number | null>;
}

export interface MapViewProps {
  basemap: BasemapData;
  /** Every located project: the sources are built once from these. */
  projects: readonly Project[];
  /** Ids of the projects in the current selection. */
  visible: ReadonlySet<string>;
  labels: LabelScript;
  /** The programme's countries, drawn apart from their neighbours. */
  countries: readonly string[];
  /** Credits of the sources the map draws. */
  credits: readonly MapCredit[];
  flavor?: FlavorName;
  selected: string | null;
  /** CSS pixels on the right covered by a panel: the selected project is kept visible beside it. */
  obscuredRight: number;
  choropleth: Choropleth | null;
  /** Lines between cooperating municipalities, or null to hide the network. */
  network: FeatureCollection<LineString, { projects: number }> | null;
  hoveredMunicipality: string | null;
  chosenMunicipalities: readonly string[];
  camera: Camera | null;
  /** Places the camera flies to fit whenever `key` changes (presenter steps). */
  fit: { key: string; points: [number, number][] } | null;
  /** Embedded in another page: one-finger and wheel gestures scroll the page, not the map. */
  cooperative: boolean;
  label: string;
  /** Filled by the map with a function that renders the current view as a print-size PNG. */
  exporter?: { current: ((width: number, frame: PngFrame) => Promise<Blob>) | null };
  onSelect(projectId: string): void;
  /** Several projects under the pointer: let the user choose. */
  onChoose(projectIds: string[], at: { x: number; y: number }): void;
  onHoverMunicipality(id: string | null): void;
  onToggleMunicipality(id: string): void;
  onCamera(camera: Camera): void;
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

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** [west, south, east, north] of some [lon, lat] points. */
function boundsOf(points: [number, number][]): [number, number, number, number] {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
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
  map.fitBounds(boundsOf(project.locations.map((l) => [l.lon, l.lat])), {
    padding: { top: 80, bottom: 80, left: 80, right: Math.min(obscuredRight + 80, clientWidth - 120) },
    maxZoom: Math.max(map.getZoom(), 8),
    duration: reducedMotion() ? 0 : 600,
  });
}

const sameCamera = (map: MapLibreMap, c: Camera) => {
  const { lng, lat } = map.getCenter();
  return Math.abs(map.getZoom() - c.zoom) < 0.01 && Math.abs(lat - c.lat) < 1e-4 && Math.abs(lng - c.lon) < 1e-4;
};

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const hover = useRef<string | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const featureIds = useRef<{ sites: Map<string, number[]>; links: Map<string, number[]> }>({ sites: new Map(), links: new Map() });
  const lit = useRef<string[]>([]);
  /** The selection the map shows now (feature state written for it). */
  const shown = useRef<ReadonlySet<string> | null>(null);
  const municipalityState = useRef({ hover: null as string | null, chosen: [] as readonly string[] });
  /** The style for the current props (flavour, script), from the sources made at creation. */
  const currentStyle = useRef<() => StyleSpecification>(null);

  const forProject = (map: MapLibreMap, project: string, state: Record<string, boolean>) => {
    for (const id of featureIds.current.sites.get(project) ?? []) map.setFeatureState({ source: 'sites', id }, state);
    for (const id of featureIds.current.links.get(project) ?? []) map.setFeatureState({ source: 'links', id }, state);
  };

  const highlight = (map: MapLibreMap) => {
    const next = [hover.current, latest.current.selected].filter((x): x is string => !!x);
    for (const p of lit.current.filter((p) => !next.includes(p))) forProject(map, p, { highlight: false });
    for (const p of next) forProject(map, p, { highlight: true });
    lit.current = next;
  };

  /** Dense data only: the selected projects per municipality, for the overview's bubbles. */
  const counter = useRef<SiteCounter | null>(null);

  /**
   * Hides the sites and links of projects outside the selection, writing only what differs from
   * the selection `before` (null: a map with no feature state yet, everything shown), and recounts
   * the dense overview's bubbles. Feature state is a repaint, no re-tiling as a filter would be,
   * and in dense data the sites are not drawn at the overview, so the repaint stays small.
   */
  const writeSelection = (map: MapLibreMap, before: ReadonlySet<string> | null) => {
    const { visible, projects } = latest.current;
    for (const { id } of projects) {
      const now = visible.has(id);
      if (now !== (before?.has(id) ?? true)) forProject(map, id, { out: !now });
    }
    const counts = counter.current?.count(selectionMask(projects, visible)) ?? [];
    counts.forEach((count, id) => map.setFeatureState({ source: 'site-counts', id }, { count }));
  };

  const applySelection = (map: MapLibreMap) => {
    writeSelection(map, shown.current);
    shown.current = latest.current.visible;
  };

  const applyMunicipalities = (map: MapLibreMap) => {
    const { hoveredMunicipality, chosenMunicipalities } = latest.current;
    const prev = municipalityState.current;
    const set = (id: string, state: Record<string, boolean>) => map.setFeatureState({ source: 'municipalities', id }, state);
    if (prev.hover && prev.hover !== hoveredMunicipality) set(prev.hover, { hover: false });
    if (hoveredMunicipality) set(hoveredMunicipality, { hover: true });
    for (const id of prev.chosen) if (!chosenMunicipalities.includes(id)) set(id, { chosen: false });
    for (const id of chosenMunicipalities) set(id, { chosen: true });
    municipalityState.current = { hover: hoveredMunicipality, chosen: chosenMunicipalities };
  };

  const applyNetwork = (map: MapLibreMap) => {
    const { network } = latest.current;
    map.setLayoutProperty(LAYER.network, 'visibility', network ? 'visible' : 'none');
    if (network) (map.getSource('network') as GeoJSONSource).setData(network);
  };

  const applyChoropleth = (map: MapLibreMap) => {
    const flavor = FLAVORS[latest.current.flavor ?? 'light'];
    const { choropleth } = latest.current;
    for (const f of latest.current.basemap.municipalities.features) {
      const value = choropleth?.values.get(f.properties.id);
      map.setFeatureState({ source: 'municipalities', id: f.properties.id }, { value: value === null || value === undefined ? -1 : value });
    }
    map.setPaintProperty(LAYER.municipalities, 'fill-color', choropleth ? choroplethColor(choropleth.breaks, flavor.choropleth, flavor.no_data) : flavor.area);
  };

  /** Everything drawn on top of the style, for a map whose style has just loaded. */
  const applyAll = (map: MapLibreMap) => {
    applySelection(map);
    applyChoropleth(map);
    applyNetwork(map);
    applyMunicipalities(map);
    highlight(map);
  };

  useEffect(() => {
    const sites = siteFeatures(props.projects);
    const dense = isDense(props.projects);
    const links: FeatureCollection<LineString, { project: string }> = dense ? { type: 'FeatureCollection', features: [] } : linkFeatures(props.projects);
    const seats = new Map(props.basemap.labels.features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]]));
    counter.current = dense ? siteCounter(props.projects, seats) : null;
    featureIds.current = { sites: idsByProject(sites), links: idsByProject(links) };
    const camera = props.camera;
    const style = () =>
      buildStyle({
        flavor: FLAVORS[latest.current.flavor ?? 'light'],
        basemap: props.basemap,
        sites,
        links,
        countPlaces: counter.current?.places ?? null,
        fontFaces: labelFontFaces(location.href),
        labels: latest.current.labels,
        countries: props.countries,
      });
    currentStyle.current = style;
    const map = new MapLibreMap({
      container: container.current!,
      style: style(),
      ...(camera ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom } : { bounds: initialBounds(props.basemap, props.projects), fitBoundsOptions: { padding: 40 } }),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      cooperativeGestures: props.cooperative,
      canvasContextAttributes: { preserveDrawingBuffer: new URLSearchParams(location.search).has('capture') },
    });
    mapRef.current = map;
    window.__atlasMap = map;
    map.addControl(new AttributionControl({ compact: false, customAttribution: creditsHtml(props.credits) }), 'bottom-right');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();

    let ready = false;
    map.on('load', () => {
      loaded.current = true;
      map.setLayoutProperty(LAYER.labels, 'text-field', labelField(latest.current.labels));
      applyAll(map);
    });
    map.on('error', (e) => {
      if (!ready) latest.current.onError(e.error?.message ?? String(e));
    });
    map.on('idle', () => {
      if (ready) return;
      ready = true;
      performance.mark('atlas:ready');
    });
    /** Selected projects with a site under a point. */
    const projectsAt = (point: PointLike) => {
      const layers = map.getLayersOrder().filter(isSiteLayer);
      const ids = map.queryRenderedFeatures(point, { layers }).map((f) => String(f.properties.project));
      return [...new Set(ids)].filter((id) => latest.current.visible.has(id));
    };
    const bubbleAt = (point: PointLike) => (counter.current ? map.queryRenderedFeatures(point, { layers: [LAYER.siteCounts] })[0] : undefined);
    map.on('mousemove', (e) => {
      const site = projectsAt(e.point)[0] ?? null;
      const municipality = site ? null : (map.queryRenderedFeatures(e.point, { layers: [LAYER.municipalities] })[0]?.properties.id as string | undefined) ?? null;
      map.getCanvas().style.cursor = site || municipality || bubbleAt(e.point) ? 'pointer' : '';
      if (site !== hover.current) {
        hover.current = site;
        highlight(map);
      }
      if (municipality !== latest.current.hoveredMunicipality) latest.current.onHoverMunicipality(municipality);
    });
    map.on('mouseout', () => {
      hover.current = null;
      highlight(map);
      latest.current.onHoverMunicipality(null);
    });
    map.on('click', (e) => {
      const ids = projectsAt(e.point);
      if (ids.length === 1) return latest.current.onSelect(ids[0]);
      if (ids.length > 1) return latest.current.onChoose(ids, { x: e.originalEvent.clientX, y: e.originalEvent.clientY });
      const bubble = bubbleAt(e.point);
      if (bubble) {
        // A municipality's bubble opens onto its sites; the event marks the move as the user's.
        const center = (bubble.geometry as Point).coordinates as [number, number];
        return void map.easeTo({ center, zoom: DETAIL_ZOOM, duration: reducedMotion() ? 0 : 600 }, { originalEvent: e.originalEvent });
      }
      const municipality = map.queryRenderedFeatures(e.point, { layers: [LAYER.municipalities] })[0]?.properties.id as string | undefined;
      if (municipality) latest.current.onToggleMunicipality(municipality);
    });
    if (props.exporter) {
      props.exporter.current = (width, frame) =>
        renderMapPng({
          style: style(),
          bounds: map.getBounds(),
          cssWidth: map.getContainer().clientWidth,
          cssHeight: map.getContainer().clientHeight,
          width,
          prepare: (copy) => {
            writeSelection(copy, null);
            applyChoropleth(copy);
            applyNetwork(copy);
          },
          frame,
        });
    }
    // Printing: a WebGL canvas does not print reliably, so the map is drawn once more and copied
    // into an image that only the print stylesheet shows.
    const snapshot = document.createElement('img');
    snapshot.className = 'print-snapshot';
    snapshot.alt = latest.current.label;
    container.current!.after(snapshot);
    const beforePrint = () => {
      map.redraw();
      snapshot.src = map.getCanvas().toDataURL('image/png');
    };
    addEventListener('beforeprint', beforePrint);
    map.on('moveend', (e) => {
      if (!(e as { originalEvent?: Event }).originalEvent) return; // moved by code, not by the user
      const { lng, lat } = map.getCenter();
      latest.current.onCamera({ zoom: map.getZoom(), lat, lon: lng });
    });
    return () => {
      if (props.exporter) props.exporter.current = null;
      removeEventListener('beforeprint', beforePrint);
      snapshot.remove();
      map.remove();
      mapRef.current = null;
      loaded.current = false;
      delete window.__atlasMap;
    };
  }, []);

  const whenLoaded = (apply: (map: MapLibreMap) => void, deps: unknown[]) =>
    useEffect(() => {
      const map = mapRef.current;
      if (map && loaded.current) apply(map);
    }, deps);

  whenLoaded((map) => map.setLayoutProperty(LAYER.labels, 'text-field', labelField(props.labels)), [props.labels.script]);
  whenLoaded((map) => {
    applySelection(map);
    map.once('idle', () => mark('atlas:map-idle'));
    map.triggerRepaint();
  }, [props.visible]);
  whenLoaded(applyChoropleth, [props.choropleth]);
  // Entering or leaving the presenter changes the flavour: the style is diffed in place, and what
  // is drawn on top of it (selection, choropleth, network, highlights) is written again.
  whenLoaded((map) => {
    map.setStyle(currentStyle.current!(), { diff: true });
    const reapply = () => {
      shown.current = null;
      applyAll(map);
    };
    if (map.isStyleLoaded()) reapply();
    else map.once('style.load', reapply);
  }, [props.flavor]);
  whenLoaded(applyNetwork, [props.network]);
  whenLoaded(applyMunicipalities, [props.hoveredMunicipality, props.chosenMunicipalities]);
  whenLoaded((map) => {
    highlight(map);
    const project = props.projects.find((p) => p.id === props.selected);
    if (project?.locations.length) revealBesidePanel(map, project, props.obscuredRight);
  }, [props.selected, props.obscuredRight]);
  whenLoaded((map) => {
    const points = props.fit?.points ?? [];
    if (!points.length) return;
    const { clientWidth, clientHeight } = map.getContainer();
    // The presenter's card covers the lower left: keep the places clear of it.
    map.fitBounds(boundsOf(points), {
      padding: { top: clientHeight * 0.12, bottom: clientHeight * 0.1, left: Math.min(clientWidth * 0.45, clientWidth - 200), right: clientWidth * 0.05 },
      maxZoom: 9,
      duration: reducedMotion() ? 0 : 1800,
    });
  }, [props.fit?.key]);
  whenLoaded((map) => {
    if (props.camera && !sameCamera(map, props.camera)) map.jumpTo({ center: [props.camera.lon, props.camera.lat], zoom: props.camera.zoom });
  }, [props.camera]);

  return <div ref={container} class="map" role="region" aria-label={props.label} />;
}
