/**
 * Comparing municipalities per inhabitant: a value's rank among others, the median, and how many
 * municipalities take their population from each source. Municipalities without a value (no
 * population) are left out of ranks and medians, never counted as zero. Pure.
 */
import { municipalityValues } from './aggregate';
import type { PopulationSource } from './programme';
import type { MunicipalityRecord } from './types';

export interface Rank {
  /** 1 = highest; equal values share a rank. Null when this municipality has no value. */
  rank: number | null;
  /** How many of the group have a value. */
  of: number;
}

/** The rank of `id`'s value among the group's values, highest first. */
export function rankOf(id: string, values: ReadonlyMap<string, number | null>, group: readonly string[]): Rank {
  const known = knownValues(values, group);
  const mine = values.get(id);
  if (mine === null || mine === undefined || !group.includes(id)) return { rank: null, of: known.length };
  return { rank: 1 + known.filter((v) => v > mine).length, of: known.length };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The known values of a group, for medians and plots. */
export const knownValues = (values: ReadonlyMap<string, number | null>, group: readonly string[]): number[] =>
  group.map((g) => values.get(g)).filter((v): v is number => v !== null && v !== undefined);

/** How many of the municipalities take their population from each source (in the descriptor's order), and how many have none. */
export function sourceUse(municipalities: readonly MunicipalityRecord[], sources: readonly PopulationSource[]): { uses: { source: PopulationSource; count: number }[]; none: number } {
  const uses = sources.map((source) => ({ source, count: municipalities.filter((m) => m.population?.source === source.id).length })).filter((u) => u.count > 0);
  return { uses, none: municipalities.filter((m) => !m.population).length };
}

/** The sources a municipality of this country could take its figure from, in order (to say why it has none). */
export const sourcesFor = (country: string, sources: readonly PopulationSource[]): PopulationSource[] => sources.filter((s) => s.country === country);

/** A municipality per inhabitant against the programme area and its district. */
export interface Standing {
  /** Per inhabitant of every programme-area municipality (null: population not known). */
  values: ReadonlyMap<string, number | null>;
  area: Rank;
  district: Rank;
  /** Median of the area's known values. */
  median: number | null;
  /** How many of those have nothing attributed (why a median may be 0). */
  without: number;
}

/** `id`'s standing per inhabitant, from the budget attributed to each municipality. */
export function perInhabitantStanding(id: string, rows: readonly { municipalityId: string; total: number; projects: number }[], municipalities: readonly MunicipalityRecord[]): Standing {
  const area = municipalities.filter((m) => m.inArea);
  const values = municipalityValues('per-inhabitant', rows, area);
  const districtId = municipalities.find((m) => m.id === id)?.districtId;
  const ids = area.map((m) => m.id);
  const known = knownValues(values, ids);
  return {
    values,
    area: rankOf(id, values, ids),
    district: rankOf(id, values, area.filter((m) => m.districtId === districtId).map((m) => m.id)),
    median: median(known),
    without: known.filter((v) => v === 0).length,
  };
}
