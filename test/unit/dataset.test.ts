/** The dataset seam without a browser: each delivery form answers the same, and the page's life is a few transitions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BasemapData } from '../../src/core/basemap';
import { NO_FILTERS } from '../../src/core/filters';
import type { AtlasData } from '../../src/core/types';
import type { Dataset } from '../../src/dataset/dataset';
import { LOADING, nextShowing, shownDataset, type OpenedFile } from '../../src/dataset/lifecycle';
import { plainDataset } from '../../src/dataset/plain';
import { tiledDataset } from '../../src/dataset/tiled';
import { seatsOf, siteCounter } from '../../src/sites/layout';
import { fromPreview, PREVIEW_INPUT, toPreview } from '../../src/state/preview';
import { deriveView, indexData } from '../../src/state/view';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const basemap = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;
const located = data.projects.filter((p) => p.locations.length);
const filtered = { ...PREVIEW_INPUT, filters: { ...NO_FILTERS, periods: ['2014-2020'] } };

/** A large dataset as the build delivers it, with its projects released by the test. */
function tiled() {
  let release!: () => void;
  let asked = 0;
  const counter = siteCounter(located, seatsOf(basemap));
  const dataset = tiledDataset({
    head: { ...data, projects: [] },
    basemap,
    firstView: fromPreview(JSON.parse(JSON.stringify(toPreview(deriveView(indexData(data), PREVIEW_INPUT))))),
    tiles: { set: { url: 'https://atlas.example/{z}/{x}/{y}.pbf', minzoom: 9, maxzoom: 11, bounds: [21, 41, 25, 45] }, overview: { places: counter.places, counts: [], sites: 30_000 } },
    details: async (p) => p,
    projects: () => {
      asked++;
      return new Promise((resolve) => (release = () => resolve(data)));
    },
    search: async () => [],
  });
  return { dataset, asked: () => asked, release: () => release() };
}

const changes = (dataset: Dataset) => {
  let n = 0;
  dataset.subscribe(() => n++);
  return () => n;
};

describe('each delivery form', () => {
  it('gives the same summary for the unfiltered view', () => {
    const plain = plainDataset(data, basemap).view(PREVIEW_INPUT, 'map')!;
    const first = tiled().dataset.view(PREVIEW_INPUT, 'map')!;
    expect(first.summary).toEqual(plain.summary);
    expect(first.facets).toEqual(plain.facets);
    // The plain one knows its projects; the first view says its lists are pending instead of claiming none.
    expect([plain.pending, plain.selection.length]).toEqual([false, data.projects.length]);
    expect([first.pending, first.selection.length]).toEqual([true, 0]);
  });

  it('loads a large dataset\'s projects once, when the map has drawn or a view needs them, and tells its listeners', async () => {
    const { dataset, asked, release } = tiled();
    const changed = changes(dataset);
    expect(dataset.view(PREVIEW_INPUT, 'map')?.pending).toBe(true);
    expect(asked()).toBe(0);
    // A filtered view, or the list of the unfiltered one, needs the projects: pending, and asked for once.
    expect(dataset.view(filtered, 'map')).toBeNull();
    expect(dataset.view(PREVIEW_INPUT, 'list')?.pending).toBe(true);
    dataset.drawn();
    expect(asked()).toBe(1);
    expect(dataset.complete).toBe(false);
    release();
    await new Promise((resolve) => setTimeout(resolve));
    expect(changed()).toBe(1);
    expect(dataset.complete).toBe(true);
    expect(dataset.view(filtered, 'map')).toEqual(plainDataset(data, basemap).view(filtered, 'map'));
    expect(dataset.indexed.located).toHaveLength(located.length);
    // Its sites are still drawn from the tiles.
    expect(dataset.sites.tiles?.overview.sites).toBe(30_000);
    expect(dataset.sites.projects).toHaveLength(located.length);
  });

  it('keeps the first view and says why when the projects cannot come', async () => {
    const counter = siteCounter(located, seatsOf(basemap));
    const dataset = tiledDataset({
      head: { ...data, projects: [] }, basemap, firstView: fromPreview(toPreview(deriveView(indexData(data), PREVIEW_INPUT))),
      tiles: { set: { url: 'x/{z}/{x}/{y}.pbf', minzoom: 9, maxzoom: 11, bounds: [0, 0, 1, 1] }, overview: { places: counter.places, counts: [], sites: 1 } },
      details: async (p) => p, projects: () => Promise.reject(new Error('assets/atlas-data.json: HTTP 404')), search: async () => [],
    });
    const changed = changes(dataset);
    dataset.drawn();
    await new Promise((resolve) => setTimeout(resolve));
    expect([changed(), dataset.failure, dataset.complete]).toEqual([1, 'assets/atlas-data.json: HTTP 404', false]);
    expect(dataset.view(PREVIEW_INPUT, 'map')?.pending).toBe(true);
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
    const { dataset: published, release } = tiled();
    const mine = plainDataset({ ...data, projects: data.projects.slice(0, 3) }, basemap);
    let showing = nextShowing(LOADING, { type: 'loaded', dataset: published });
    published.drawn();
    showing = nextShowing(showing, { type: 'opened', file: file(mine) });
    release();
    await new Promise((resolve) => setTimeout(resolve));
    // The late projects complete the published dataset, not what is shown.
    expect(shownDataset(showing)).toBe(mine);
    expect(published.complete).toBe(true);
    showing = nextShowing(showing, { type: 'back' });
    expect(shownDataset(showing)).toBe(published);
    expect(shownDataset(showing)!.view(PREVIEW_INPUT, 'list')!.selection).toHaveLength(data.projects.length);
  });

  it('replaces one opened file by the next', () => {
    const published = plainDataset(data, basemap);
    const [a, b] = [file(plainDataset(data, basemap)), file(plainDataset(data, basemap))];
    const showing = nextShowing(nextShowing(nextShowing(LOADING, { type: 'loaded', dataset: published }), { type: 'opened', file: a }), { type: 'opened', file: b });
    expect(showing).toEqual({ state: 'file', published, file: b });
  });
});
