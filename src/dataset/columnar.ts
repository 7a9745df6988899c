/**
 * A large dataset as the build delivers it: a first view the build derived, drawn before anything
 * else; its projects as columns that a data worker (columnar/worker.ts) reads after the map's
 * first frame, and then its sites as points for the map. Every view's figures — selection, facet
 * counts, charts, attribution, search — and the lists' rows come from the worker, a dialog's
 * project and the downloads from the shards of whole projects; the page holds the projects' slim
 * records (loaded after the columns, where the build ships them) only for a profile's budgets by
 * period and theme and its roles, which are pending until they are in.
 */
import type { BasemapData } from '../core/basemap';
import { keepNewest } from '../core/kept';
import { mark } from '../core/marks';
import { shardOf, type WholeShard } from '../core/pack';
import type { RowsPage } from '../core/rows';
import type { AtlasData, Project } from '../core/types';
import { seatsOf } from '../sites/layout';
import type { Overview, SiteSource } from '../sites/source';
import { previewShows } from '../state/preview';
import { indexData, viewOf, type Indexed, type Tally, type View, type ViewInput } from '../state/view';
import type { ColumnarFiles, FromWorker, ToWorker } from './columnar/protocol';
import type { Dataset } from './dataset';

export interface ColumnarDelivery {
  /** The dataset without its projects: municipalities, objectives, stories. */
  head: AtlasData;
  basemap: BasemapData;
  /** The build's view of every project with no filter; its project lists are pending. */
  firstView: View;
  /** The build's counts per municipality, drawn until the points are in. */
  overview: Overview;
  files: ColumnarFiles;
  /** Starts a data worker (columnar/worker.ts). */
  worker(): Worker;
  details: (project: Project) => Promise<Project>;
  /** The slim projects, for a profile's budgets by period and theme and its roles (in the columns' order); null: the build left them out, too many for a page. */
  projects: (() => Promise<AtlasData>) | null;
  /** A whole project by its id, from its shard (a dialog needs no record in the page). */
  project: (id: string) => Promise<Project | null>;
  /** The shards of whole projects, each read anew (nothing kept): the downloads without the records. */
  wholeShards: { count: number; read(n: number): Promise<WholeShard> };
}

/** Shards on their way while one is read: the next ones come while a part is made, and the page holds a few at most. */
const SHARDS_AHEAD = 3;

/** Answers kept, newest last: going back to a recent filter asks the worker nothing. */
const KEPT_ANSWERS = 16;

export function columnarDataset({ head, basemap, firstView, overview, files, worker: startWorker, details, projects, project, wholeShards }: ColumnarDelivery): Dataset {
  const first = indexData(head);
  let whole: Indexed | null = null;
  // One object until the points or the projects come: the map makes its sources again only then.
  let sites: SiteSource = { projects: [], packed: { overview, points: null, ids: [] }, seats: seatsOf(basemap, head.municipalities) };
  let failure: string | null = null;
  let recordsFailure: string | null = null;
  let sitesFailure: string | null = null;
  /** The last input the worker could not answer (a search shard that did not come): asked again only once the input changes. */
  let unanswered: { key: string; reason: string } | null = null;
  let worker: Worker | null = null;
  let columns = 0;
  /** Per input, newest last: the worker's tally, and its view once made (made again when the projects come). */
  const answers = new Map<string, { tally: Tally<Uint8Array>; view: View | null }>();
  /** The inputs asked of the worker and not answered yet, by message id. */
  const asked = new Map<number, string>();
  let nextId = 0;
  let last: View | null = null;
  /** Pages of rows from the worker, by query (newest last), and the queries asked. */
  const pages = new Map<string, RowsPage>();
  const askedRows = new Map<number, string>();
  /** The last rows the worker could not make: asked again only once the query changes. */
  let rowsUnanswered: { key: string; reason: string } | null = null;
  /** A number per selection and wording a query is asked for (their contents are too large for a key). */
  const identities = new WeakMap<object, number>();
  let identified = 0;
  const identity = (o: object) => identities.get(o) ?? (identities.set(o, ++identified), identified);
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const fail = (reason: string) => {
    failure ??= reason;
    changed();
  };

  /** The projects' ids in the columns' order, from the points or the records, whichever come first (waited for). */
  const projectIds = () =>
    new Promise<readonly string[]>((resolve, reject) => {
      const settled = () => {
        const ids = sites.packed?.ids.length ? sites.packed.ids : whole?.data.projects.map((p) => p.id);
        if (ids?.length) resolve(ids);
        else if (sitesFailure && (recordsFailure || !projects)) reject(new Error(sitesFailure));
        else return false;
        listeners.delete(settled);
        return true;
      };
      if (!settled()) listeners.add(settled);
    });

  const recordsFailed = (reason: string) => {
    recordsFailure = reason;
    changed();
  };
  const loadProjects = () =>
    projects?.().then((all) => {
      if (all.projects.length !== columns) return recordsFailed(`${all.projects.length} projects in the list, ${columns} in the columns: the build's files do not belong together`);
      whole = indexData(all);
      sites = { ...sites, projects: whole.located };
      for (const answer of answers.values()) answer.view = null;
      mark('atlas:projects');
      changed();
    }, (error: Error) => recordsFailed(error.message));

  const receive = ({ data }: MessageEvent<FromWorker>) => {
    if (data.kind === 'opened') {
      columns = data.projects;
      mark('atlas:columns');
      void loadProjects();
    } else if (data.kind === 'points') {
      sites = { ...sites, packed: { overview, points: data.points, ids: data.ids } };
      mark('atlas:points');
      changed();
    } else if (data.kind === 'points-failed') {
      sitesFailure = data.reason;
      changed();
    } else if (data.kind === 'failed') fail(data.reason);
    else if (data.kind === 'rows' || data.kind === 'rows-failed') {
      const key = answered(askedRows, data.id);
      if (data.kind === 'rows-failed') rowsUnanswered = { key, reason: data.reason };
      else {
        rowsUnanswered = null;
        keepNewest(pages, key, data.page, KEPT_ANSWERS);
      }
      changed();
    } else {
      const key = answered(asked, data.id);
      if (data.kind === 'tally-failed') {
        unanswered = { key, reason: data.reason };
        return changed();
      }
      unanswered = null;
      keepNewest(answers, key, { tally: data.tally, view: null }, KEPT_ANSWERS);
      changed();
    }
  };

  const start = () => {
    if (worker) return worker;
    worker = startWorker();
    worker.onmessage = receive;
    worker.onerror = (event) => fail(`data worker: ${event.message}`);
    worker.postMessage({ kind: 'open', files } satisfies ToWorker);
    return worker;
  };

  /** Asks the worker a question once while its answer is pending (`pending`: the keys asked, by message id). */
  const send = (pending: Map<number, string>, key: string, message: (id: number) => ToWorker) => {
    if ([...pending.values()].includes(key)) return;
    pending.set(nextId, key);
    start().postMessage(message(nextId++));
  };
  /** The key of an answered message, no longer pending. */
  const answered = (pending: Map<number, string>, id: number) => {
    const key = pending.get(id)!;
    pending.delete(id);
    return key;
  };

  /** An answer's view: its lists from the projects once they are in the page. */
  const viewFor = (input: ViewInput, answer: { tally: Tally<Uint8Array>; view: View | null }) => {
    if (!answer.view) {
      const { tally } = answer;
      const selection = whole ? whole.data.projects.filter((_, i) => tally.selection[i] === 1) : [];
      answer.view = viewOf(whole ?? first, input, { ...tally, selection }, !whole, tally.selection);
    }
    return answer.view;
  };

  return {
    basemap,
    get indexed() {
      return whole ?? first;
    },
    get complete() {
      return whole !== null;
    },
    get sites() {
      return sites;
    },
    siteCount: overview.sites,
    get failure() {
      return failure ?? unanswered?.reason ?? null;
    },
    get listsFailure() {
      return rowsUnanswered?.reason ?? null;
    },
    get recordsFailure() {
      return recordsFailure;
    },
    recordsOmitted: projects === null,
    get sitesFailure() {
      return sitesFailure;
    },
    view(input, page) {
      // Without its columns the first view stays, whatever is asked (the page says why).
      if (failure && !columns) return firstView;
      const key = JSON.stringify(input);
      const answer = answers.get(key);
      if (answer) return (last = viewFor(input, answer));
      if (unanswered?.key === key) return (last ??= firstView);
      // The first view stands for the map with no filter until the worker answers; a list needs the projects.
      if (!previewShows(input) || page !== 'map' || worker) send(asked, key, (id) => ({ kind: 'tally', id, input }));
      // While the worker counts, the page keeps what it shows (never nothing: the map stays).
      return (last ??= firstView);
    },
    rows(view, query, wording) {
      // The worker makes the rows (records in the page or not: it keeps each column's order, and a page is one pass), once it has counted the selection.
      if (!columns || (!query.ids && !view.mask)) return null;
      const selected = query.ids ? null : view.mask;
      const key = `${selected ? identity(selected) : ''}|${identity(wording)}|${JSON.stringify(query)}`;
      const page = pages.get(key);
      if (page) return page;
      if (rowsUnanswered?.key !== key) send(askedRows, key, (id) => ({ kind: 'rows', id, selected, query, wording }));
      return null;
    },
    async eachWhole(view, part, progress) {
      // Read from the shards whether or not the records are in the page: a shard made whole through `details` would be kept for the page's life.
      if (!view.mask) throw new Error('the selection is still being counted');
      const ids = await projectIds();
      // The selected ids by the shard that holds them.
      const byShard = new Map<number, string[]>();
      view.mask.forEach((selected, i) => {
        if (!selected) return;
        const n = shardOf(ids[i], wholeShards.count);
        if (!byShard.has(n)) byShard.set(n, []);
        byShard.get(n)!.push(ids[i]);
      });
      const order = [...byShard.keys()].sort((a, b) => a - b);
      const coming: (Promise<WholeShard> | undefined)[] = [];
      const fetchShard = (k: number) => {
        if (k < order.length && !coming[k]) (coming[k] = wholeShards.read(order[k])).catch(() => undefined);
      };
      for (let k = 0; k < order.length; k++) {
        for (let ahead = k; ahead <= k + SHARDS_AHEAD; ahead++) fetchShard(ahead);
        const shard = await coming[k]!;
        coming[k] = undefined;
        part(
          byShard.get(order[k])!.map((id) => {
            if (!shard[id]) throw new Error(`details shard ${order[k]}: no project ${id}`);
            return shard[id];
          }),
        );
        progress?.(k + 1, order.length);
      }
    },
    project,
    details,
    drawn: () => void start(),
    needSearch: () => void start(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
