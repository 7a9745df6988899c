/**
 * Columns (./columns) as two Apache Arrow IPC files, read and written with flechette: `projects`,
 * one row per project (its id, amounts, years, and the length of each of its lists), and `lists`,
 * one column per kind of list holding every project's values end to end (zero-padded to the
 * longest). Lengths rather than Arrow list offsets because a rising int32 sequence is what gzip
 * packs worst (at a million sites, a third of the bytes); codes in the narrowest type. The facets'
 * dictionaries are in the projects schema's metadata. The budget attribution is written as its
 * parts (municipalities and budgets) and made into shares when read, by the core's rule: budgets
 * pack to half the bytes of weights. Partners are coded in the order they are first seen, so each
 * is written as 0 where it is new (its code is the next one) and as its code + 1 otherwise: at a
 * million sites nearly every partner is new, and a run of zeros packs to nothing. The
 * municipalities facet and the network's ends are not written: they are made when read from the
 * places, which of them are a district's centre and where each partner is (columns.ts's
 * `placeLists`), which at a million sites packs to 2 MB less. Reading takes the typed arrays as
 * they lie in the files' buffers, and makes the offsets back in one pass.
 */
import { batchType, Column, columnFromArray, float64, int16, list, tableFromColumns, tableFromIPC, tableToIPC, uint16, uint32, uint8, utf8, type Batch, type DataType } from '@uwdata/flechette';
import { FACETS, type Facet } from '../core/filters';
import { narrow, placeLists, sharesOf, type Codes, type Columns, type Lists } from './columns';

const DICTIONARIES = 'atlas:dictionaries';
const NUMBERS = { total: float64(), eu: float64(), yearStart: int16(), yearEnd: int16(), byPeriod: uint8(), startDateYear: int16() } as const;
type NumberColumn = keyof typeof NUMBERS;
/** Every kind of list the files hold, by its column's name (the municipalities facet and the network's ends are made from the places: columns.ts's `placeLists`). */
const LIST_NAMES = [...FACETS.filter((f) => f !== 'municipalities').map((f) => `facet:${f}`), 'places', 'partners', 'shareParts'] as const;
const COUNTRIES = 'atlas:municipality-countries';
/** An empty validity bitmap: no value is null. */
const NO_NULLS = new Uint8Array(0);

const typeOf = (values: ArrayBufferView): DataType =>
  values instanceof Float64Array ? float64() : values instanceof Int16Array ? int16() : values instanceof Uint8Array ? uint8() : values instanceof Uint16Array ? uint16() : uint32();

/** A column over a typed array as it is (no copy). */
export function typedColumn(values: Codes | Float64Array | Int16Array): Column<unknown> {
  const type = typeOf(values);
  const Direct = batchType(type);
  return new Column([new Direct({ length: values.length, nullCount: 0, type, validity: NO_NULLS, values }) as Batch<unknown>]);
}

/** An Arrow list column over lists' own offsets and values (the search shards' words' projects). */
export function listColumn({ offsets, values }: Lists): Column<unknown> {
  const type = list(typeOf(values));
  const ListBatch = batchType(type);
  const child = typedColumn(values).data[0];
  return new Column([new ListBatch({ length: offsets.length - 1, nullCount: 0, type, validity: NO_NULLS, offsets, children: [child] }) as Batch<unknown>]);
}

/**
 * An Arrow file read, with the lookups the readers share: each names the file and what is missing
 * in its error (a column, a column written in more than one record batch, a metadata entry).
 */
export function readTable(bytes: Uint8Array, file: string) {
  const table = tableFromIPC(bytes);
  const column = (name: string) => {
    const c = table.getChild(name);
    if (!c) throw new Error(`${file}: no column "${name}"`);
    return c;
  };
  /** A column written whole: its one record batch. */
  const batch = (name: string) => {
    const c = column(name);
    if (c.data.length !== 1) throw new Error(`${file}: column "${name}" has ${c.data.length} record batches (one expected)`);
    return c.data[0];
  };
  const metadata = (key: string) => {
    const value = table.schema.metadata?.get(key);
    if (!value) throw new Error(`${file}: no ${key} in the schema's metadata`);
    return value;
  };
  return { table, column, batch, metadata };
}

/** A list column's batch as Lists (its buffers, not copied). */
export const listsOf = (batch: Batch<unknown>): Lists => ({ offsets: batch.offsets as Int32Array, values: batch.children[0].values as Codes });

const listsByName = (columns: Columns): Record<(typeof LIST_NAMES)[number], Lists> => ({
  ...(Object.fromEntries(FACETS.map((f) => [`facet:${f}`, columns.facets[f]])) as Record<`facet:${Facet}`, Lists>),
  places: columns.places,
  partners: { offsets: columns.partners.offsets, values: markNew(columns.partners.values) },
  shareParts: columns.shareParts,
});

/** Codes given out in first-seen order, with each new one (the next code) written as 0 and every other as its code + 1. */
function markNew(codes: Codes): Codes {
  let next = 0;
  return narrow(Array.from(codes, (c) => (c === next ? (next++, 0) : c + 1)));
}

/** markNew undone; `file` names the file in the error. */
function unmarkNew(marked: Codes, file: string): Uint32Array {
  let next = 0;
  const codes = new Uint32Array(marked.length);
  for (let i = 0; i < marked.length; i++) {
    const m = marked[i];
    if (m > next) throw new Error(`${file}: partner ${i} refers to code ${m - 1}, and only ${next} were given out before it`);
    codes[i] = m === 0 ? next++ : m - 1;
  }
  return codes;
}

const lengths = (offsets: Int32Array) => narrow(Int32Array.from({ length: offsets.length - 1 }, (_, i) => offsets[i + 1] - offsets[i]));

/** `values` zero-padded to `length` (every column of a table is as long as the longest). */
function padded<T extends Codes | Float64Array>(values: T, length: number): T {
  if (values.length === length) return values;
  const out = new (values.constructor as new (n: number) => T)(length);
  out.set(values as never);
  return out;
}

export function columnsToArrow(columns: Columns): { projects: Uint8Array; lists: Uint8Array } {
  const lists = listsByName(columns);
  const projects = tableFromColumns({
    id: columnFromArray(columns.ids, utf8()),
    ...Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, typedColumn(columns[name as NumberColumn])])),
    ...Object.fromEntries(LIST_NAMES.map((name) => [`length:${name}`, typedColumn(lengths(lists[name].offsets))])),
  });
  projects.schema.metadata = new Map([
    [DICTIONARIES, JSON.stringify(columns.dictionaries)],
    [COUNTRIES, JSON.stringify(columns.municipalityCountries)],
  ]);
  const longest = Math.max(1, ...LIST_NAMES.map((name) => lists[name].values.length));
  const values = tableFromColumns({
    ...Object.fromEntries(LIST_NAMES.map((name) => [name, typedColumn(padded(lists[name].values, longest))])),
    placeDistrict: typedColumn(padded(columns.placeDistrict, longest)),
    partnerPlaces: typedColumn(padded(columns.partnerPlaces, longest)),
    shareBudgets: typedColumn(padded(columns.shareBudgets, longest)),
  });
  return { projects: tableToIPC(projects, { format: 'file' })!, lists: tableToIPC(values, { format: 'file' })! };
}

/** Reads what columnsToArrow wrote; `names` name the files in the errors. */
export function columnsFromArrow(bytes: { projects: Uint8Array; lists: Uint8Array }, names: { projects: string; lists: string }): Columns {
  const projects = readTable(bytes.projects, names.projects);
  const values = readTable(bytes.lists, names.lists);
  const read = (file: typeof projects, name: string) => file.batch(name).values as Codes | Float64Array | Int16Array;
  const n = projects.table.numRows;
  const list = (name: string): Lists => {
    const counts = read(projects, `length:${name}`);
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + counts[i];
    const all = read(values, name) as Codes;
    if (offsets[n] > all.length) throw new Error(`${names.lists}: column "${name}" holds ${all.length} values, the lengths in ${names.projects} add up to ${offsets[n]}`);
    return { offsets, values: all.subarray(0, offsets[n]) };
  };
  const ids = projects.column('id');
  const dictionaries = projects.metadata(DICTIONARIES);
  const countries = projects.metadata(COUNTRIES);
  const firstSeen = ({ offsets, values }: Lists): Lists => ({ offsets, values: narrow(unmarkNew(values, names.lists)) });
  const shareParts = list('shareParts');
  const shareBudgets = (read(values, 'shareBudgets') as Float64Array).subarray(0, shareParts.values.length);
  const places = list('places');
  const placeDistrict = (read(values, 'placeDistrict') as Uint8Array).subarray(0, places.values.length);
  const partners = firstSeen(list('partners'));
  const partnerPlaces = (read(values, 'partnerPlaces') as Codes).subarray(0, partners.values.length);
  for (let i = 0; i < n; i++)
    for (let j = partners.offsets[i]; j < partners.offsets[i + 1]; j++)
      if (partnerPlaces[j] > places.offsets[i + 1] - places.offsets[i]) throw new Error(`${names.lists}: partner ${j} is at place ${partnerPlaces[j] - 1} of project ${i}, which has ${places.offsets[i + 1] - places.offsets[i]}`);
  const { municipalities, pairEnds } = placeLists({ places, placeDistrict, partners, partnerPlaces });
  return {
    ids: ids.toArray() as string[],
    dictionaries: JSON.parse(dictionaries) as Record<Facet, string[]>,
    facets: { ...(Object.fromEntries(LIST_NAMES.filter((l) => l.startsWith('facet:')).map((l) => [l.slice(6), list(l)])) as Record<Facet, Lists>), municipalities },
    ...(Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, read(projects, name)])) as Pick<Columns, NumberColumn>),
    places,
    placeDistrict,
    partners,
    partnerPlaces,
    pairEnds,
    municipalityCountries: JSON.parse(countries) as string[],
    shareParts,
    shareBudgets,
    ...sharesOf(shareParts, shareBudgets),
  };
}
