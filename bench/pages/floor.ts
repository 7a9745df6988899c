/**
 * The benchmark's floor: a bare maplibre page that draws the same boundaries and sites with the
 * same style as the atlas, with no app around it. Marks 'atlas:ready' at its first idle.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { labelFaces } from 'virtual:atlas-dataset';
import { loadAtlas } from '../../src/dataset/load';
import { labelFontFaces } from '../../src/map/fonts';
import { light } from '../../src/palette/flavors';
import { createSources } from '../../src/map/sources';
import { buildStyle } from '../../src/map/style';

setWorkerUrl(workerUrl);
// The files the atlas's first frame loads, decoded the same way.
const { basemap, sites } = await loadAtlas();
const map = new MapLibreMap({
  container: 'map',
  style: buildStyle({ flavor: light, sources: createSources(basemap, sites), fontFaces: labelFontFaces(labelFaces, location.href), labels: { script: 'Latn', fallback: 'Latn' }, countries: ['BG', 'RS'] }),
  bounds: [21.3, 41.9, 24.4, 44.8],
  fitBoundsOptions: { padding: 40 },
});
map.once('idle', () => performance.mark('atlas:ready'));
