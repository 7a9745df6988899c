/**
 * What a large dataset's lists show of its projects, as an Apache Arrow file for the data worker:
 * the build writes it where the projects' records are too many for a page, and the worker makes
 * the rows a list asks for (core/rows) from it and the columns (./columns), sorted and paged there.
 * Per project: its title in each title language, its places (codes into the distinct places, kept
 * in the schema's metadata), its total as written and whether it is approximate or derived, and
 * its first partner's name where its title is made from it.
 */
import { columnFromArray, tableFromColumns, tableToIPC, uint8, utf8 } from '@uwdata/flechette';
import type { Amount } from '../core/amount';
import { keepNewest } from '../core/kept';
import { inBox, orderOf, sortKey, titledByPartner, type ListColumn, type ListWording, type ProjectRow, type RowsPage, type RowsQuery } from '../core/rows';
import type { Project } from '../core/types';
import { listColumn, listsOf, readTable } from './arrow';
import { narrow, type Columns, type Lists } from './columns';

const PLACES = 'atlas:places';
const TITLE = 'title:';
const APPROXIMATE = 1;
const DERIVED = 2;

type Place = ProjectRow['locations'][number];

export interface RowStore {
  /** Titles by title language, a project each (null: none in that language). */
  titles: Record<string, (string | null)[]>;
  /** Each project's places, as codes into `placeTable`. */
  places: Lists;
  placeTable: Place[];
  /** The total as written (null: no total). */
  totalRaw: (string | null)[];
  totalFlags: Uint8Array;
  /** The first partner's name where the title is made from it, else null. */
  partner: (string | null)[];
}

export function rowsToArrow(projects: readonly Project[]): Uint8Array {
  const languages = [...new Set(projects.flatMap((p) => Object.keys(p.title)))];
  const codes = new Map<string, number>();
  const placeTable: Place[] = [];
  const offsets = new Int32Array(projects.length + 1);
  const values: number[] = [];
  projects.forEach((p, i) => {
    for (const { settlementId, names, country, municipalityId, lon, lat, method } of p.locations) {
      const place: Place = { settlementId, names, country, municipalityId, lon, lat, method };
      const key = JSON.stringify(place);
      let code = codes.get(key);
      if (code === undefined) codes.set(key, (code = placeTable.push(place) - 1));
      values.push(code);
    }
    offsets[i + 1] = values.length;
  });
  const table = tableFromColumns({
    ...Object.fromEntries(languages.map((l) => [`${TITLE}${l}`, columnFromArray(projects.map((p) => p.title[l] ?? null), utf8())])),
    places: listColumn({ offsets, values: narrow(values) }),
    totalRaw: columnFromArray(projects.map((p) => p.total?.raw ?? null), utf8()),
    totalFlags: columnFromArray(projects.map((p) => (p.total?.approximate ? APPROXIMATE : 0) | (p.total?.derived ? DERIVED : 0)), uint8()),
    partner: columnFromArray(projects.map((p) => (titledByPartner(p) ? (p.partners[0]?.name ?? null) : null)), utf8()),
  });
  table.schema.metadata = new Map([[PLACES, JSON.stringify(placeTable)]]);
  return tableToIPC(table, { format: 'file' })!;
}

/** Reads what rowsToArrow wrote; `file` names it in the errors. */
export function rowsFromArrow(bytes: Uint8Array, file: string): RowStore {
  const { table, column, batch, metadata } = readTable(bytes, file);
  return {
    titles: Object.fromEntries(table.schema.fields.filter((f) => f.name.startsWith(TITLE)).map((f) => [f.name.slice(TITLE.length), column(f.name).toArray() as (string | null)[]])),
    places: listsOf(batch('places')),
    placeTable: JSON.parse(metadata(PLACES)) as Place[],
    totalRaw: column('totalRaw').toArray() as (string | null)[],
    totalFlags: column('totalFlags').toArray() as Uint8Array,
    partner: column('partner').toArray() as (string | null)[],
  };
}

/** Sort orders kept, each a permutation of every project: sorting a million titles takes seconds. */
const KEPT_ORDERS = 6;

/** The rows of a large dataset's projects, made on demand from its columns and row store. */
export function rowReader(columns: Columns, store: RowStore) {
  const n = columns.ids.length;
  for (const [name, values] of [['places', store.places.offsets.length - 1], ['totalRaw', store.totalRaw.length]] as const)
    if (values !== n) throw new Error(`the rows' ${name} has ${values} projects, the columns ${n}: the build's files do not belong together`);
  const languages = Object.keys(store.titles);
  const { periods, themes } = columns.dictionaries;
  const one = (lists: Lists, i: number) => lists.values[lists.offsets[i]];
  const rowAt = (i: number): ProjectRow => {
    const period = periods[one(columns.facets.periods, i)];
    const raw = store.totalRaw[i];
    const flags = store.totalFlags[i];
    const total: Amount | null = raw === null ? null : { raw, value: Number.isNaN(columns.total[i]) ? null : columns.total[i], approximate: (flags & APPROXIMATE) > 0, derived: (flags & DERIVED) > 0 };
    const partner = store.partner[i];
    return {
      id: columns.ids[i],
      title: Object.fromEntries(languages.map((l) => [l, store.titles[l][i]])),
      period: period === 'unknown' ? null : (period as ProjectRow['period']),
      theme: themes[one(columns.facets.themes, i)] as ProjectRow['theme'],
      total,
      locations: Array.from(store.places.values.subarray(store.places.offsets[i], store.places.offsets[i + 1]), (code) => store.placeTable[code]),
      partners: partner === null ? [] : [{ name: partner }],
    };
  };
  const orders = new Map<string, Uint32Array>();
  /** Every project in a column's ascending order (read backwards for descending). */
  const orderFor = (column: ListColumn, wording: ListWording) => {
    const key = JSON.stringify([column, wording]);
    let sorted = orders.get(key);
    if (!sorted) {
      const keys = column === 'budget' ? Array.from(columns.total, (v) => (Number.isNaN(v) ? -1 : v)) : Array.from({ length: n }, (_, i) => sortKey(rowAt(i), column, wording));
      sorted = keepNewest(orders, key, orderOf(keys, columns.ids, wording.collation), KEPT_ORDERS);
    }
    return sorted;
  };
  let byId: Map<string, number> | null = null;
  const inBounds = (i: number, box: NonNullable<RowsQuery['bounds']>) => {
    for (let j = store.places.offsets[i]; j < store.places.offsets[i + 1]; j++) if (inBox(store.placeTable[store.places.values[j]], box)) return true;
    return false;
  };
  return {
    /** The query's rows among the `selected` (a byte per project; null: any project). */
    page(selected: Uint8Array | null, { order, bounds, unplaced, ids, limit }: RowsQuery, wording: ListWording): RowsPage {
      let candidates: ArrayLike<number>;
      if (ids) {
        byId ??= new Map(columns.ids.map((id, i) => [id, i]));
        const wanted = [...new Set(ids)].map((id) => byId!.get(id)).filter((i): i is number => i !== undefined);
        if (order) {
          const chosen = new Uint8Array(n);
          for (const i of wanted) chosen[i] = 1;
          selected = selected ? chosen.map((c, i) => c & selected![i]) : chosen;
          candidates = orderFor(order.column, wording);
        } else candidates = wanted;
      } else candidates = order ? orderFor(order.column, wording) : Uint32Array.from({ length: n }, (_, i) => i);
      const backwards = !!order?.descending;
      const rows: ProjectRow[] = [];
      let total = 0;
      for (let k = 0; k < candidates.length; k++) {
        const i = candidates[backwards ? candidates.length - 1 - k : k];
        if (selected && !selected[i]) continue;
        if (bounds && !inBounds(i, bounds)) continue;
        if (unplaced && store.places.offsets[i + 1] > store.places.offsets[i]) continue;
        if (total++ < limit) rows.push(rowAt(i));
      }
      return { rows, total };
    },
  };
}
