/** The dataset seam without a browser: each delivery form answers the same, and the page's life is a few transitions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { BasemapData } from '../../src/core/basemap';
import { NO_FILTERS, searchText } from '../../src/core/filters';
import type { AtlasData } from '../../src/core/types';
import type { Dataset } from '../../src/dataset/dataset';
import { LOADING, nextShowing, shownDataset, type OpenedFile } from '../../src/dataset/lifecycle';
import { plainDataset } from '../../src/dataset/plain';
import { columnarDataset } from '../../src/dataset/columnar';
import type { ToWorker } from '../../src/dataset/columnar/protocol';
import { serve, type FetchBytes } from '../../src/dataset/columnar/service';
import { shardOf } from '../../src/core/pack';
import { titleOf } from '../../src/core/rows';
import { columnsToArrow } from '../../src/engine/arrow';
import { rowsToArrow } from '../../src/engine/rows';
import { createI18n } from '../../src/i18n';
import { CATALOGUES } from '../../src/i18n/all-catalogues';
import { listWording } from '../../src/i18n/labels';
import { toColumns } from '../../src/engine/columns';
import { cutShards, shardToArrow, wordIndex } from '../../src/engine/search';
import { seatsOf, siteCounter } from '../../src/sites/layout';
import { pointsToArrow } from '../../src/sites/points';
import { siteCount } from '../../src/sites/tiers';
import { fromPreview, PREVIEW_INPUT, toPreview } from '../../src/state/preview';
import { deriveView, indexData } from '../../src/state/view';
import { PROGRAMME } from './fixtures';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const basemap = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;
const located = data.projects.filter((p) => p.locations.length);
const filtered = { ...PREVIEW_INPUT, filters: { ...NO_FILTERS, periods: ['2014-2020'] } };

/** The build's columnar files of a dataset, by URL (as data/pack-site.ts writes them). */
function columnarFiles(all: AtlasData) {
  const index = indexData(all).index;
  const shards = cutShards(wordIndex(index.map(searchText)), 2_000);
  const columns = columnsToArrow(toColumns(index));
  const bytes = new Map<string, Uint8Array>([['https://atlas.example/columns.arrow', columns.projects], ['https://atlas.example/lists.arrow', columns.lists], ['https://atlas.example/points.arrow', pointsToArrow(all.projects)], ['https://atlas.example/rows.arrow', rowsToArrow(all.projects)], ...shards.map((s, i) => [`https://atlas.example/search/${i}.arrow`, shardToArrow(s)] as [string, Uint8Array])]);
  return { files: { columns: 'https://atlas.example/columns.arrow', lists: 'https://atlas.example/lists.arrow', points: 'https://atlas.example/points.arrow', search: { first: shards.map((s) => s.words[0]), files: shards.map((_, i) => `https://atlas.example/search/${i}.arrow`) }, rows: 'https://atlas.example/rows.arrow' }, bytes };
}

/** A data worker in this thread: the worker's own message handler, answering a turn later as a worker would. */
function inThread(fetchBytes: FetchBytes): () => Worker {
  return () => {
    const worker = { onmessage: null, onerror: null } as unknown as Worker;
    const handle = serve(fetchBytes, (data) => setTimeout(() => worker.onmessage?.({ data } as MessageEvent)));
    worker.postMessage = (message: ToWorker) => handle(structuredClone(message));
    return worker;
  };
}

/** Shards of whole projects, as the build cuts them (by a hash of the id). */
const SHARDS = 7;

/** A large dataset as the build delivers it, with its projects' records released by the test. */
function columnar({ refuse = '', refusals = Infinity, records = true, omitted = false } = {}) {
  let release!: () => void;
  const shardsRead: Record<number, number> = {};
  let asked = 0;
  const counter = siteCounter(located, seatsOf(basemap, data.municipalities));
  const { files, bytes } = columnarFiles(data);
  const fetchBytes: FetchBytes = async (url) => {
    if (url === refuse && refusals-- > 0) throw new Error(`${url}: HTTP 404`);
    return bytes.get(url)!;
  };
  const dataset = columnarDataset({
    head: { ...data, projects: [] },
    basemap,
    firstView: fromPreview(JSON.parse(JSON.stringify(toPreview(deriveView(indexData(data), PREVIEW_INPUT))))),
    overview: { places: counter.places, counts: [], sites: 30_000 },
    files,
    worker: inThread(fetchBytes),
    details: async (p) => p,
    project: async () => null,
    wholeShards: { count: SHARDS, read: async (n) => ((shardsRead[n] = (shardsRead[n] ?? 0) + 1), Object.fromEntries(data.projects.filter((p) => shardOf(p.id, SHARDS) === n).map((p) => [p.id, p]))) },
    projects: omitted ? null : () => {
      asked++;
      if (!records) return Promise.reject(new Error('assets/atlas-data.json: HTTP 404'));
      return new Promise((resolve) => (release = () => resolve(data)));
    },
  });
  return { dataset, files, asked: () => asked, release: () => release(), shardsRead };
}

const changes = (dataset: Dataset) => {
  let n = 0;
  dataset.subscribe(() => n++);
  return () => n;
};

/** Until the dataset has told its listeners `n` times. */
const told = (changed: () => number, n: number) => vi.waitFor(() => expect(changed()).toBeGreaterThanOrEqual(n));

describe('each delivery form', () => {
  it('gives the same summary for the unfiltered view', () => {
    const plain = plainDataset(data, basemap).view(PREVIEW_INPUT, 'map')!;
    const first = columnar().dataset.view(PREVIEW_INPUT, 'map')!;
    expect(first.summary).toEqual(plain.summary);
    expect(first.facets).toEqual(plain.facets);
    // The plain one knows its projects; the first view says its lists are pending instead of claiming none.
    expect([plain.pending, plain.selection.length]).toEqual([false, data.projects.length]);
    expect([first.pending, first.selection.length]).toEqual([true, 0]);
  });

  it('answers every view from its worker once the map has drawn, then its lists once the projects are in', async () => {
    const { dataset, asked, release } = columnar();
    const changed = changes(dataset);
    const plain = plainDataset(data, basemap);
    expect(dataset.sites).toBe(dataset.sites);
    expect(dataset.view(PREVIEW_INPUT, 'map')?.pending).toBe(true);
    expect(asked()).toBe(0);
    // A filtered view is asked of the worker; until it answers, the page keeps what it shows.
    expect(dataset.view(filtered, 'map')?.summary).toEqual(plain.view(PREVIEW_INPUT, 'map')!.summary);
    await told(changed, 1);
    const counted = dataset.view(filtered, 'map')!;
    const derived = plain.view(filtered, 'map')!;
    expect([counted.pending, counted.summary, counted.facets, counted.charts, counted.attribution]).toEqual([true, derived.summary, derived.facets, derived.charts, derived.attribution]);
    // The worker read the columns: the projects' records for the lists come next, once.
    await vi.waitFor(() => expect(asked()).toBe(1));
    expect(dataset.complete).toBe(false);
    release();
    await vi.waitFor(() => expect(dataset.complete).toBe(true));
    // Its worker counts the overview's circles too; the plain dataset leaves them to the map.
    const whole = dataset.view(filtered, 'map')!;
    expect({ ...whole, placeCounts: null, mask: null }).toEqual(derived);
    expect(whole.placeCounts?.size).toBeGreaterThan(0);
    // The map's points read the selection as a byte per project, in the dataset's order.
    expect(Array.from(whole.mask!)).toEqual(data.projects.map((p) => (derived.visible.has(p.id) ? 1 : 0)));
    // A search is answered from the word shards, as the core finds it.
    const searched = { ...filtered, filters: { ...filtered.filters, q: 'Пирот' } };
    dataset.view(searched, 'map');
    await vi.waitFor(() => expect(dataset.view(searched, 'map')?.filters.q).toBe('Пирот'));
    expect({ ...dataset.view(searched, 'map'), placeCounts: null, mask: null }).toEqual(plain.view(searched, 'map'));
    expect(dataset.indexed.located).toHaveLength(located.length);
    // Its sites came after the columns, as points with the projects' ids; one object until the dataset changes.
    expect(dataset.sites.packed?.overview.sites).toBe(30_000);
    expect(dataset.sites.packed?.points?.count).toBe(siteCount(located));
    expect(dataset.sites.packed?.ids).toEqual(data.projects.map((p) => p.id));
    expect(dataset.sites.projects).toHaveLength(located.length);
    expect(dataset.sites).toBe(dataset.sites);
  });

  it('keeps the first view and says why when its columns cannot come', async () => {
    const { dataset, files, asked } = columnar({ refuse: 'https://atlas.example/columns.arrow' });
    const changed = changes(dataset);
    dataset.drawn();
    await told(changed, 1);
    expect([dataset.failure, dataset.complete, asked()]).toEqual([`${files.columns}: HTTP 404`, false, 0]);
    expect(dataset.view(PREVIEW_INPUT, 'map')?.pending).toBe(true);
    expect(dataset.view(filtered, 'map')?.summary).toEqual(dataset.view(PREVIEW_INPUT, 'map')?.summary);
  });

  it('answers every filter without the records, and says the records cannot come', async () => {
    const { dataset } = columnar({ records: false });
    dataset.drawn();
    await vi.waitFor(() => expect(dataset.recordsFailure).toBe('assets/atlas-data.json: HTTP 404'));
    expect(dataset.listsFailure).toBeNull();
    dataset.view(filtered, 'map');
    await vi.waitFor(() => expect(dataset.view(filtered, 'map')?.summary).toEqual(plainDataset(data, basemap).view(filtered, 'map')!.summary));
    expect([dataset.failure, dataset.complete, dataset.view(filtered, 'map')?.pending]).toEqual([null, false, true]);
  });

  it('answers every filter and list when the build left the records out, and never asks for them', async () => {
    const { dataset, asked } = columnar({ omitted: true });
    dataset.drawn();
    dataset.view(filtered, 'map');
    await vi.waitFor(() => expect(dataset.view(filtered, 'map')?.summary).toEqual(plainDataset(data, basemap).view(filtered, 'map')!.summary));
    await vi.waitFor(() => expect(dataset.sites.packed?.points?.count).toBe(siteCount(located)));
    expect([dataset.recordsOmitted, dataset.listsFailure, dataset.recordsFailure, dataset.failure, asked(), dataset.view(filtered, 'list')?.pending]).toEqual([true, null, null, null, 0, true]);
    // The list's rows come from the worker, as the page would list the projects it held.
    const plain = plainDataset(data, basemap);
    const query = { order: { column: 'title', descending: false }, bounds: null, ids: null, limit: 30 } as const;
    const wording = listWording(createI18n('sr-Latn', PROGRAMME, CATALOGUES), indexData(data).municipalities);
    const view = dataset.view(filtered, 'list')!;
    expect(dataset.rows(view, query, wording)).toBeNull();
    const page = await vi.waitFor(() => dataset.rows(view, query, wording) ?? Promise.reject(new Error('no rows yet')));
    const expected = plain.rows(plain.view(filtered, 'list')!, query, wording)!;
    expect(page.total).toBe(expected.total);
    expect(page.rows.map((p) => titleOf(p, wording))).toEqual(expected.rows.map((p) => titleOf(p, wording)));
  });

  it.each([['left the records out', true], ['shipped the records', false]])('gives the downloads every selected project whole when the build %s, one shard at a time, each read once', async (_, omitted) => {
    const { dataset, shardsRead, release } = columnar({ omitted });
    dataset.drawn();
    if (!omitted) {
      await vi.waitFor(() => expect(() => release()).not.toThrow());
      await vi.waitFor(() => expect(dataset.complete).toBe(true));
    }
    dataset.view(filtered, 'map');
    await vi.waitFor(() => expect(dataset.sites.packed?.ids.length).toBe(data.projects.length));
    const view = await vi.waitFor(() => dataset.view(filtered, 'map')?.mask ? dataset.view(filtered, 'map')! : Promise.reject(new Error('not counted yet')));
    const parts: string[][] = [];
    const told: [number, number][] = [];
    await dataset.eachWhole(view, (projects) => parts.push(projects.map((p) => p.id)), (done, total) => told.push([done, total]));
    // Every project of the period, whole, once; each part one shard's.
    const expected = data.projects.filter((p) => p.period === '2014-2020');
    expect(parts.flat().sort()).toEqual(expected.map((p) => p.id).sort());
    for (const part of parts) expect(new Set(part.map((id) => shardOf(id, SHARDS))).size).toBe(1);
    const shards = new Set(expected.map((p) => shardOf(p.id, SHARDS)));
    expect(told).toEqual([...shards].map((_, i) => [i + 1, shards.size]));
    expect(Object.keys(shardsRead).map(Number).sort()).toEqual([...shards].sort());
    expect(Object.values(shardsRead).every((n) => n === 1)).toBe(true);
  });

  it('answers every filter without its points, and says the map cannot draw the sites', async () => {
    const { dataset, files } = columnar({ refuse: 'https://atlas.example/points.arrow' });
    dataset.drawn();
    await vi.waitFor(() => expect(dataset.sitesFailure).toBe(`${files.points}: HTTP 404`));
    dataset.view(filtered, 'map');
    await vi.waitFor(() => expect(dataset.view(filtered, 'map')?.summary).toEqual(plainDataset(data, basemap).view(filtered, 'map')!.summary));
    expect([dataset.failure, dataset.sites.packed?.points]).toEqual([null, null]);
  });

  it('downloads without its points from the records’ ids once they come, and says why when there are no records either', async () => {
    const shipped = columnar({ refuse: 'https://atlas.example/points.arrow' });
    shipped.dataset.drawn();
    const view = await vi.waitFor(() => shipped.dataset.view(filtered, 'map')?.mask ? shipped.dataset.view(filtered, 'map')! : Promise.reject(new Error('not counted yet')));
    // Asked before the records come: it waits for them.
    const ids: string[] = [];
    const done = shipped.dataset.eachWhole(view, (projects) => ids.push(...projects.map((p) => p.id)));
    await vi.waitFor(() => expect(() => shipped.release()).not.toThrow());
    await done;
    expect(ids.sort()).toEqual(data.projects.filter((p) => p.period === '2014-2020').map((p) => p.id).sort());

    const omitted = columnar({ refuse: 'https://atlas.example/points.arrow', omitted: true });
    omitted.dataset.drawn();
    await vi.waitFor(() => expect(omitted.dataset.sitesFailure).toBe(`${omitted.files.points}: HTTP 404`));
    const counted = await vi.waitFor(() => omitted.dataset.view(filtered, 'map')?.mask ? omitted.dataset.view(filtered, 'map')! : Promise.reject(new Error('not counted yet')));
    await expect(omitted.dataset.eachWhole(counted, () => undefined)).rejects.toThrow(`${omitted.files.points}: HTTP 404`);
  });

  it('says why a search cannot be answered when a shard cannot come, and tries again with the next search', async () => {
    const { dataset, files } = columnar({ refuse: 'https://atlas.example/search/0.arrow', refusals: 1 });
    const changed = changes(dataset);
    const search = (q: string) => ({ ...filtered, filters: { ...filtered.filters, q } });
    dataset.view(search('a'), 'map');
    await vi.waitFor(() => expect(dataset.failure).toBe(`${files.search.files[0]}: HTTP 404`));
    expect(changed()).toBeGreaterThan(0);
    // The same input is not asked again and again; the next one reads the shard again, and the failure is over.
    const told = changed();
    dataset.view(search('a'), 'map');
    dataset.view(search('ab'), 'map');
    await vi.waitFor(() => expect(dataset.view(search('ab'), 'map')?.filters.q).toBe('ab'));
    expect([dataset.failure, changed() - told]).toEqual([null, 1]);
  });
});

describe('what the page shows', () => {
  const file = (dataset: Dataset): OpenedFile => ({ dataset, names: ['mine.csv'], report: new Blob([]), problems: 0 });

  it('goes from loading to the published data or to why it failed, once', () => {
    const published = plainDataset(data, basemap);
    const shown = nextShowing(LOADING, { type: 'loaded', dataset: published });
    expect(shownDataset(shown)).toBe(published);
    expect(nextShowing(shown, { type: 'load-failed', reason: 'late' })).toBe(shown);
    expect(nextShowing(LOADING, { type: 'load-failed', reason: 'HTTP 500' })).toEqual({ state: 'failed', reason: 'HTTP 500' });
    expect(nextShowing(LOADING, { type: 'back' })).toBe(LOADING);
    expect(nextShowing(LOADING, { type: 'opened', file: file(published) })).toBe(LOADING);
  });

  it('shows an opened file until back, even when the published projects come meanwhile', async () => {
    const { dataset: published, asked, release } = columnar();
    const mine = plainDataset({ ...data, projects: data.projects.slice(0, 3) }, basemap);
    let showing = nextShowing(LOADING, { type: 'loaded', dataset: published });
    published.drawn();
    showing = nextShowing(showing, { type: 'opened', file: file(mine) });
    await vi.waitFor(() => expect(asked()).toBe(1));
    release();
    // The late projects complete the published dataset, not what is shown.
    await vi.waitFor(() => expect(published.complete).toBe(true));
    expect(shownDataset(showing)).toBe(mine);
    showing = nextShowing(showing, { type: 'back' });
    expect(shownDataset(showing)).toBe(published);
    published.view(PREVIEW_INPUT, 'list');
    await vi.waitFor(() => expect(shownDataset(showing)!.view(PREVIEW_INPUT, 'list')!.selection).toHaveLength(data.projects.length));
  });

  it('replaces one opened file by the next', () => {
    const published = plainDataset(data, basemap);
    const [a, b] = [file(plainDataset(data, basemap)), file(plainDataset(data, basemap))];
    const showing = nextShowing(nextShowing(nextShowing(LOADING, { type: 'loaded', dataset: published }), { type: 'opened', file: a }), { type: 'opened', file: b });
    expect(showing).toEqual({ state: 'file', published, file: b });
  });
});
