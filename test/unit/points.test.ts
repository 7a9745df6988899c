/**
 * A packed dataset's sites as points (src/sites/points.ts) and the pointer's hits on them
 * (src/map/points/hit.ts): what the file holds is checked against what the projects meant (their
 * places, projected by d3's Mercator, not the module's), and the grid's hits against every site.
 */
import { readFileSync } from 'node:fs';
import { geoMercator } from 'd3';
import { describe, expect, it } from 'vitest';
import type { AtlasData, Project } from '../../src/core/types';
import { sitesAt, slotOffsets } from '../../src/map/points/hit';
import { siteFeatures } from '../../src/sites/layout';
import { cellOf } from '../../src/sites/grid';
import { pointsFromArrow, pointsToArrow } from '../../src/sites/points';
import { random } from '../../scripts/random';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
/** The published projects forty times over (the stacks outgrow the spiral), and some with no place. */
const many: Project[] = Array.from({ length: 40 }, (_, k) => data.projects.map((p) => ({ ...p, id: `${p.id}#${k}`, locations: k % 7 === 3 ? [] : p.locations }))).flat();
/** Web Mercator in [0, 1], y down. */
const unit = geoMercator().scale(1 / (2 * Math.PI)).translate([0.5, 0.5]);

describe('the sites file', () => {
  for (const [name, projects] of Object.entries({ published: data.projects, 'forty times the published': many })) {
    it(`holds every site of the ${name} projects at its place, with its project, slot and theme`, () => {
      const points = pointsFromArrow(pointsToArrow(projects), 'atlas-points.arrow');
      const features = siteFeatures(projects.filter((p) => p.locations.length)).features;
      expect(points.count).toBe(features.length);
      // Each project's sites, as (x, y, slot, theme), against its features, in any order.
      const key = (x: number, y: number, slot: number, theme: string) => `${x.toFixed(6)},${y.toFixed(6)},${slot},${theme}`;
      const expected = new Map<string, string[]>();
      for (const f of features) {
        const [x, y] = unit(f.geometry.coordinates as [number, number])!;
        expected.set(f.properties.project, [...(expected.get(f.properties.project) ?? []), key(x, y, f.properties.slot, f.properties.theme)]);
      }
      const found = new Map<string, string[]>();
      for (let i = 0; i < points.count; i++) {
        const id = projects[points.project[i]].id;
        found.set(id, [...(found.get(id) ?? []), key(points.position[2 * i], points.position[2 * i + 1], points.slot[i] - 1, points.themes[points.theme[i]])]);
      }
      expect(found.size).toBe(expected.size);
      for (const [id, sites] of expected) expect(found.get(id)?.sort()).toEqual(sites.sort());
      // The grid's cells hold exactly their sites.
      const { grid } = points;
      for (let c = 0; c < grid.size * grid.size; c++) {
        for (let i = grid.starts[c]; i < grid.starts[c + 1]; i++) {
          const [col, row] = cellOf(grid, points.position[2 * i], points.position[2 * i + 1]);
          expect(row * grid.size + col).toBe(c);
        }
      }
      expect(grid.starts[grid.size * grid.size]).toBe(points.count);
    });
  }

  it('is refused, naming the file, when it is cut short or not a sites file', () => {
    const bytes = pointsToArrow(data.projects);
    expect(() => pointsFromArrow(bytes.subarray(0, bytes.length / 2), 'atlas-points-x.arrow')).toThrow();
    expect(() => pointsFromArrow(new Uint8Array(8), 'atlas-points-x.arrow')).toThrow();
  });
});

describe('the sites under the pointer', () => {
  const points = pointsFromArrow(pointsToArrow(many), 'atlas-points.arrow');
  const offsets = slotOffsets(1);
  const hidden = (site: number) => site % 5 === 0;
  for (const zoom of [9, 11, 14]) {
    it(`are every shown site whose dot covers the point, at zoom ${zoom}`, () => {
      const worldSize = 512 * 2 ** zoom;
      const rnd = random(zoom);
      for (let k = 0; k < 200; k++) {
        // Near a site, a dot or two away from it, or anywhere in the grid.
        const s = Math.floor(rnd() * points.count);
        const jitter = () => ((rnd() - 0.5) * 40) / worldSize;
        const at: [number, number] = [points.position[2 * s] + offsets[points.slot[s]][0] / worldSize + jitter(), points.position[2 * s + 1] + offsets[points.slot[s]][1] / worldSize + jitter()];
        const every: number[] = [];
        for (let i = 0; i < points.count; i++) {
          const dx = (points.position[2 * i] - at[0]) * worldSize + offsets[points.slot[i]][0];
          const dy = (points.position[2 * i + 1] - at[1]) * worldSize + offsets[points.slot[i]][1];
          if (Math.hypot(dx, dy) <= 6 && !hidden(i)) every.push(i);
        }
        expect(sitesAt(points, at, { worldSize, offsets, radius: 6 }, hidden).sort((a, b) => a - b)).toEqual(every);
      }
    });
  }
});
