/**
 * The presenter's frame at every step of every story, on a 1920×1080 projector and a 1280×720 one:
 * the frame stays within the context map's countries (no band of bare background at any edge: the
 * map keeps to their extent), and the places a step shows are on screen and never under its card.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFilters, indexProjects } from '../../src/core/filters';
import type { AtlasData } from '../../src/core/types';
import { parseUrl } from '../../src/state/url';
import { PROGRAMME } from '../unit/fixtures';
import type { BasemapData } from '../../src/core/basemap';
import { atlasBrowser, mapIdle } from './harness';

const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
const index = indexProjects(data.projects, new Map(data.municipalities.map((m) => [m.id, m])));
const open = atlasBrowser();
const basemap = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/geo/basemap.json', import.meta.url), 'utf8')) as BasemapData;
/** [west, south, east, north] of the context countries. */
const CONTEXT = (() => {
  const all = basemap.countries.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []));
  return [Math.min(...all.map((c) => c[0])), Math.min(...all.map((c) => c[1])), Math.max(...all.map((c) => c[0])), Math.max(...all.map((c) => c[1]))];
})();

/** The places a step fits the camera to, computed from the data as the presenter does. */
function placesOf(step: AtlasData['stories'][number]['steps'][number]): [number, number][] {
  const project = step.project ? data.projects.find((p) => p.id === step.project) : undefined;
  const selection = project ? [project] : applyFilters(index, parseUrl(`?${step.filters ?? ''}`, PROGRAMME).state.filters);
  return selection.flatMap((p) => p.locations.map((l) => [l.lon, l.lat] as [number, number]));
}

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

describe.each(sizes)('presenter frames at $width×$height', (viewport) => {
  it.each(data.stories.map((s) => [s.id, s] as const))('%s: every step frames its places beside the card, on context map to every edge', async (_, story) => {
    const page = await open(`?present=${story.id}`, { viewport, reducedMotion: 'reduce' });
    const problems: string[] = [];
    for (let n = 1; n <= story.steps.length; n++) {
      if (n > 1) await page.keyboard.press('ArrowRight');
      await page.waitForFunction((s) => new URL(location.href).searchParams.get('step') === String(s) || s === 1, n);
      await mapIdle(page);
      const places = placesOf(story.steps[n - 1]);
      const hiddenNow = () =>
        page.evaluate((points) => {
          const map = window.__atlasMap!;
          const frame = map.getContainer().getBoundingClientRect();
          const card = document.querySelector('.presenter-card')!.getBoundingClientRect();
          const bar = document.querySelector('.presenter-bar')!.getBoundingClientRect();
          return points
            .map(([lon, lat]) => map.project([lon, lat]))
            .filter(({ x, y }) => {
              const [px, py] = [frame.left + x, frame.top + y];
              const off = px < frame.left || py < bar.bottom || px > frame.right || py > frame.bottom;
              const underCard = px >= card.left - 4 && px <= card.right + 4 && py >= card.top - 4 && py <= card.bottom + 4;
              return off || underCard;
            }).length;
        }, places);
      // The step's camera move starts in an effect after the step renders: on a busy machine the
      // idle map seen first can be the previous step's. A frame that stays wrong still fails.
      let hidden = await hiddenNow();
      for (let tries = 0; hidden && tries < 10; tries++) {
        await page.waitForTimeout(300);
        await mapIdle(page);
        hidden = await hiddenNow();
      }
      if (hidden) problems.push(`step ${n}: ${hidden} of ${places.length} places off screen or under the card`);
      // The frame stays within the context countries' extent: the base map has land or sea to every edge.
      const outside = await page.evaluate((context) => {
        const [[w, south], [e, n]] = window.__atlasMap!.getBounds().toArray();
        return [w < context[0] - 1e-6 && 'west', south < context[1] - 1e-6 && 'south', e > context[2] + 1e-6 && 'east', n > context[3] + 1e-6 && 'north'].filter(Boolean);
      }, CONTEXT);
      if (outside.length) problems.push(`step ${n}: the frame reaches beyond the context map (${outside.join(', ')})`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
