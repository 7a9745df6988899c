/** Small hand-made projects for the pure-logic tests. */
import { DEFAULT_PROGRAMME, readProgramme } from '../../data/dataset-dir';
import { parseAmount } from '../../src/core/amount';
import type { Location, MunicipalityRecord, Partner, Project } from '../../src/core/types';

/** The Bulgaria–Serbia programme's descriptor (data/programmes/bg-rs/programme.json). */
export const PROGRAMME = readProgramme(DEFAULT_PROGRAMME);

export const municipality = (id: string, nameLat: string, nameCyr: string, districtId: string, population: number | null = null): MunicipalityRecord => ({
  id, country: id.slice(0, 2), names: { Latn: nameLat, Cyrl: nameCyr }, districtId, districtNames: { Latn: districtId, Cyrl: districtId }, inArea: true, seat: null,
  population: population === null ? null : { count: population, source: `${id.slice(0, 2).toLowerCase()}-test-census` },
});

export const MUNICIPALITIES = new Map(
  [
    municipality('RS-70939', 'Pirot', 'Пирот', 'RS-22'),
    municipality('RS-70327', 'Bor', 'Бор', 'RS-14'),
    municipality('BG-MON29', 'Montana', 'Монтана', 'BG-12', 47_000),
    municipality('BG-VID09', 'Vidin', 'Видин', 'BG-05', 60_000),
  ].map((m) => [m.id, m]),
);

const loc = (municipalityId: string, partners: number[]): Location => {
  const m = MUNICIPALITIES.get(municipalityId)!;
  return { settlementId: `s:${municipalityId}`, names: m.names, country: m.country, municipalityId, lon: 22, lat: 43, method: 'settlement', partners };
};

interface Spec {
  id: string;
  period?: Project['period'];
  theme?: Project['theme'];
  type?: Project['type'];
  total?: string | null;
  eu?: string | null;
  title?: string;
  /** [municipality id or null (not placed), partner budget or null] */
  partners?: [string | null, string | null][];
  objective?: string | null;
}

export function project(spec: Spec): Project {
  const locations: Location[] = [];
  const partners: Partner[] = (spec.partners ?? []).map(([m, budget], i) => {
    let location: number | null = null;
    if (m) {
      location = locations.findIndex((l) => l.municipalityId === m);
      if (location < 0) location = locations.push(loc(m, [])) - 1;
      locations[location].partners.push(i);
    }
    return { name: `Partner ${i} of ${spec.id}`, role: null, country: m ? m.slice(0, 2) : null, town: null, budget: budget ? parseAmount(budget) : null, location };
  });
  return {
    id: spec.id, code: null, period: spec.period === undefined ? '2014-2020' : spec.period, acronym: null, title: { en: spec.title ?? `Project ${spec.id}`, bg: null, sr: null }, untitled: false,
    call: null, priorityAxis: null, specificObjective: null, objective: spec.objective ?? null, theme: spec.theme ?? 'tourism-heritage', themeBasis: 'programme', themeBecause: '',
    type: spec.type ?? null, durationMonths: null, startDate: null, endDate: null,
    total: spec.total ? parseAmount(spec.total) : null, eu: spec.eu ? parseAmount(spec.eu) : null, euRate: null,
    interventionField: null, summary: null, partners, sites: [], locations, links: [], sources: ['https://example.org'], notes: '',
  };
}
