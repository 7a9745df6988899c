/**
 * Reads ../shared/geo-sources (or $ATLAS_GEO_SOURCES) into the atlas's own shapes for the Bulgaria–Serbia programme: municipality
 * records with their ids, settlements, and polygons for point-in-polygon checks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import { parseCsv } from '../src/core/csv';
import type { District, Settlement } from '../src/core/gazetteer';
import { bgMunicipalityId, rsMunicipalityId } from './municipality-ids';
import type { Programme } from '../src/core/programme';
import type { MunicipalityRecord } from '../src/core/types';
import { matchRows, tableCounts, withPopulation, type TableRow, type Unit } from './population';

export const GEO_SOURCES = resolve(process.env.ATLAS_GEO_SOURCES ?? new URL('../../shared/geo-sources', import.meta.url).pathname);

export const sourcePath = (file: string): string => resolve(GEO_SOURCES, file);

export function readJson<T>(file: string): T {
  const path = sourcePath(file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

const readCsv = (file: string) => parseCsv(readFileSync(sourcePath(file), 'utf8'), sourcePath(file));

type Props = Record<string, string | number | boolean | null>;
export type MunicipalityPolygon = Feature<Polygon | MultiPolygon, Props> & { id: string };

export interface GeoSources {
  municipalities: MunicipalityRecord[];
  /** Per programme-area municipality: the figure taken and every source's figure. */
  populationReport: string[];
  /** Full-detail polygons keyed like the records (BG obshtini; RS local self-government units). */
  polygons: MunicipalityPolygon[];
  settlements: Settlement[];
  districts: District[];
}

export function loadGeoSources(programme: Programme): GeoSources {
  const bg = readJson<FeatureCollection<Polygon | MultiPolygon, Props>>('bg_municipalities.geojson');
  const rs = readJson<FeatureCollection<Polygon | MultiPolygon, Props>>('rs_lsg.geojson');
  const bgRows = readCsv('bg_settlements.csv');
  const rsRows = readCsv('rs_settlements.csv');

  const rsIdByLsg = new Map<string, string>();
  for (const f of rs.features) rsIdByLsg.set(String(f.properties.name), rsMunicipalityId(f.properties.code as string | null, String(f.properties.name)));

  const settlements: Settlement[] = [];
  for (const r of bgRows) {
    if (!r.lat || !r.lon) continue; // two EKATTE rows have no coordinates
    settlements.push({
      id: `ekatte:${r.ekatte}`,
      country: 'BG',
      names: { Latn: r.name_en, Cyrl: r.name_bg },
      municipalityId: bgMunicipalityId(r.municipality_code),
      districtId: r.district_iso,
      isSeat: r.is_municipal_seat === '1',
      lon: Number(r.lon),
      lat: Number(r.lat),
    });
  }
  // Serbian seats: the flagged row of its unit; where a unit has several (Vranje and Vranjska Banja,
  // the Belgrade city municipalities), the one named like the unit, or the capital.
  const flaggedByLsg = new Map<string, string[]>();
  for (const r of rsRows) {
    if (r.is_municipal_seat === '1') flaggedByLsg.set(r.lsg, [...(flaggedByLsg.get(r.lsg) ?? []), r.name]);
  }
  const isRsSeat = (r: Record<string, string>): boolean => {
    const flagged = flaggedByLsg.get(r.lsg) ?? [];
    if (r.is_municipal_seat !== '1') return false;
    return flagged.length === 1 || r.name === r.lsg || r.feature_code === 'PPLC';
  };
  for (const r of rsRows) {
    const municipalityId = rsIdByLsg.get(r.lsg);
    if (!municipalityId) throw new Error(`${sourcePath('rs_settlements.csv')}: ${r.name}: unknown lsg "${r.lsg}"`);
    settlements.push({
      id: r.geonames_id ? `gn:${r.geonames_id}` : `wof:${r.wof_id}`,
      country: 'RS',
      names: { Latn: r.name, Cyrl: r.name_cyr },
      municipalityId,
      districtId: r.district_iso,
      isSeat: isRsSeat(r),
      lon: Number(r.lon),
      lat: Number(r.lat),
    });
  }
  const seatById = new Map(settlements.filter((s) => s.isSeat).map((s) => [s.municipalityId, s]));
  const polygons: MunicipalityPolygon[] = [];
  const municipalities: MunicipalityRecord[] = [];
  for (const f of bg.features) {
    const p = f.properties;
    const id = bgMunicipalityId(String(p.lau_code));
    polygons.push({ ...f, id });
    municipalities.push({
      id,
      country: 'BG',
      names: { Latn: String(p.name_en), Cyrl: String(p.name_bg) },
      districtId: String(p.district_iso),
      districtNames: { Latn: String(p.district_en), Cyrl: String(p.district_bg).replace(/\s*\(област\)$/, '') },
      inArea: p.programme_area === true,
      seat: seatOrLabelPoint(seatById.get(id), f),
      population: null,
    });
  }
  for (const f of rs.features) {
    const p = f.properties;
    const id = rsIdByLsg.get(String(p.name))!;
    polygons.push({ ...f, id });
    municipalities.push({
      id,
      country: 'RS',
      names: { Latn: String(p.name), Cyrl: String(p.name_cyr) },
      districtId: String(p.district_iso),
      districtNames: { Latn: String(p.district), Cyrl: String(p.district_cyr) },
      inArea: p.programme_area === true,
      seat: seatOrLabelPoint(seatById.get(id), f),
      population: null,
    });
  }
  // Settlement rows by their municipality, for sources that count settlements.
  const settlementRows = new Map<string, { row: Record<string, string>; municipalityId: string }[]>([
    ['bg_settlements.csv', bgRows.map((row) => ({ row, municipalityId: bgMunicipalityId(row.municipality_code) }))],
    ['rs_settlements.csv', rsRows.map((row) => ({ row, municipalityId: rsIdByLsg.get(row.lsg)! }))],
  ]);
  const withCounts = loadPopulation(programme, municipalities, settlementRows);
  return { ...withCounts, polygons, settlements, districts: loadDistricts(polygons, municipalities) };
}

/**
 * The programme's population sources read and joined (geo/population.ts): the municipalities with
 * their figures, and a line per municipality of what was matched, for the build's report.
 */
function loadPopulation(
  programme: Programme,
  municipalities: MunicipalityRecord[],
  settlementRows: ReadonlyMap<string, { row: Record<string, string>; municipalityId: string }[]>,
): { municipalities: MunicipalityRecord[]; populationReport: string[] } {
  // A city's own municipalities (Niš): matched by name, their partners belong to the city.
  const cities = new Map(municipalities.map((m) => [`${m.country}:${m.names.Latn}`, m.id]));
  const parts: Unit[] = readJson<FeatureCollection<Polygon | MultiPolygon, Props>>('rs_municipalities.geojson')
    .features.map((f) => f.properties)
    .filter((p) => p.unit_type === 'gradska opština' && p.programme_area === true)
    .map((p) => ({ id: String(p.id), country: 'RS', district: String(p.district), name: String(p.name), localName: String(p.name_cyr), names: { Latn: String(p.name), Cyrl: String(p.name_cyr) }, inArea: true, partOf: cities.get(`RS:${String(p.lsg)}`) }));
  const units: Unit[] = [
    ...municipalities.map((m) => ({ id: m.id, country: m.country, district: m.districtNames.Latn, name: m.names.Latn, localName: m.names.Cyrl, names: m.names, inArea: m.inArea })),
    ...parts,
  ];
  const counts = new Map<string, Map<string, number>>();
  const tables = new Map<string, Map<string, TableRow>>();
  for (const source of programme.population) {
    const read = source.read;
    if (!read) throw new Error(`programme.json: population ${source.id}: the geo build needs its "read" (file and columns)`);
    if (read.rows === 'settlements') {
      const rows = settlementRows.get(read.file);
      if (!rows) throw new Error(`programme.json: population ${source.id}: ${read.file} is not a settlement file of the geo sources`);
      const sums = new Map<string, number>();
      for (const { row, municipalityId } of rows) {
        if ((row[read.count] ?? '') === '') continue;
        sums.set(municipalityId, (sums.get(municipalityId) ?? 0) + Number(row[read.count]));
      }
      counts.set(source.id, sums);
      continue;
    }
    let matched = tables.get(read.file);
    if (!matched) {
      const rows: TableRow[] = readCsv(read.file).map((cells, i) => ({ line: i + 2, country: cells.country, district: cells.district, name: cells.municipality_latin, localName: cells.municipality_local, cells }));
      matched = matchRows(sourcePath(read.file), rows, units);
      tables.set(read.file, matched);
    }
    counts.set(source.id, tableCounts(sourcePath(read.file), matched, source));
  }
  const joined = withPopulation(municipalities, programme.population, counts, units);
  const figures = (id: string) => programme.population.filter((s) => counts.get(s.id)?.has(id)).map((s) => `${s.id} ${counts.get(s.id)!.get(id)}`).join(', ') || 'none';
  const populationReport = joined
    .filter((m) => m.inArea)
    .flatMap((m) => [
      `${m.id} ${m.names.Latn}: ${m.population ? `${m.population.count} (${m.population.source})` : 'unknown'}; figures: ${figures(m.id)}`,
      ...units.filter((u) => u.partOf === m.id).map((u) => `  part ${u.name}: figures: ${figures(u.id)}`),
    ]);
  return { municipalities: joined, populationReport };
}

/** BG oblasti and RS okrugs with a centre inside each (its centroid, or a point on it where the centroid falls outside). */
function loadDistricts(polygons: MunicipalityPolygon[], municipalities: MunicipalityRecord[]): District[] {
  const country = new Map(municipalities.map((m) => [m.id, m.country]));
  const sources = [
    { file: 'bg_districts.geojson', country: 'BG' as const, lat: 'district_en', cyr: 'district_bg' },
    { file: 'rs_districts.geojson', country: 'RS' as const, lat: 'district', cyr: 'district_cyr' },
  ];
  return sources.flatMap(({ file, country: c, lat, cyr }) =>
    readJson<FeatureCollection<Polygon | MultiPolygon, Props>>(file).features.map((f) => {
      const inside = centroid(f);
      const centre = booleanPointInPolygon(inside, f) ? inside : pointOnFeature(f);
      const [lon, la] = centre.geometry.coordinates;
      const home = polygons.find((p) => country.get(p.id) === c && booleanPointInPolygon(centre, p));
      if (!home) throw new Error(`${sourcePath(file)}: ${f.properties[lat]}: its centre lies in no municipality`);
      return {
        id: String(f.properties.district_iso),
        nuts3: String(f.properties.district_nuts3),
        country: c,
        names: { Latn: String(f.properties[lat]), Cyrl: String(f.properties[cyr]).replace(/\s*\(област\)$/, '') },
        centre: [round(lon), round(la)] as [number, number],
        municipalityId: home.id,
      };
    }),
  );
}

function seatOrLabelPoint(seat: Settlement | undefined, f: Feature<Polygon | MultiPolygon>): [number, number] {
  if (seat) return [seat.lon, seat.lat];
  const [lon, lat] = pointOnFeature(f).geometry.coordinates;
  return [round(lon), round(lat)];
}

export const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
