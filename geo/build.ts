/**
 * npm run geo: builds the Bulgaria–Serbia programme's boundary files (data/programmes/bg-rs/geo/)
 * from ../shared/geo-sources; another programme brings its own files of the same shape.
 *   basemap.json        programme-area municipalities, boundary lines by kind, context countries
 *                       and place labels (coordinates rounded to ~10 m)
 *   municipalities.json every BG and RS municipality (id, names, district, seat), so that partners
 *                       outside the area (Sofia, Blagoevgrad, Belgrade) have a home
 *   gazetteer.json      the settlements and districts that place partners
 *   population.txt      what each area municipality's population was matched to (for review)
 */
import { writeFileSync } from 'node:fs';
import { simplify as simplifyGeometry } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { bgMunicipalityId, rsMunicipalityId } from './municipality-ids';
import { nameProperties, type BasemapData, type BoundaryKind } from '../src/core/basemap';
import { gazetteerData } from '../src/core/gazetteer';
import { DEFAULT_PROGRAMME, readProgramme } from '../data/dataset-dir';
import { loadGeoSources, readJson, round } from './sources';

const OUT = new URL('../data/programmes/bg-rs/geo/', import.meta.url);
/** The programme area of the sources (SOURCES.md): 36 Serbian units and 69 Bulgarian obshtini. */
const AREA_MUNICIPALITIES = 105;

type Props = Record<string, string | number | boolean | null>;

type Objects = { municipalities: GeometryCollection<Props>; districts: GeometryCollection<Props>; countries: GeometryCollection<Props>; seats: GeometryCollection<Props> };
// Topology-preserving simplification (shared borders stay shared): keep the most significant
// SIMPLIFY_KEEP of the vertices by Visvalingam area, invisible below zoom ~10.
const SIMPLIFY_KEEP = 0.35;
const source = presimplify(readJson<Topology<Objects>>('programme_area.topojson'));
const topo = simplify(source, quantile(source, 1 - SIMPLIFY_KEEP)) as Topology<Objects>;
const programme = readProgramme(DEFAULT_PROGRAMME);
const { municipalities, settlements, districts, populationReport } = loadGeoSources(programme);
const byId = new Map(municipalities.map((m) => [m.id, m]));

const idOf = (p: Props): string =>
  p.country === 'BG' ? bgMunicipalityId(String(p.code)) : rsMunicipalityId(p.code as string | null, String(p.name_lat));

function roundGeometry<G extends Geometry>(g: G): G {
  const r = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? (c as number[]).map((x) => round(x)) : (c as unknown[]).map(r));
  return 'coordinates' in g ? { ...g, coordinates: r(g.coordinates) } : g;
}

const municipalityFeatures = (feature(topo, topo.objects.municipalities) as FeatureCollection<Geometry, Props>).features.map((f) => {
  const id = idOf(f.properties);
  const record = byId.get(id);
  if (!record) throw new Error(`programme_area.topojson: municipality ${f.properties.name_lat} → ${id} is not in the municipality layers`);
  return {
    type: 'Feature' as const,
    id: undefined,
    geometry: roundGeometry(f.geometry),
    properties: { id, country: record.country, ...nameProperties(record.names), districtId: record.districtId },
  };
});

// The context countries at their full extent (not clipped to the programme area), so that a camera
// anywhere within them (the map keeps to their extent) never shows an empty band; simplified to
// about 2 km, invisible at the zooms where they show.
const context = readJson<FeatureCollection<Polygon | MultiPolygon, Props>>('countries_context.geojson');
const countries = context.features.map((f) => ({
  type: 'Feature' as const,
  geometry: roundGeometry(simplifyGeometry(f, { tolerance: 0.02 }).geometry),
  properties: { iso: String(f.properties.iso_a2), nameEn: String(f.properties.name_en), nameLocal: String(f.properties.name_local) },
}));
const countryLines: MultiLineString = {
  type: 'MultiLineString',
  coordinates: countries.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((polygon) => polygon)),
};

const line = (kind: BoundaryKind, g: MultiLineString): Feature<MultiLineString, { kind: BoundaryKind }> => ({
  type: 'Feature',
  geometry: roundGeometry(g),
  properties: { kind },
});
const m = topo.objects.municipalities;
const prop = (o: unknown, k: string) => (o as { properties: Props }).properties[k];
const boundaries = [
  line('municipality', mesh(topo, m, (a, b) => a !== b && prop(a, 'district_iso') === prop(b, 'district_iso'))),
  line('district', mesh(topo, m, (a, b) => prop(a, 'district_iso') !== prop(b, 'district_iso') && prop(a, 'country') === prop(b, 'country'))),
  line('state', mesh(topo, m, (a, b) => prop(a, 'country') !== prop(b, 'country'))),
  line('area', mesh(topo, m, (a, b) => a === b)),
  line('country', countryLines),
];


// Labels: every programme-area municipality at its seat, and the two capitals for orientation.
const capitals = ['BG-SOF46', 'RS-beograd'];
const labels = municipalities
  .filter((r) => r.inArea || capitals.includes(r.id))
  .map((r) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: r.seat as Position },
    properties: { id: r.id, ...nameProperties(r.names), capital: capitals.includes(r.id) },
  }));

const basemap: BasemapData = {
  countries: { type: 'FeatureCollection', features: countries },
  municipalities: { type: 'FeatureCollection', features: municipalityFeatures },
  boundaries: { type: 'FeatureCollection', features: boundaries },
  labels: { type: 'FeatureCollection', features: labels },
};
const inArea = municipalityFeatures.length;
if (inArea !== AREA_MUNICIPALITIES) throw new Error(`expected ${AREA_MUNICIPALITIES} programme-area municipalities, got ${inArea}`);

writeFileSync(new URL('basemap.json', OUT), JSON.stringify(basemap));
writeFileSync(new URL('municipalities.json', OUT), JSON.stringify(municipalities));
// The gazetteer that places imported partners, in the page as in `npm run import`.
writeFileSync(new URL('gazetteer.json', OUT), JSON.stringify(gazetteerData(settlements, districts, programme.scripts)));
// What each programme-area municipality's population was matched to, for review beside the sources.
writeFileSync(
  new URL('population.txt', OUT),
  `Population per programme-area municipality: the figure taken (source), then every source's figure (npm run geo).\n${populationReport.join('\n')}\n`,
);
const taken = programme.population.map((s) => `${s.id} ${municipalities.filter((m) => m.inArea && m.population?.source === s.id).length}`);
console.log(`geo: population of the area by source: ${taken.join(', ')}, none ${municipalities.filter((m) => m.inArea && !m.population).length}`);
console.log(`geo: ${inArea} programme-area municipalities, ${municipalities.length} municipality records, ${labels.length} labels, ${settlements.length} settlements, ${districts.length} districts`);
