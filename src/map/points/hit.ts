/** Which drawn sites cover a point of the screen: the pointer's hover and click on the GPU layer. Pure. */
import { cellOf, type SitePoints } from '../../sites/points';

export interface Reach {
  /** Pixels of the whole world's width at the map's zoom. */
  worldSize: number;
  /** Each slot's screen offset in CSS pixels, indexed as `SitePoints.slot`. */
  offsets: readonly (readonly [number, number])[];
  /** How far from its centre a site's dot reaches, in CSS pixels. */
  radius: number;
}

/** The sites, not `hidden`, whose dots cover `at` (Web Mercator), in the points' order. */
export function sitesAt(points: SitePoints, at: readonly [number, number], { worldSize, offsets, radius }: Reach, hidden: (site: number) => boolean): number[] {
  const { position, slot, grid } = points;
  const farthest = Math.max(...offsets.map(([x, y]) => Math.hypot(x, y)));
  const margin = (farthest + radius) / worldSize;
  const [c0, r0] = cellOf(grid, at[0] - margin, at[1] - margin);
  const [c1, r1] = cellOf(grid, at[0] + margin, at[1] + margin);
  const found: number[] = [];
  for (let r = r0; r <= r1; r++) {
    for (let i = grid.starts[r * grid.size + c0]; i < grid.starts[r * grid.size + c1 + 1]; i++) {
      const [ox, oy] = offsets[slot[i]];
      const dx = (position[2 * i] - at[0]) * worldSize + ox;
      const dy = (position[2 * i + 1] - at[1]) * worldSize + oy;
      if (dx * dx + dy * dy <= radius * radius && !hidden(i)) found.push(i);
    }
  }
  return found;
}
