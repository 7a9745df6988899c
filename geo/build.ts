/**
 * npm run geo: builds the app's boundary files from ../shared/geo-sources.
 *   geo/out/basemap.json        programme-area municipalities, boundary lines by kind, context
 *                               countries and place labels (coordinates rounded to ~10 m)
 *   geo/out/municipalities.json every BG and RS municipality (id, names, district, seat), so that
 *                               partners outside the area (Sofia, Blagoevgrad, Belgrade) have a home
 */
import { writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { bgMunicipalityId, rsMunicipalityId } from '../src/core/municipality-ids';
import type { BasemapData, BoundaryKind } from '../src/core/basemap';
import { settlementRow, type GazetteerData } from '../src/core/gazetteer';
import { loadGeoSources, readJson, round } from './sources';

type Props = Record<string, string | number | boolean | null>;

type Objects = { municipalities: GeometryCollection<Props>; districts: GeometryCollection<Props>; countries: GeometryCollection<Props>; seats: GeometryCollection<Props> };
// Topology-preserving simplification (shared borders stay shared): keep the most significant
// SIMPLIFY_KEEP of the vertices by Visvalingam area, invisible below zoom ~10.
const SIMPLIFY_KEEP = 0.35;
const source = presimplify(readJson<Topology<Objects>>('programme_area.topojson'));
const topo = simplify(source, quantile(source, 1 - SIMPLIFY_KEEP)) as Topology<Objects>;
const { municipalities, settlements, districts } = loadGeoSources();
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
    properties: { id, country: record.country, nameLat: record.nameLat, nameCyr: record.nameCyr, districtId: record.districtId },
  };
});

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
  line('country', mesh(topo, topo.objects.countries, (a, b) => a !== b)),
];

const countries = (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, Props>).features.map((f) => ({
  type: 'Feature' as const,
  geometry: roundGeometry(f.geometry),
  properties: { iso: String(f.properties.iso_a2), nameEn: String(f.properties.name_en), nameLocal: String(f.properties.name_local) },
}));

// Labels: every programme-area municipality at its seat, and the two capitals for orientation.
const capitals = ['BG-SOF46', 'RS-beograd'];
const labels = municipalities
  .filter((r) => r.inArea || capitals.includes(r.id))
  .map((r) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: r.seat as Position },
    properties: { id: r.id, nameLat: r.nameLat, nameCyr: r.nameCyr, capital: capitals.includes(r.id) },
  }));

const basemap: BasemapData = {
  countries: { type: 'FeatureCollection', features: countries },
  municipalities: { type: 'FeatureCollection', features: municipalityFeatures },
  boundaries: { type: 'FeatureCollection', features: boundaries },
  labels: { type: 'FeatureCollection', features: labels },
};
const inArea = municipalityFeatures.length;
if (inArea !== 105) throw new Error(`expected 105 programme-area municipalities, got ${inArea}`);

writeFileSync(new URL('./out/basemap.json', import.meta.url), JSON.stringify(basemap));
writeFileSync(new URL('./out/municipalities.json', import.meta.url), JSON.stringify(municipalities));
// The gazetteer that places imported partners, in the page as in `npm run import`: rows, not objects, to stay small.
const gazetteer: GazetteerData = { settlements: settlements.map(settlementRow), districts };
writeFileSync(new URL('./out/gazetteer.json', import.meta.url), JSON.stringify(gazetteer));
console.log(`geo: ${inArea} programme-area municipalities, ${municipalities.length} municipality records, ${labels.length} labels, ${settlements.length} settlements, ${districts.length} districts`);
