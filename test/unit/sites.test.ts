import { describe, expect, it } from 'vitest';
import type { Location, Project } from '../../src/core/types';
import { linkFeatures, SITE_DIAMETER, siteFeatures, stackOffset } from '../../src/map/sites';

const loc = (settlementId: string, country: 'BG' | 'RS', lon: number, lat: number): Location => ({
  settlementId, nameLat: settlementId, nameCyr: settlementId, country, municipalityId: `${country}-x`, lon, lat, method: 'settlement', partners: [0],
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
});
