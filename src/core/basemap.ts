/** The shape of a programme's geo/basemap.json (geo/build.ts writes Bulgaria–Serbia's), drawn by src/map. */
import type { FeatureCollection, Geometry, MultiLineString, Point } from 'geojson';
import type { Names } from './programme';
import type { CountryCode } from './types';

/** Place names as flat `name_<script>` properties ("name_Latn"): the map's expressions read them. */
export type NameProperties = Record<`name_${string}`, string>;

/** The property holding a place's name in a script. */
export const nameProperty = (script: string): `name_${string}` => `name_${script}`;

export const nameProperties = (names: Names): NameProperties =>
  Object.fromEntries(Object.entries(names).map(([script, name]) => [nameProperty(script), name]));

export type BoundaryKind = 'municipality' | 'district' | 'state' | 'area' | 'country';

export interface BasemapData {
  countries: FeatureCollection<Geometry, { iso: string; nameEn: string; nameLocal: string }>;
  municipalities: FeatureCollection<Geometry, { id: string; country: CountryCode; districtId: string } & NameProperties>;
  boundaries: FeatureCollection<MultiLineString, { kind: BoundaryKind }>;
  labels: FeatureCollection<Point, { id: string; capital: boolean } & NameProperties>;
}
