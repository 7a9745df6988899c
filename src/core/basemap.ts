/** The shape of geo/out/basemap.json, written by geo/build.ts and drawn by src/map. */
import type { FeatureCollection, Geometry, MultiLineString, Point } from 'geojson';
import type { CountryCode } from './types';

export type BoundaryKind = 'municipality' | 'district' | 'state' | 'area' | 'country';

export interface BasemapData {
  countries: FeatureCollection<Geometry, { iso: string; nameEn: string; nameLocal: string }>;
  municipalities: FeatureCollection<Geometry, { id: string; country: CountryCode; nameLat: string; nameCyr: string; districtId: string }>;
  boundaries: FeatureCollection<MultiLineString, { kind: BoundaryKind }>;
  labels: FeatureCollection<Point, { id: string; nameLat: string; nameCyr: string; capital: boolean }>;
}
