/**
 * Columns (./columns) as one Apache Arrow IPC file, read and written with flechette: every column
 * a single record batch, lists as Arrow lists, the facets' dictionaries in the schema's metadata.
 * Reading takes the typed arrays as they lie in the file's buffer (no copy, no per-row work).
 */
import { batchType, Column, columnFromArray, float64, int16, list, tableFromColumns, tableFromIPC, tableToIPC, uint32, uint8, utf8, type Batch, type DataType } from '@uwdata/flechette';
import { FACETS, type Facet } from '../core/filters';
import type { Columns, Lists } from './columns';

const DICTIONARIES = 'atlas:dictionaries';
const NUMBERS = { total: float64(), eu: float64(), yearStart: int16(), yearEnd: int16(), byPeriod: uint8(), startDateYear: int16() } as const;
type NumberColumn = keyof typeof NUMBERS;
const LISTS = ['places', 'partners', 'shares'] as const;
/** An empty validity bitmap: no value is null. */
const NO_NULLS = new Uint8Array(0);

const direct = (type: DataType, values: ArrayLike<number>) => {
  const Direct = batchType(type);
  return new Direct({ length: values.length, nullCount: 0, type, validity: NO_NULLS, values }) as Batch<unknown>;
};

/** An Arrow list column over lists' own offsets and values (`type`: the values' type). */
export function listColumn(offsets: Int32Array, values: ArrayLike<number>, type: DataType): Column<unknown> {
  const listType = list(type);
  const ListBatch = batchType(listType);
  return new Column([new ListBatch({ length: offsets.length - 1, nullCount: 0, type: listType, validity: NO_NULLS, offsets, children: [direct(type, values)] }) as Batch<unknown>]);
}

export function columnsToArrow(columns: Columns): Uint8Array {
  const table = tableFromColumns({
    id: columnFromArray(columns.ids, utf8()),
    ...Object.fromEntries(FACETS.map((f) => [`facet:${f}`, listColumn(columns.facets[f].offsets, columns.facets[f].values, uint32())])),
    ...Object.fromEntries(Object.entries(NUMBERS).map(([name, type]) => [name, new Column([direct(type, columns[name as NumberColumn])])])),
    ...Object.fromEntries(LISTS.map((name) => [name, listColumn(columns[name].offsets, columns[name].values, uint32())])),
    shareWeights: listColumn(columns.shares.offsets, columns.shareWeights, float64()),
  });
  table.schema.metadata = new Map([[DICTIONARIES, JSON.stringify(columns.dictionaries)]]);
  return tableToIPC(table, { format: 'file' })!;
}

/** A list column's batch as Lists (its buffers, not copied). */
export const listsOf = (batch: Batch<unknown>): Lists => ({ offsets: batch.offsets as Int32Array, values: batch.children[0].values as Uint32Array });

/** Reads what columnsToArrow wrote; `file` names it in the errors. */
export function columnsFromArrow(bytes: Uint8Array, file: string): Columns {
  const table = tableFromIPC(bytes);
  const column = (name: string) => {
    const c = table.getChild(name);
    if (!c) throw new Error(`${file}: no column "${name}"`);
    if (c.data.length !== 1) throw new Error(`${file}: column "${name}" has ${c.data.length} record batches (one expected)`);
    return c.data[0];
  };
  const lists = (name: string) => listsOf(column(name));
  const dictionaries = table.schema.metadata?.get(DICTIONARIES);
  if (!dictionaries) throw new Error(`${file}: no ${DICTIONARIES} in the schema's metadata`);
  return {
    ids: table.getChild('id')!.toArray() as string[],
    dictionaries: JSON.parse(dictionaries) as Record<Facet, string[]>,
    facets: Object.fromEntries(FACETS.map((f) => [f, lists(`facet:${f}`)])) as Record<Facet, Lists>,
    ...(Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, column(name).values])) as Pick<Columns, NumberColumn>),
    places: lists('places'),
    partners: lists('partners'),
    shares: lists('shares'),
    shareWeights: column('shareWeights').children[0].values as Float64Array,
  };
}
