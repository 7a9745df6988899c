import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BasemapData } from '../../src/core/basemap';
import type { AtlasData, Location, Project } from '../../src/core/types';
import { linkFeatures, MAX_FAN, seatsOf, selectionMask, SITE_DIAMETER, siteCounter, siteFeatures, stackOffset, usedSlots } from '../../src/sites/layout';
import { overviewFile, overviewOf, type OverviewFile } from '../../src/sites/source';
import { DENSE_SITES, isDense } from '../../src/sites/tiers';

const loc = (settlementId: string, country: 'BG' | 'RS', lon: number, lat: number): Location => ({
  settlementId, names: { Latn: settlementId, Cyrl: settlementId }, country, municipalityId: `${country}-x`, lon, lat, method: 'settlement', partners: [0],
});
const project = (id: string, theme: Project['theme'], locations: Location[]) => ({ id, theme, locations }) as unknown as Project;

describe('stacked sites', () => {
  it('keeps every point of a large stack apart by more than a dot', () => {
    const pts = Array.from({ length: 40 }, (_, i) => stackOffset(i));
    for (let i = 0; i < pts.length; i++) {
      for (let j = 0; j < i; j++) expect(Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1])).toBeGreaterThan(SITE_DIAMETER);
    }
    expect(stackOffset(-1)).toEqual([0, 0]);
  });

  it('gives each project one point per place, in slots where places are shared', () => {
    const montana = loc('montana', 'BG', 23.2, 43.4);
    const pirot = loc('pirot', 'RS', 22.6, 43.15);
    const fc = siteFeatures([project('a', 'tourism-heritage', [montana, pirot]), project('b', 'environment-risk', [montana])]);
    const at = (settlement: string) => fc.features.filter((f) => f.properties.settlement === settlement).map((f) => [f.properties.project, f.properties.slot, f.properties.stack]);
    expect(at('montana')).toEqual([['a', 0, 2], ['b', 1, 2]]);
    expect(at('pirot')).toEqual([['a', -1, 1]]);
  });

  it('joins each Bulgarian place of a project to each Serbian one', () => {
    const fc = linkFeatures([project('a', 'youth-education', [loc('v', 'BG', 22.9, 44), loc('m', 'BG', 23.2, 43.4), loc('z', 'RS', 22.3, 43.9)])]);
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([[[22.9, 44], [22.3, 43.9]], [[23.2, 43.4], [22.3, 43.9]]]);
  });

  it('wraps stacks larger than the spiral onto its slots, and lists only the slots in use', () => {
    const town = loc('town', 'BG', 23, 43);
    const many = Array.from({ length: MAX_FAN + 5 }, (_, i) => project(`p${String(i).padStart(2, '0')}`, 'tourism-heritage', [town]));
    const fc = siteFeatures(many);
    expect(fc.features.map((f) => f.properties.slot)).toEqual(many.map((_, i) => i % MAX_FAN));
    expect(usedSlots(fc)).toEqual([-1, ...Array.from({ length: MAX_FAN }, (_, i) => i)]);
    expect(usedSlots(siteFeatures(many.slice(0, 3)))).toEqual([-1, 0, 1, 2]);
    expect(usedSlots(siteFeatures([project('a', 'youth-education', [town])]))).toEqual([-1]);
  });

  it('counts the selected projects per municipality at its seat, each project once', () => {
    const projects = [
      project('a', 'tourism-heritage', [loc('v', 'BG', 22.9, 44), loc('v2', 'BG', 22.8, 44.1), loc('z', 'RS', 22.3, 43.9)]),
      project('b', 'environment-risk', [loc('v', 'BG', 22.9, 44)]),
      project('c', 'youth-education', [loc('z', 'RS', 22.3, 43.9)]),
    ];
    const mask = selectionMask(projects, new Set(['a', 'c', 'not-located']));
    expect(mask).toEqual([1, 0, 1]);
    const counter = siteCounter(projects, new Map([['BG-x', [23, 44] as [number, number]]]));
    // RS-x has no seat: the mean of its sites.
    expect(counter.places.features.map((f) => [f.id, f.properties.municipality, f.geometry.coordinates])).toEqual([
      [0, 'BG-x', [23, 44]],
      [1, 'RS-x', [22.3, 43.9]],
    ]);
    // Project a has two sites in BG-x: counted once.
    expect(counter.count(mask)).toEqual([1, 2]);
    expect(counter.count([0, 1, 0])).toEqual([1, 0]);
    expect(counter.count([1, 1, 1])).toEqual([2, 2]);
  });

  it('calls data dense above DENSE_SITES sites', () => {
    const one = project('a', 'tourism-heritage', [loc('v', 'BG', 22.9, 44)]);
    expect(isDense(Array.from({ length: DENSE_SITES }, () => one))).toBe(false);
    expect(isDense(Array.from({ length: DENSE_SITES + 1 }, () => one))).toBe(true);
  });
});

describe('the overview as the build writes it', () => {
  const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
  const basemap = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;
  const located = data.projects.filter((p) => p.locations.length);

  it('stands each count at its municipality’s label on the base map, else at its record’s seat', () => {
    const seats = seatsOf(basemap, data.municipalities);
    const labels = new Map(basemap.labels.features.map((f) => [f.properties.id, f.geometry.coordinates]));
    const outside = data.municipalities.filter((m) => m.seat && !labels.has(m.id));
    expect(outside.length).toBeGreaterThan(0);
    for (const m of data.municipalities) expect(seats.get(m.id)).toEqual(labels.get(m.id) ?? m.seat ?? undefined);
  });

  it('is the same overview once read with the same seats, places without a seat at their own position', () => {
    const seats = seatsOf(basemap, data.municipalities);
    // One municipality loses its seat: its place is the mean of its sites, written out.
    const [unseated] = siteCounter(located, seats).places.features.map((f) => f.properties.municipality);
    const fewer = new Map([...seats].filter(([m]) => m !== unseated));
    const counter = siteCounter(located, fewer);
    const overview = { places: counter.places, counts: counter.count(located.map(() => 1)), sites: 7 };
    const file = JSON.parse(JSON.stringify(overviewFile(overview, fewer))) as OverviewFile;
    expect(Object.keys(file.unseated).sort()).toEqual(counter.places.features.map((f) => f.properties.municipality).filter((m) => !fewer.has(m)).sort());
    expect(Object.keys(file.unseated)).toContain(unseated);
    expect(overviewOf(file, fewer, 'atlas-preview.json')).toEqual(overview);
    expect(() => overviewOf({ ...file, unseated: {} }, fewer, 'atlas-preview.json')).toThrow(new RegExp(`atlas-preview.json: the overview's ${unseated}`));
  });
});
