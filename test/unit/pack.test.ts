import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordsMaxBytes } from '../../data-plugin';
import { MAX_SHARDS, packDataset, SHARD_SIZE, shardCount, shardOf, slimProject, withDetails } from '../../src/core/pack';
import type { AtlasData } from '../../src/core/types';
import { applyFilters, NO_FILTERS, searchText } from '../../src/core/filters';
import { fromPreview, PREVIEW_INPUT, previewShows, toPreview } from '../../src/state/preview';
import { deriveView, indexData } from '../../src/state/view';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;

describe('packing the dataset for the web', () => {
  const { head, shards } = packDataset(data);

  it('keeps every project, slim, in the order of the dataset, and the rest of the dataset as it is', () => {
    expect(head.projects.map((p) => p.id)).toEqual(data.projects.map((p) => p.id));
    expect({ ...head, projects: [] }).toEqual({ ...data, projects: [] });
    const withSummary = head.projects.filter((p) => p.summary !== null || p.sources.length || p.links.length || p.notes);
    expect(withSummary).toEqual([]);
    expect(data.projects.some((p) => p.summary)).toBe(true);
  });

  it('puts each project’s details in the one shard shardOf names, and makes the project whole again', () => {
    expect(shards).toHaveLength(shardCount(data.projects.length));
    expect(shards.reduce((n, s) => n + Object.keys(s).length, 0)).toBe(data.projects.length);
    for (const [i, p] of data.projects.entries()) {
      const shard = shards[shardOf(p.id, shards.length)];
      expect(withDetails(head.projects[i], shard[p.id])).toEqual(p);
    }
  });

  it('spreads ids over the shards and keeps each one near the shard size', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `SYN.${i}`);
    const n = shardCount(ids.length);
    const sizes = new Array<number>(n).fill(0);
    for (const id of ids) sizes[shardOf(id, n)]++;
    expect(Math.max(...sizes)).toBeLessThan(SHARD_SIZE * 1.5);
    expect(Math.min(...sizes)).toBeGreaterThan(SHARD_SIZE * 0.5);
  });

  it('keeps the shards at most MAX_SHARDS, each larger, for a very large dataset', () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `SYN.${i}`);
    const n = shardCount(ids.length);
    expect(n).toBe(MAX_SHARDS);
    const sizes = new Array<number>(n).fill(0);
    for (const id of ids) sizes[shardOf(id, n)]++;
    const even = ids.length / MAX_SHARDS;
    expect([Math.min(...sizes) > even * 0.8, Math.max(...sizes) < even * 1.2]).toEqual([true, true]);
  });

  it('leaves a project without a place slim too (nothing to drop from its locations)', () => {
    const unplaced = data.projects.find((p) => p.locations.length === 0) ?? { ...data.projects[0], locations: [] };
    expect(slimProject(unplaced).locations).toEqual([]);
  });
});

describe('the first view a large dataset ships', () => {
  it('is the view the page derives with no filter, its per-project lists pending', () => {
    const view = deriveView(indexData(data), PREVIEW_INPUT);
    const shipped = fromPreview(JSON.parse(JSON.stringify(toPreview(view))));
    expect(shipped).toEqual({ ...view, pending: true, selection: [], visible: new Set() });
    expect(shipped.charts.years.some((y) => y.byTheme instanceof Map && y.byTheme.size > 0)).toBe(true);
  });

  it('stands only for the view with no filter, no step, no network and no profile', () => {
    expect(previewShows(PREVIEW_INPUT)).toBe(true);
    expect(previewShows({ ...PREVIEW_INPUT, filters: { ...PREVIEW_INPUT.filters, q: 'x' } })).toBe(false);
    expect(previewShows({ ...PREVIEW_INPUT, profile: 'BG-VID09' })).toBe(false);
    expect(previewShows({ ...PREVIEW_INPUT, network: true })).toBe(false);
  });
});

describe('the search text a large dataset ships', () => {
  it('is the text the page would make: a project found by the shipped text is the one its own text finds', () => {
    const made = indexData(data).index;
    const shipped = indexData(data).index.map((keys, i) => ({ ...keys, search: JSON.parse(JSON.stringify(searchText(made[i]))) as string }));
    for (const q of ['pirot', 'видин', 'museum', 'zajecar', 'BG-']) {
      const f = { ...NO_FILTERS, q };
      expect(applyFilters(shipped, f).map((p) => p.id)).toEqual(applyFilters(indexData(data).index, f).map((p) => p.id));
    }
    expect(applyFilters(made, { ...NO_FILTERS, q: 'pirot' }).length).toBeGreaterThan(0);
  });
});

describe('the largest records file a deployment ships (ATLAS_RECORDS_MAX_MB)', () => {
  it('is read as megabytes, the default when unset, and refused, named, when it is not a number of them', () => {
    expect([recordsMaxBytes(undefined), recordsMaxBytes(''), recordsMaxBytes('0'), recordsMaxBytes('250')]).toEqual([undefined, undefined, 0, 250e6]);
    for (const bad of ['lots', '-1', '1e999']) expect(() => recordsMaxBytes(bad)).toThrowError(`ATLAS_RECORDS_MAX_MB=${bad}: not a number of megabytes`);
  });
});
