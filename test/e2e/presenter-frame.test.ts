/**
 * The presenter's frame at every step of every story, on a 1920×1080 projector and a 1280×720 one:
 * the frame stays within the context map's countries (no band of bare background at any edge: the
 * map keeps to their extent), and the places a step shows are on screen and never under its card.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

/** How many camera moves the map has finished (counted from the first call on). */
const moves = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __moves?: number };
    if (w.__moves === undefined) {
      w.__moves = 0;
      window.__atlasMap!.on('moveend', () => w.__moves!++);
    }
    return w.__moves;
  });

/**
 * What is wrong with the frame of each step of `story`, stepping through it with the keyboard;
 * `framed`: the count of camera moves after which its first step is framed (null: it already is).
 */
async function checkSteps(page: Page, story: AtlasData['stories'][number], framed: number | null): Promise<string[]> {
  const problems: string[] = [];
  for (let n = 1; n <= story.steps.length; n++) {
    const places = placesOf(story.steps[n - 1]);
    if (n > 1) {
      const before = await moves(page);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((s) => new URL(location.href).searchParams.get('step') === String(s), n);
      // The step's camera move starts in an effect after the step renders: wait for it to end.
      if (places.length) await page.waitForFunction((b) => (window as unknown as { __moves: number }).__moves > b, before);
    } else if (places.length && framed !== null) await page.waitForFunction((b) => (window as unknown as { __moves: number }).__moves > b, framed);
    await mapIdle(page);
    const hidden = await page.evaluate((points) => {
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
    if (hidden) problems.push(`${story.id} step ${n}: ${hidden} of ${places.length} places off screen or under the card`);
    // The frame stays within the context countries' extent: the base map has land or sea to every edge.
    const outside = await page.evaluate((context) => {
      const [[w, south], [e, n]] = window.__atlasMap!.getBounds().toArray();
      return [w < context[0] - 1e-6 && 'west', south < context[1] - 1e-6 && 'south', e > context[2] + 1e-6 && 'east', n > context[3] + 1e-6 && 'north'].filter(Boolean);
    }, CONTEXT);
    if (outside.length) problems.push(`${story.id} step ${n}: the frame reaches beyond the context map (${outside.join(', ')})`);
  }
  return problems;
}

describe.each(sizes)('presenter frames at $width×$height', (viewport) => {
  it('frames every step of every story beside the card, on context map to every edge: the first opened by its link, the others from the Present menu', async () => {
    const [first, ...others] = data.stories;
    // Positions, not pixels, are checked: drawn at half the density, the software WebGL of the
    // tests fills a quarter of the pixels for each of the ~50 frames.
    const page = await open(`?present=${first.id}`, { viewport, deviceScaleFactor: 0.5 });
    // A tour opened by its link is framed as the map is made, before 'atlas:ready'.
    await moves(page);
    const problems = await checkSteps(page, first, null);
    for (const story of others) {
      await page.keyboard.press('Escape');
      await page.locator('.presenter').waitFor({ state: 'detached' });
      const framed = await moves(page);
      await page.getByRole('combobox', { name: 'Present' }).selectOption({ value: story.id });
      await page.locator('.presenter').waitFor();
      problems.push(...(await checkSteps(page, story, framed)));
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
