/** Network lines between the seats of cooperating municipalities. Pure. */
import type { FeatureCollection, LineString } from 'geojson';
import type { Pair } from '../core/network';
import type { MunicipalityRecord } from '../core/types';

export function networkLines(pairs: readonly Pair[], municipalities: ReadonlyMap<string, MunicipalityRecord>): FeatureCollection<LineString, { projects: number; a: string; b: string }> {
  const features = pairs.flatMap((p) => {
    const [a, b] = [municipalities.get(p.a)?.seat, municipalities.get(p.b)?.seat];
    return a && b ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [a, b] }, properties: { projects: p.projects, a: p.a, b: p.b } }] : [];
  });
  return { type: 'FeatureCollection', features };
}
