/**
 * A dataset's projects as columns: what the filter kernel reads, what the build writes as a
 * columnar file and what the worker holds. Every value the filters, charts, counters and the budget
 * attribution read, as small integer codes and numbers, so that no filter pass touches a string.
 * Pure; made from the same `ProjectKeys` the core filters, so both read one meaning.
 */
import type { Amount } from '../core/amount';
import { shareParts, splitShares } from '../core/attribution';
import { pairEnds } from '../core/network';
import { FACETS, type Facet, type ProjectKeys } from '../core/filters';

/** Codes in the narrowest unsigned type that holds them (the columns' files stay small). */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** Variable-length lists of codes, one per project: project i's are values[offsets[i]..offsets[i+1]). */
export interface Lists {
  offsets: Int32Array;
  values: Codes;
}

/** `values` in the narrowest unsigned array that holds its largest. */
export function narrow(values: ArrayLike<number>): Codes {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max < 0x100 ? Uint8Array.from(values) : max < 0x10000 ? Uint16Array.from(values) : Uint32Array.from(values);
}

export interface Columns {
  /** Project ids, in the dataset's order (every array below is indexed like it). */
  ids: string[];
  /** Each facet's options: a code is an index here. The municipalities' also code places and shares. */
  dictionaries: Record<Facet, string[]>;
  facets: Record<Facet, Lists>;
  /** Total and EU amount in euros; NaN: unknown. */
  total: Float64Array;
  eu: Float64Array;
  /** The years it ran (core/years); 0: unknown. */
  yearStart: Int16Array;
  yearEnd: Int16Array;
  /** 1: dated by its period (no start date). */
  byPeriod: Uint8Array;
  /** The year of its start date (the chart of starts); 0: no start date. */
  startDateYear: Int16Array;
  /** The municipality of every place (district centres included): the municipalities counter; none: not on the map. */
  places: Lists;
  /** Per place (as `places.values`), 1 where it is a district's centre: the municipalities facet leaves it out. */
  placeDistrict: Uint8Array;
  /** Partner organisations as integers, equal when their names are equal ignoring case (the partners counter). */
  partners: Lists;
  /** Per partner (as `partners.values`), the index of its place among the project's places + 1; 0: not located. */
  partnerPlaces: Codes;
  /** The cooperation network's ends (core/network's `pairEnds`): municipality codes of the located partners, each once. */
  pairEnds: Lists;
  /** The country of each municipality code ('' for one no partner is located in). */
  municipalityCountries: string[];
  /** What the budget attribution splits a project's budget by (core/attribution's `shareParts`): municipality codes, with the parts' budgets (NaN: unknown). */
  shareParts: Lists;
  shareBudgets: Float64Array;
  /** The shares the parts make (core/attribution's `splitShares`, in its order): municipality codes with their weights. */
  shares: Lists;
  shareWeights: Float64Array;
}

/** The shares of every project's parts, by the core's one rule: the files hold the parts, the kernel reads the shares. */
export function sharesOf(parts: Lists, budgets: Float64Array): Pick<Columns, 'shares' | 'shareWeights'> {
  const n = parts.offsets.length - 1;
  const shares = listBuilder(n);
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const own: { municipality: number; budget: number | null }[] = [];
    for (let j = parts.offsets[i]; j < parts.offsets[i + 1]; j++) own.push({ municipality: parts.values[j], budget: Number.isNaN(budgets[j]) ? null : budgets[j] });
    const split = splitShares(own);
    shares.add(i, split.keys());
    weights.push(...split.values());
  }
  return { shares: shares.done(), shareWeights: Float64Array.from(weights) };
}

/**
 * The municipalities facet and the network's ends, from the places and where the partners are: the
 * core's rules (`indexProjects`: the municipalities of the places that are not a district's centre;
 * `pairEnds`: those of the located partners), each municipality once in the order first met. The
 * columns' files hold only the places and the partners' places, from which these are made.
 */
export function placeLists({ places, placeDistrict, partners, partnerPlaces }: Pick<Columns, 'places' | 'placeDistrict' | 'partners' | 'partnerPlaces'>): { municipalities: Lists; pairEnds: Lists } {
  const n = places.offsets.length - 1;
  const municipalities = listBuilder(n);
  const ends = listBuilder(n);
  for (let i = 0; i < n; i++) {
    const first = places.offsets[i];
    const own = new Set<number>();
    for (let j = first; j < places.offsets[i + 1]; j++) if (!placeDistrict[j]) own.add(places.values[j]);
    municipalities.add(i, own);
    const located = new Set<number>();
    for (let j = partners.offsets[i]; j < partners.offsets[i + 1]; j++) if (partnerPlaces[j]) located.add(places.values[first + partnerPlaces[j] - 1]);
    ends.add(i, located);
  }
  return { municipalities: municipalities.done(), pairEnds: ends.done() };
}

/** Codes for the strings of one dictionary, given out in first-seen order. */
function coder(): { code: (value: string) => number; values: string[] } {
  const byValue = new Map<string, number>();
  const values: string[] = [];
  return {
    values,
    code: (value) => {
      let c = byValue.get(value);
      if (c === undefined) byValue.set(value, (c = values.push(value) - 1));
      return c;
    },
  };
}

/** Lists grown one project at a time. */
function listBuilder(n: number) {
  const offsets = new Int32Array(n + 1);
  const values: number[] = [];
  return {
    add(i: number, codes: Iterable<number>) {
      for (const c of codes) values.push(c);
      offsets[i + 1] = values.length;
    },
    done: (): Lists => ({ offsets, values: narrow(values) }),
  };
}

const amount = (a: Amount | null) => a?.value ?? Number.NaN;

export function toColumns(index: readonly ProjectKeys[]): Columns {
  const n = index.length;
  const coders = Object.fromEntries(FACETS.map((f) => [f, coder()])) as Record<Facet, ReturnType<typeof coder>>;
  const facetLists = Object.fromEntries(FACETS.map((f) => [f, listBuilder(n)])) as Record<Facet, ReturnType<typeof listBuilder>>;
  const municipality = coders.municipalities.code;
  const partnerNames = coder();
  const places = listBuilder(n);
  const placeDistrict: number[] = [];
  const partners = listBuilder(n);
  const partnerPlaces: number[] = [];
  const ends = listBuilder(n);
  const municipalityCountries: string[] = [];
  const parts = listBuilder(n);
  const budgets: number[] = [];
  const columns = {
    total: new Float64Array(n),
    eu: new Float64Array(n),
    yearStart: new Int16Array(n),
    yearEnd: new Int16Array(n),
    byPeriod: new Uint8Array(n),
    startDateYear: new Int16Array(n),
  };
  index.forEach((keys, i) => {
    const p = keys.project;
    for (const f of FACETS) facetLists[f].add(i, keys.values[f].map(coders[f].code));
    columns.total[i] = amount(p.total);
    columns.eu[i] = amount(p.eu);
    columns.yearStart[i] = keys.years?.start ?? 0;
    columns.yearEnd[i] = keys.years?.end ?? 0;
    columns.byPeriod[i] = keys.years?.byPeriod ? 1 : 0;
    columns.startDateYear[i] = p.startDate ? Number(p.startDate.slice(0, 4)) : 0;
    places.add(i, p.locations.map((l) => municipality(l.municipalityId)));
    for (const l of p.locations) placeDistrict.push(l.method === 'district' ? 1 : 0);
    partners.add(i, p.partners.map((q) => partnerNames.code(q.name.toLowerCase())));
    for (const q of p.partners) partnerPlaces.push(q.location === null ? 0 : q.location + 1);
    ends.add(
      i,
      pairEnds(p).map((e) => {
        const code = municipality(e.municipality);
        municipalityCountries[code] = e.country;
        return code;
      }),
    );
    const own = shareParts(p);
    parts.add(i, own.map((q) => municipality(q.municipality)));
    for (const q of own) budgets.push(q.budget ?? Number.NaN);
  });
  const partLists = parts.done();
  const shareBudgets = Float64Array.from(budgets);
  return {
    ids: index.map((k) => k.project.id),
    dictionaries: Object.fromEntries(FACETS.map((f) => [f, coders[f].values])) as Record<Facet, string[]>,
    facets: Object.fromEntries(FACETS.map((f) => [f, facetLists[f].done()])) as Record<Facet, Lists>,
    ...columns,
    places: places.done(),
    placeDistrict: Uint8Array.from(placeDistrict),
    partners: partners.done(),
    partnerPlaces: narrow(partnerPlaces),
    pairEnds: ends.done(),
    municipalityCountries: Array.from(coders.municipalities.values, (_, code) => municipalityCountries[code] ?? ''),
    shareParts: partLists,
    shareBudgets,
    ...sharesOf(partLists, shareBudgets),
  };
}
