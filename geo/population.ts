/**
 * Population figures joined to the municipality records (npm run geo). A population table's rows are
 * matched by country, district and name (a city municipality to its city); each source's figures are
 * checked against its year; every municipality takes the first source of its country, in the
 * descriptor's order, that counts it. Never adjusted, summed across sources or interpolated. Bad
 * rows fail naming the file, the row and the reason. Pure.
 */
import type { Names, PopulationSource } from '../src/core/programme';
import type { MunicipalityRecord, Population } from '../src/core/types';

/** A municipality record, or a unit inside one (a city municipality), as a population table names it. */
export interface Unit {
  id: string;
  country: string;
  district: string;
  /** The names the table writes, in its two name columns. */
  name: string;
  localName: string;
  names: Names;
  inArea: boolean;
  /** The record whose partners this unit's partners are (a city municipality's city). */
  partOf?: string;
}

/** One row of a population table: where it is, whom it names, and its cells. */
export interface TableRow {
  line: number;
  country: string;
  district: string;
  name: string;
  localName: string;
  cells: Readonly<Record<string, string>>;
}

const same = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/** Each row's unit; fails on a row that names none, or two, and on an area unit that no row names. */
export function matchRows(file: string, rows: readonly TableRow[], units: readonly Unit[]): Map<string, TableRow> {
  const byUnit = new Map<string, TableRow>();
  for (const row of rows) {
    const at = `${file}: row ${row.line}`;
    const named = units.filter((u) => u.country === row.country && same(u.name, row.name));
    const found = named.filter((u) => same(u.district, row.district));
    if (found.length === 0) {
      const elsewhere = named.map((u) => u.district).join(', ');
      throw new Error(`${at}: no municipality "${row.name}" in ${row.district} (${row.country})${elsewhere ? `; one is in ${elsewhere}` : ''}`);
    }
    if (found.length > 1) throw new Error(`${at}: "${row.name}" names ${found.length} municipalities in ${row.district}: ${found.map((u) => u.id).join(', ')}`);
    const [unit] = found;
    if (row.localName && !same(unit.localName, row.localName)) throw new Error(`${at}: local name "${row.localName}" is not ${unit.id}'s "${unit.localName}"`);
    const earlier = byUnit.get(unit.id);
    if (earlier) throw new Error(`${at}: ${unit.id} (${row.name}) is already on row ${earlier.line}`);
    byUnit.set(unit.id, row);
  }
  const missing = units.filter((u) => u.inArea && !byUnit.has(u.id));
  if (missing.length) throw new Error(`${file}: no row for ${missing.length} programme-area municipalities: ${missing.map((u) => `${u.name} (${u.id})`).join(', ')}`);
  return byUnit;
}

/** One table source's figures by unit id: whole numbers, each from a row whose year is the source's. */
export function tableCounts(file: string, matched: ReadonlyMap<string, TableRow>, source: PopulationSource): Map<string, number> {
  const read = source.read!;
  const counts = new Map<string, number>();
  for (const [id, row] of matched) {
    if (row.country !== source.country) continue;
    const value = (row.cells[read.count] ?? '').trim();
    if (value === '') continue;
    const at = `${file}: row ${row.line}`;
    if (!/^\d+$/.test(value) || Number(value) === 0) throw new Error(`${at}: ${read.count}: expected a whole number of inhabitants, got "${value}"`);
    const year = read.year ? (row.cells[read.year] ?? '').trim() : String(source.year);
    if (year !== String(source.year)) throw new Error(`${at}: ${read.year}: "${year}", but source ${source.id} is of ${source.year}`);
    counts.set(id, Number(value));
  }
  return counts;
}

/**
 * Each record with the first figure its country's sources give, and its parts with theirs.
 * `counts` holds every source's figures by unit id; `units` names the parts of each record.
 */
export function withPopulation(records: readonly MunicipalityRecord[], sources: readonly PopulationSource[], counts: ReadonlyMap<string, ReadonlyMap<string, number>>, units: readonly Unit[]): MunicipalityRecord[] {
  const pick = (id: string, country: string): Population | null => {
    for (const s of sources) {
      const count = s.country === country ? counts.get(s.id)?.get(id) : undefined;
      if (count !== undefined) return { count, source: s.id };
    }
    return null;
  };
  return records.map((r) => {
    const parts = units.filter((u) => u.partOf === r.id);
    return {
      ...r,
      population: pick(r.id, r.country),
      ...(parts.length ? { parts: parts.map((u) => ({ names: u.names, population: pick(u.id, u.country) })) } : {}),
    };
  });
}
