/** The extent of map data, for fitting the camera to it and keeping the camera within it. Pure. */
import type { Geometry } from 'geojson';

/** [west, south, east, north] of some geometries' coordinates and some points. */
export function extent(geometries: readonly Geometry[], points: [number, number][] = []): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else (c as unknown[]).forEach(visit);
  };
  for (const g of geometries) if ('coordinates' in g) visit(g.coordinates);
  points.forEach(visit);
  return [w, s, e, n];
}
