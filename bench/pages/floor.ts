/**
 * The benchmark's floor: a bare maplibre page that draws the same boundaries and sites with the
 * same style as the atlas, with no app around it. Marks 'atlas:ready' at its first idle.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import basemapUrl from '../../data/programmes/bg-rs/geo/basemap.json?url';
import dataUrl from '../../data/out/atlas-data.json?url';
import type { BasemapData } from '../../src/core/basemap';
import type { AtlasData } from '../../src/core/types';
import { labelFontFaces } from '../../src/map/fonts';
import { light } from '../../src/palette/flavors';
import { geojsonSources } from '../../src/map/sources';
import { buildStyle } from '../../src/map/style';

setWorkerUrl(workerUrl);
const [data, basemap] = await Promise.all([fetch(dataUrl).then((r) => r.json() as Promise<AtlasData>), fetch(basemapUrl).then((r) => r.json() as Promise<BasemapData>)]);
const located = data.projects.filter((p) => p.locations.length);
const map = new MapLibreMap({
  container: 'map',
  style: buildStyle({ flavor: light, sources: geojsonSources(basemap, located), fontFaces: labelFontFaces(location.href), labels: { script: 'Latn', fallback: 'Latn' }, countries: ['BG', 'RS'] }),
  bounds: [21.3, 41.9, 24.4, 44.8],
  fitBoundsOptions: { padding: 40 },
});
map.once('idle', () => performance.mark('atlas:ready'));
