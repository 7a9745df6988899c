/**
 * The map: one maplibre instance for the component's lifetime, its style built from the sources
 * and a flavour, and the sync modules (./sync) that each keep one part of it in step with the
 * props. It draws what the state gives it and reports clicks, hovers and camera moves back; it
 * knows nothing of charts or panels.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { labelFaces } from 'virtual:atlas-dataset';
import { useEffect, useRef } from 'preact/hooks';
import type { BasemapData } from '../core/basemap';
import type { Project } from '../core/types';
import { FLAVORS } from '../palette/flavors';
import { extent } from '../sites/extent';
import type { SiteSource } from '../sites/source';
import { labelFontFaces } from './fonts';
import type { MapCredit, MapViewProps } from './props';
import { createSources, type ProjectSources } from './sources';
import { leaveOutSky } from './sky';
import { buildStyle } from './style';
import { CameraSync } from './sync/camera';
import { ExportSync } from './sync/export';
import { FreshSync } from './sync/fresh';
import { HighlightSync } from './sync/highlight';
import { InteractionSync } from './sync/interaction';
import { LabelSync } from './sync/labels';
import { MunicipalitySync } from './sync/municipalities';
import { NetworkSync } from './sync/network';
import { SelectionSync } from './sync/selection';
import { reducedMotion, type MapSync } from './sync/sync';

export type { MapViewProps } from './props';

setWorkerUrl(workerUrl);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/** The attribution control's HTML: each credit's text, linked (the texts come from programme.json: escaped). */
const creditsHtml = (credits: readonly MapCredit[]) => credits.map((c) => `<a href="${escape(c.url)}">${escape(c.text)}</a>`).join(' · ');

declare global {
  interface Window {
    /** The live map, for end-to-end tests and debugging. */
    __atlasMap?: MapLibreMap;
  }
}

const sourcesFor = (props: MapViewProps): ProjectSources => createSources(props.basemap, props.sites);

/** The programme area and every project place (some partners sit outside it, e.g. in a capital). */
const initialBounds = (basemap: BasemapData, projects: readonly Project[]): LngLatBoundsLike =>
  extent(
    basemap.municipalities.features.map((f) => f.geometry),
    projects.flatMap((p) => p.locations.map((l) => [l.lon, l.lat] as [number, number])),
  );

/** The camera stays where the base map has its context countries: no empty band of background at any edge. */
const contextBounds = (basemap: BasemapData): LngLatBoundsLike => extent(basemap.countries.features.map((f) => f.geometry));

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  /** The syncs once the style has loaded; none before. */
  const syncs = useRef<MapSync[]>([]);
  const mapRef = useRef<MapLibreMap | null>(null);
  /** The style for the current props (flavour, script), from the sources made at creation. */
  const currentStyle = useRef<() => ReturnType<typeof buildStyle>>(null);

  /** The project sources for the current projects (rebuilt when they change). */
  const sources = useRef<{ current: ProjectSources; sites: SiteSource }>(null);

  useEffect(() => {
    sources.current = { current: sourcesFor(props), sites: props.sites };
    const style = () =>
      buildStyle({
        flavor: FLAVORS[latest.current.flavor ?? 'light'],
        sources: sources.current!.current,
        fontFaces: labelFontFaces(labelFaces, location.href),
        labels: latest.current.labels,
        countries: latest.current.countries,
      });
    currentStyle.current = style;
    const camera = props.camera;
    const map = new MapLibreMap({
      container: container.current!,
      style: style(),
      ...(camera ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom } : { bounds: initialBounds(props.basemap, props.sites.projects), fitBoundsOptions: { padding: 40 } }),
      maxBounds: contextBounds(props.basemap),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      cooperativeGestures: props.cooperative,
      // Labels appear at once, not faded in, for those who ask for less motion.
      fadeDuration: reducedMotion() ? 0 : 300,
      canvasContextAttributes: { preserveDrawingBuffer: new URLSearchParams(location.search).has('capture') },
    });
    leaveOutSky(map);
    mapRef.current = map;
    window.__atlasMap = map;
    map.addControl(new AttributionControl({ customAttribution: creditsHtml(props.credits) }), 'bottom-right');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();

    const ref = sources.current;
    const highlight = new HighlightSync(ref);
    const parts: MapSync[] = [
      new SelectionSync(ref),
      new FreshSync(ref),
      new MunicipalitySync(),
      new NetworkSync(),
      new LabelSync(),
      highlight,
      new InteractionSync(ref, highlight),
      new CameraSync(),
      new ExportSync(ref, style),
    ];
    let ready = false;
    map.on('load', () => {
      // A narrow map shows its credits behind an (i) button, closed until asked for.
      container.current?.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
      for (const part of parts) part.onAdd(map, latest.current);
      syncs.current = parts;
    });
    map.on('error', (e) => {
      if (!ready) latest.current.onError(e.error?.message ?? String(e));
    });
    map.on('idle', () => {
      if (ready) return;
      ready = true;
      performance.mark('atlas:ready');
      latest.current.onDrawn();
    });
    return () => {
      for (const part of syncs.current) part.onRemove();
      syncs.current = [];
      map.remove();
      mapRef.current = null;
      delete window.__atlasMap;
    };
  }, []);

  // New projects (an opened file, a large dataset's loaded projects) give new sources; entering or
  // leaving the presenter changes the flavour. Either way the style is diffed in place, and what
  // the syncs draw on top of it is written again.
  const flavor = useRef(props.flavor);
  useEffect(() => {
    const map = mapRef.current;
    if (map && syncs.current.length) {
      const renewed = sources.current!.sites !== props.sites;
      if (renewed) sources.current = Object.assign(sources.current!, { current: sourcesFor(props), sites: props.sites });
      for (const part of syncs.current) part.update(props);
      if (renewed || flavor.current !== props.flavor) {
        map.setStyle(currentStyle.current!(), { diff: true });
        const restyle = () => syncs.current.forEach((part) => part.restyle());
        // A diffed style has its layers at once, though a source may still be loading its data (then
        // isStyleLoaded says no, and no 'style.load' follows); a style rebuilt whole has them on 'style.load'.
        if (map.getLayersOrder().length) restyle();
        else map.once('style.load', restyle);
      }
    }
    flavor.current = props.flavor;
  });

  return <div ref={container} class="map" role="region" aria-label={props.label} />;
}
