/**
 * Benchmark harness: the real App, on the real data or (?synthetic=N) on N generated sites.
 * SYNTHETIC DATA: generated here for timing only, never shipped and never shown as real.
 */
import { render } from 'preact';
import { App } from '../../src/app/App';
import { loadAtlas, loadProgramme } from '../../src/app/load';
import '../../src/styles.css';
import type { AtlasData, Project } from '../../src/core/types';
import { THEME_IDS } from '../../src/core/themes';

const programme = loadProgramme();
const sites = Number(new URLSearchParams(location.search).get('synthetic') ?? 0);

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same data. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(real: AtlasData, siteCount: number): AtlasData {
  const rand = random(42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const area = real.municipalities.filter((m) => m.inArea && m.seat);
  const bg = area.filter((m) => m.country === 'BG');
  const rs = area.filter((m) => m.country === 'RS');
  const projects: Project[] = [];
  for (let i = 0; i < siteCount / 2; i++) {
    const places = [pick(bg), pick(rs)];
    const total = rand() < 0.6 ? Math.round(20_000 + rand() * 900_000) : null;
    projects.push({
      ...real.projects[0],
      id: `synthetic-${i}`,
      code: null,
      title: { [programme.titleLanguages[0]]: `Synthetic project ${i}` },
      untitled: false,
      period: pick(programme.periods).id,
      theme: pick(THEME_IDS),
      type: pick(['investment', 'soft', null] as const),
      objective: null,
      total: total === null ? null : { raw: String(total), value: total, approximate: false, derived: false },
      eu: null,
      partners: places.map((m, k) => ({ name: `Synthetic partner ${i}-${k}`, role: null, country: m.country, town: m.names.Latn, budget: null, location: k })),
      locations: places.map((m, k) => ({
        settlementId: `synthetic:${i}:${k}`,
        names: m.names,
        country: m.country,
        municipalityId: m.id,
        lon: m.seat![0] + (rand() - 0.5) * 0.2,
        lat: m.seat![1] + (rand() - 0.5) * 0.2,
        method: 'settlement',
        partners: [k],
      })),
      sites: [],
      summary: 'Synthetic record for the benchmark.',
    });
  }
  return { ...real, projects };
}

const load = async () => {
  const atlas = await loadAtlas();
  return sites ? { ...atlas, data: synthetic(atlas.data, sites) } : atlas;
};
render(<App programme={programme} load={load} />, document.getElementById('app')!);
