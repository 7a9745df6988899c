/**
 * Places partners and named sites at settlements of the gazetteers, across Cyrillic/Latin
 * spellings and diacritics, always within the stated country.
 */
import type { Names } from './programme';
import { matchKey } from './text';
import type { CountryCode, LocationMethod, MunicipalityRecord } from './types';

export interface Settlement {
  id: string;
  country: CountryCode;
  /** Official names per script. */
  names: Names;
  municipalityId: string;
  districtId: string;
  isSeat: boolean;
  lon: number;
  lat: number;
}

/** A district (NUTS 3) with the point a partner known only by its district is placed at. */
export interface District {
  id: string;
  nuts3: string;
  country: CountryCode;
  names: Names;
  /** A point inside the district near its centre ("pole of the polygon"), [lon, lat]. */
  centre: [number, number];
  /** The municipality that point lies in (for the filters; the budget split leaves district places out). */
  municipalityId: string;
}

/** A programme's geo/gazetteer.json: settlements as rows (see `settlementRows`), names in the order of `scripts`, and the districts. */
export interface GazetteerData {
  scripts: string[];
  settlements: SettlementRow[];
  districts: District[];
}
type SettlementRow = [id: string, country: CountryCode, names: string[], municipalityId: string, districtId: string, isSeat: 0 | 1, lon: number, lat: number];

/** Rows, not objects, to stay small (the page loads the gazetteer to place an opened file's partners). */
export const gazetteerData = (settlements: readonly Settlement[], districts: District[], scripts: string[]): GazetteerData => ({
  scripts,
  settlements: settlements.map((s) => [s.id, s.country, scripts.map((script) => s.names[script] ?? ''), s.municipalityId, s.districtId, s.isSeat ? 1 : 0, s.lon, s.lat]),
  districts,
});

/** The gazetteer of a programme's geo/gazetteer.json with the municipality records. */
export function gazetteerFrom(data: GazetteerData, municipalities: MunicipalityRecord[]): Gazetteer {
  const settlements = data.settlements.map(([id, country, names, municipalityId, districtId, isSeat, lon, lat]) => ({
    id,
    country,
    names: Object.fromEntries(data.scripts.map((script, i) => [script, names[i]]).filter(([, name]) => name)),
    municipalityId,
    districtId,
    isSeat: isSeat === 1,
    lon,
    lat,
  }));
  return new Gazetteer(settlements, municipalities, data.districts);
}

const keysOf = (names: Names, ...more: string[]) => new Set([...Object.values(names), ...more].map((n) => matchKey(n)));
/** A name for notes and reports (the first script's). */
const nameOf = (names: Names) => Object.values(names)[0] ?? '';

export interface Placement {
  settlement: Settlement;
  method: LocationMethod;
  note?: string;
}

export type PlaceResult = { ok: true; placement: Placement } | { ok: false; reason: string };

/** Words after a place name that make it the name of something else ("Rila Park", "Vidin district"). */
const NAMED_AFTER = new Set(
  [
    'park', 'парк', 'mountain', 'mountains', 'planina', 'планина', 'monastery', 'манастир', 'manastir',
    'river', 'река', 'reka', 'lake', 'езеро', 'gorge', 'ждрело', 'klisura', 'cave', 'пещера', 'pećina',
    'nature', 'peak', 'връх', 'dam', 'язовир', 'district', 'област', 'okrug', 'округ', 'region', 'регион',
    'municipality', 'община', 'opština', 'општина', 'area', 'hill', 'хълм', 'brdo', 'брдо',
  ].map((w) => matchKey(w)),
);
/** Words that mark the next name as a village, so that it may be looked up in the partners' districts. */
const VILLAGE_MARKERS = new Set(['village', 'villages', 'село', 'selo', 'с', 'с.'].map((w) => matchKey(w)));
const NAMED_BEFORE = new Set(['river', 'река', 'reka', 'mount', 'mountain', 'planina', 'lake', 'park', 'парк', 'peak', 'връх'].map((w) => matchKey(w)));

export class Gazetteer {
  private readonly byKey = new Map<string, Settlement[]>();
  private readonly municipalityByKey = new Map<string, MunicipalityRecord[]>();
  private readonly seats = new Map<string, Settlement>();
  private readonly districtByKey = new Map<string, District[]>();
  private readonly municipalityById: Map<string, MunicipalityRecord>;

  constructor(
    settlements: Settlement[],
    readonly municipalities: MunicipalityRecord[],
    districts: District[] = [],
  ) {
    this.municipalityById = new Map(municipalities.map((m) => [m.id, m]));
    for (const d of districts) {
      for (const key of keysOf(d.names, d.id, d.nuts3)) push(this.districtByKey, key, d);
    }
    for (const s of settlements) {
      for (const key of keysOf(s.names)) push(this.byKey, key, s);
      if (s.isSeat) this.seats.set(s.municipalityId, s);
    }
    for (const m of municipalities) {
      for (const key of keysOf(m.names)) push(this.municipalityByKey, key, m);
    }
  }

  municipality(id: string): MunicipalityRecord | undefined {
    return this.municipalityById.get(id);
  }

  /** "Niš - Palilula" → the City of Niš; "Montana" → BG-MON29. */
  findMunicipality(country: CountryCode, name: string): MunicipalityRecord | null {
    const unit = name.split(/\s+[-–]\s+/)[0];
    const found = (this.municipalityByKey.get(matchKey(unit)) ?? []).filter((m) => m.country === country);
    return found.length === 1 ? found[0] : null;
  }

  named(country: CountryCode, name: string): Settlement[] {
    return (this.byKey.get(matchKey(name)) ?? []).filter((s) => s.country === country);
  }

  seatOf(municipalityId: string): Settlement | undefined {
    return this.seats.get(municipalityId);
  }

  /** "Vidin", "Видинска област", "BG-05", "BG311" → the district, within the country. */
  findDistrict(country: CountryCode, name: string): District | null {
    const bare = name.replace(/\s*(district|област|oblast|okrug|округ|upravni okrug|управни округ)\s*/giu, ' ').trim();
    const found = [name, bare].flatMap((n) => this.districtByKey.get(matchKey(n)) ?? []).filter((d) => d.country === country);
    return new Set(found).size === 1 ? found[0] : null;
  }

  /**
   * A partner's town (and municipality, when stated) → one settlement, or the reason why not.
   * Only when neither town nor municipality is given does a stated district place it, at the district's centre.
   */
  placePartner(country: CountryCode | null, town: string | null, municipality: string | null, district: string | null = null): PlaceResult {
    if (!country) return { ok: false, reason: 'country not stated' };
    const muni = municipality ? this.findMunicipality(country, municipality) : null;
    if (municipality && !muni) {
      return { ok: false, reason: `municipality "${municipality}" not found in ${country}` };
    }
    const inDistrict = !muni && district ? this.findDistrict(country, district) : null;
    const atDistrict = (why: string): PlaceResult | null => {
      if (!inDistrict) return null;
      const [lon, lat] = inDistrict.centre;
      const { id, names, municipalityId } = inDistrict;
      const settlement: Settlement = { id: `district:${id}`, country, names, municipalityId, districtId: id, isSeat: false, lon, lat };
      return { ok: true, placement: { settlement, method: 'district', note: `${why}: placed at the centre of ${nameOf(names)} district` } };
    };
    if (!town) {
      const seat = muni && this.seatOf(muni.id);
      if (seat) return { ok: true, placement: { settlement: seat, method: 'seat', note: 'no town stated: placed at the seat of its municipality' } };
      return atDistrict('only the district is known') ?? { ok: false, reason: district ? `no town stated, and district "${district}" not found in ${country}` : 'no town stated' };
    }
    const all = this.named(country, town);
    const candidates = muni ? all.filter((s) => s.municipalityId === muni.id) : inDistrict ? all.filter((s) => s.districtId === inDistrict.id) : all;
    if (candidates.length === 1) return { ok: true, placement: { settlement: candidates[0], method: 'settlement' } };
    if (candidates.length === 0) {
      // "Niš" in "Niš - Medijana" is the city itself; other towns missing from the gazetteer.
      const seat = muni && this.seatOf(muni.id);
      if (seat && keysOf(seat.names).has(matchKey(town))) {
        return { ok: true, placement: { settlement: seat, method: 'settlement' } };
      }
      if (seat) {
        return {
          ok: true,
          placement: { settlement: seat, method: 'seat', note: `town "${town}" not in the gazetteer for ${nameOf(muni.names)}: placed at the municipality seat` },
        };
      }
      return atDistrict(`town "${town}" not in the gazetteer for the district`) ?? { ok: false, reason: `no settlement named "${town}" in ${country}` };
    }
    const seats = candidates.filter((s) => s.isSeat);
    if (seats.length === 1) {
      return {
        ok: true,
        placement: {
          settlement: seats[0],
          method: 'seat',
          note: `ambiguous: ${candidates.length} settlements named "${town}" in ${country}; took the one that is a municipality seat`,
        },
      };
    }
    return { ok: false, reason: `ambiguous: ${candidates.length} settlements named "${town}" in ${country}, none or several of them seats` };
  }

  /**
   * Settlements named in a site's text: a capitalised name that matches exactly one settlement in
   * the partners' municipalities (or in their districts, when the text says "village of …"), and is
   * not the name of a park, mountain, river or district ("Rila Park" is not Rila).
   */
  placeSite(site: string, municipalityIds: Set<string>, districtIds: Set<string>): { found: Settlement[]; skipped: string[] } {
    const found = new Map<string, Settlement>();
    const skipped: string[] = [];
    // A name and the word that makes it something else stand in the same clause.
    for (const clause of site.split(/[,;:()/–—]+/)) {
      const words = clause.split(/[\s'"“”„]+|-(?=\s)/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        for (let n = 3; n >= 1; n--) {
          const phrase = words.slice(i, i + n);
          if (phrase.length < n || !/^\p{Lu}/u.test(phrase[0]) || phrase.join(' ').length < 3) continue;
          const name = phrase.join(' ');
          const matches = this.byKey.get(matchKey(name)) ?? [];
          const inMunicipalities = matches.filter((s) => municipalityIds.has(s.municipalityId));
          const markedVillage = i > 0 && (VILLAGE_MARKERS.has(matchKey(words[i - 1])) || (i > 1 && VILLAGE_MARKERS.has(matchKey(words[i - 2]))));
          const scoped = inMunicipalities.length || !markedVillage ? inMunicipalities : matches.filter((s) => districtIds.has(s.districtId));
          if (!scoped.length) continue;
          const after = words[i + n];
          const before = words[i - 1];
          if (after && NAMED_AFTER.has(matchKey(after))) {
            skipped.push(`"${name} ${after}" names a ${after}, not the settlement`);
          } else if (before && NAMED_BEFORE.has(matchKey(before))) {
            skipped.push(`"${before} ${name}" names a ${before}, not the settlement`);
          } else if (scoped.length > 1) {
            skipped.push(`"${name}" is ambiguous: ${scoped.length} settlements in the partners' area`);
          } else {
            found.set(scoped[0].id, scoped[0]);
          }
          i += n - 1;
          break;
        }
      }
    }
    return { found: [...found.values()], skipped };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
