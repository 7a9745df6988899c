/** Which drawn sites cover a point of the screen: the pointer's hover and click on the GPU layer. Pure. */
import { MAX_FAN, stackOffset } from '../../sites/layout';
import { rowsIn, type SitePoints } from '../../sites/grid';
import type { SitePaint } from '../sitePaint';

/** Maplibre's world is 512 pixels wide at zoom 0. */
export const worldSize = (zoom: number) => 512 * 2 ** zoom;

/** Every slot's screen offset (index 0: alone at its place), for dots of `scale`. */
export const slotOffsets = (scale: number): [number, number][] => Array.from({ length: MAX_FAN + 1 }, (_, i) => stackOffset(i - 1, scale));

export interface Reach {
  /** Pixels of the whole world's width at the map's zoom. */
  worldSize: number;
  /** Each slot's screen offset in CSS pixels, indexed as `SitePoints.slot`. */
  offsets: readonly (readonly [number, number])[];
  /** How far from its centre a site's dot reaches, in CSS pixels. */
  radius: number;
}

/** How far from its place any part of a dot can be drawn: its farthest slot, and the dot's own reach around it. */
export const spreadOf = (offsets: Reach['offsets'], reach: number): number => Math.max(...offsets.map(([x, y]) => Math.hypot(x, y))) + reach;

/** How far from the pointer a drawn site is under it, at a zoom. */
export const reachOf = (paint: SitePaint, zoom: number): Reach => ({ worldSize: worldSize(zoom), offsets: slotOffsets(paint.scale), radius: paint.radius + paint.outline.width });

/** The sites, not `hidden`, whose dots cover `at` (Web Mercator), in the points' order. */
export function sitesAt(points: SitePoints, at: readonly [number, number], { worldSize, offsets, radius }: Reach, hidden: (site: number) => boolean): number[] {
  const { position, slot, grid } = points;
  const margin = spreadOf(offsets, radius) / worldSize;
  const found: number[] = [];
  for (const [first, end] of rowsIn(grid, [at[0] - margin, at[1] - margin, at[0] + margin, at[1] + margin])) {
    for (let i = first; i < end; i++) {
      const [ox, oy] = offsets[slot[i]];
      const dx = (position[2 * i] - at[0]) * worldSize + ox;
      const dy = (position[2 * i + 1] - at[1]) * worldSize + oy;
      if (dx * dx + dy * dy <= radius * radius && !hidden(i)) found.push(i);
    }
  }
  return found;
}
