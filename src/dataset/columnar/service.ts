/**
 * What a large dataset's data worker does, as plain functions (worker.ts is a shell around them; the
 * tests call them directly): it reads the projects' columns, then the sites' points for the map,
 * fetches the search shards a query's words need, and answers a view's figures with its selection
 * as a byte per project.
 */
import { searchWords } from '../../core/filters';
import { keepNewest } from '../../core/kept';
import type { ListWording, RowsPage, RowsQuery } from '../../core/rows';
import { columnsFromArrow } from '../../engine/arrow';
import { rowReader, rowsFromArrow } from '../../engine/rows';
import type { Columns } from '../../engine/columns';
import type { SitePoints } from '../../sites/grid';
import { pointsFromArrow } from '../../sites/points';
import { intersect, markWord, shardFromArrow, shardsFor, type WordIndex } from '../../engine/search';
import { tally, type Tally, type ViewInput } from '../../state/view';
import { columnEngine } from './engine';
import type { ColumnarFiles, FromWorker, ToWorker } from './protocol';

export type FetchBytes = (url: string) => Promise<Uint8Array>;

/** Query words whose marks are kept: typing a word again, or on, reads no shard twice. */
const KEPT_WORDS = 32;

export interface ColumnarService {
  /** The number of projects, once the columns are read. */
  open(): Promise<number>;
  /** The sites, and the projects' ids they index. */
  points(): Promise<{ points: SitePoints; ids: string[] }>;
  tally(input: ViewInput): Promise<Tally<Uint8Array>>;
  /** A page of rows among the selected (null: any project); the row store is read on the first. */
  rows(selected: Uint8Array | null, query: RowsQuery, wording: ListWording): Promise<RowsPage>;
}

export function columnarService(files: ColumnarFiles, fetchBytes: FetchBytes): ColumnarService {
  let columns: Promise<Columns> | null = null;
  const read = () =>
    (columns ??= Promise.all([fetchBytes(files.columns), fetchBytes(files.lists)]).then(([projects, lists]) =>
      columnsFromArrow({ projects, lists }, { projects: files.columns, lists: files.lists }),
    ));
  let reader: Promise<ReturnType<typeof rowReader>> | null = null;
  const rows = () => {
    const url = files.rows;
    reader ??= Promise.all([read(), fetchBytes(url)]).then(([c, bytes]) => rowReader(c, rowsFromArrow(bytes, url)));
    // Rows that failed are fetched again by the next list.
    reader.catch(() => (reader = null));
    return reader;
  };
  const shards = new Map<number, Promise<WordIndex>>();
  const shard = (i: number) => {
    let s = shards.get(i);
    if (!s) {
      const url = files.search.files[i];
      shards.set(i, (s = fetchBytes(url).then((bytes) => shardFromArrow(bytes, url))));
      // A shard that failed is fetched again by the next query.
      s.catch(() => shards.delete(i));
    }
    return s;
  };
  const words = new Map<string, Uint8Array>();
  async function marks(word: string, n: number): Promise<Uint8Array> {
    const kept = words.get(word);
    if (kept) return kept;
    const mark = new Uint8Array(n);
    for (const s of await Promise.all(shardsFor(files.search, word).map(shard))) markWord(s, word, mark);
    return keepNewest(words, word, mark, KEPT_WORDS);
  }
  async function matches(q: string, n: number): Promise<Uint8Array | null> {
    const ws = searchWords(q);
    return ws.length ? intersect(await Promise.all(ws.map((w) => marks(w, n)))) : null;
  }
  return {
    open: () => read().then((c) => c.ids.length),
    points: async () => {
      const { ids } = await read();
      return { points: pointsFromArrow(await fetchBytes(files.points), files.points), ids };
    },
    async tally(input) {
      const c = await read();
      const queries = [...new Set([input.filters.q, input.stepFilters?.q ?? ''])];
      const found = new Map(await Promise.all(queries.map(async (q) => [q, await matches(q, c.ids.length)] as const)));
      return tally(columnEngine(c, (q) => found.get(q) ?? null), input);
    },
    rows: async (selected, query, wording) => (await rows()).page(selected, query, wording),
  };
}

/** The worker's side of the protocol: each message answered through `post` (with what it may transfer). */
export function serve(fetchBytes: FetchBytes, post: (message: FromWorker, transfer?: Transferable[]) => void): (message: ToWorker) => void {
  let service: ColumnarService | null = null;
  return (message) => {
    if (message.kind === 'open') {
      service = columnarService(message.files, fetchBytes);
      const opened = service;
      opened.open().then(
        (projects) => {
          post({ kind: 'opened', projects });
          // The map's points come after the figures' columns: the filters work first.
          opened.points().then(
            ({ points, ids }) => post({ kind: 'points', points, ids }, [...new Set([points.position, points.project, points.slot, points.theme, points.grid.starts].map((a) => a.buffer as ArrayBuffer))]),
            (error: Error) => post({ kind: 'points-failed', reason: error.message }),
          );
        },
        (error: Error) => post({ kind: 'failed', reason: error.message }),
      );
      return;
    }
    const { id } = message;
    if (!service) return post({ kind: message.kind === 'rows' ? 'rows-failed' : 'tally-failed', id, reason: 'the data worker was asked before it was opened' });
    if (message.kind === 'rows')
      return void service.rows(message.selected, message.query, message.wording).then(
        (page) => post({ kind: 'rows', id, page }),
        (error: Error) => post({ kind: 'rows-failed', id, reason: error.message }),
      );
    service.tally(message.input).then(
      (tally) => post({ kind: 'tally', id, tally }, [tally.selection.buffer]),
      (error: Error) => post({ kind: 'tally-failed', id, reason: error.message }),
    );
  };
}
