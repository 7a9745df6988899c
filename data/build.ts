/**
 * npm run data: compiles ../shared/projects-raw (or $ATLAS_PROJECTS_RAW) into data/out/atlas-data.json
 * and writes data/REPORT.md (everything unresolved, ambiguous, unreadable or outside the area).
 * Fails only on structural faults, naming file, line and field.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import { compileProjects, DataError, parseJsonLines, type Issue } from '../src/core/compile';
import { Gazetteer } from '../src/core/gazetteer';
import { StoryError, validateStory, type Story, type StoryContext } from '../src/core/stories';
import { PERIODS, type AtlasData, type CountryCode, type Objective, type OfficialCount, type Project } from '../src/core/types';
import { loadGeoSources } from '../geo/sources';
import { OFFICIAL_COUNT_QUOTES } from './official-counts';

const RAW = resolve(process.env.ATLAS_PROJECTS_RAW ?? new URL('../../shared/projects-raw', import.meta.url).pathname);
const out = (file: string) => new URL(`./${file}`, import.meta.url);

function main(): void {
  const projectsFile = resolve(RAW, 'projects.jsonl');
  const records = parseJsonLines(readFileSync(projectsFile, 'utf8'), projectsFile);
  const geo = loadGeoSources();
  const gazetteer = new Gazetteer(geo.settlements, geo.municipalities);
  const boxes = geo.polygons.map((p) => ({ polygon: p, box: bbox(p), country: geo.municipalities.find((m) => m.id === p.id)!.country }));
  const municipalityAt = (lon: number, lat: number, country: CountryCode): string | null => {
    const pt = point([lon, lat]);
    const hit = boxes.find(
      ({ polygon, box, country: c }) =>
        c === country && lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && booleanPointInPolygon(pt, polygon),
    );
    return hit ? hit.polygon.id : null;
  };
  const programme = readProgramme();
  const objectives = objectivesOf(programme);
  const { projects, issues } = compileProjects(records, projectsFile, { gazetteer, municipalityAt, objectives: new Set(objectives.map((o) => o.key)) });

  const usedMunicipalities = new Set(projects.flatMap((p) => p.locations.map((l) => l.municipalityId)));
  const data: AtlasData = {
    projects,
    municipalities: geo.municipalities.filter((m) => m.inArea || usedMunicipalities.has(m.id)),
    objectives,
    officialCounts: officialCounts(programme),
    stories: [],
  };
  data.stories = readStories({ projects: new Set(projects.map((p) => p.id)), municipalities: new Set(data.municipalities.map((m) => m.id)) });
  writeFileSync(out('out/atlas-data.json'), JSON.stringify(data));
  writeFileSync(out('REPORT.md'), report(projects, issues));
  const located = projects.filter((p) => p.locations.length).length;
  console.log(`data: ${projects.length} projects, ${located} on the map, ${issues.length} issues listed in data/REPORT.md`);
}

interface Programme {
  periods: Record<
    string,
    {
      number_of_projects?: { value: string; source: string }[] | null;
      priority_axes?: { code: string; name: string; measures?: { code: string; name: string }[]; specific_objectives?: { code: string; name: string }[] }[] | null;
      priorities?: { code: string; name: string }[];
    }
  >;
}
const PROGRAMME_FILE = resolve(RAW, 'programme.json');
const readProgramme = (): Programme => JSON.parse(readFileSync(PROGRAMME_FILE, 'utf8')) as Programme;

/** Axes ("PA1"), measures and specific objectives of each period, as programme.json names them. */
function objectivesOf(programme: Programme): Objective[] {
  const objectives: Objective[] = [];
  for (const period of PERIODS) {
    const facts = programme.periods[period];
    const add = (code: string, name: string) => objectives.push({ key: `${period}:${code}`, period, code, name });
    for (const axis of facts?.priority_axes ?? []) {
      add(`PA${axis.code}`, axis.name);
      for (const o of [...(axis.measures ?? []), ...(axis.specific_objectives ?? [])]) add(o.code, o.name);
    }
    for (const p of facts?.priorities ?? []) add(`PA${p.code.replace(/^P/, '')}`, p.name);
  }
  return objectives;
}

/** data/stories/*.json, validated against the compiled projects and municipalities. */
function readStories(ctx: StoryContext): Story[] {
  const dir = new URL('./stories/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = fileURLToPath(new URL(f, dir));
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new StoryError(file, '(file)', `broken JSON (${(error as Error).message})`);
      }
      return validateStory(json, file, ctx);
    });
}

function officialCounts(programme: Programme): OfficialCount[] {
  const file = PROGRAMME_FILE;
  const byPeriod = new Map<string, OfficialCount>();
  for (const { period, count, quote } of OFFICIAL_COUNT_QUOTES) {
    const fact = (programme.periods[period]?.number_of_projects ?? []).find((f) => f.value.includes(quote));
    if (!fact) throw new Error(`${file}: periods.${period}.number_of_projects: no fact contains "${quote}" any more; update data/official-counts.ts`);
    const entry = byPeriod.get(period) ?? { period, min: count, max: count, sources: [] };
    entry.min = Math.min(entry.min, count);
    entry.max = Math.max(entry.max, count);
    entry.sources.push({ value: fact.value, url: fact.source });
    byPeriod.set(period, entry);
  }
  return [...byPeriod.values()];
}

function report(projects: Project[], issues: Issue[]): string {
  const count = (pred: (p: Project) => boolean) => projects.filter(pred).length;
  const byKind = (kind: Issue['kind']) => issues.filter((i) => i.kind === kind);
  const section = (title: string, list: Issue[]) =>
    `## ${title} (${list.length})\n\n${list.length ? list.map((i) => `- \`${i.project}\`: ${i.detail}`).join('\n') : '_none_'}\n`;
  const methods = projects.flatMap((p) => p.locations).reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.method]: (acc[l.method] ?? 0) + 1 }), {});
  const basis = projects.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.themeBasis]: (acc[p.themeBasis] ?? 0) + 1 }), {});
  return [
    '# Data build report',
    '',
    'Written by `npm run data` from `../shared/projects-raw/projects.jsonl`; do not edit by hand.',
    '',
    `- projects: ${projects.length} (on the map: ${count((p) => p.locations.length > 0)}; not on the map: ${count((p) => p.locations.length === 0)})`,
    `- total budget known: ${count((p) => p.total?.value != null)}; approximate: ${count((p) => !!p.total?.approximate)}; EU amount derived from total × rate: ${count((p) => !!p.eu?.derived)}`,
    `- locations by method: ${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `- theme basis: ${Object.entries(basis).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    section('Partners not placed', byKind('unresolved')),
    section('Ambiguous names', byKind('ambiguous')),
    section('Outside the programme area', byKind('outside-area')),
    section('Gazetteer and polygon disagree', byKind('polygon')),
    section('Amounts that cannot be read', byKind('amount')),
    section('Site names not placed', byKind('site')),
    `## Not on the map (${count((p) => p.locations.length === 0)})\n`,
    ...projects.filter((p) => p.locations.length === 0).map((p) => `- \`${p.id}\`: ${p.partners.length ? `${p.partners.length} partner(s), none placed` : 'no partner list in the source'}`),
    '',
    `## Themes inferred from title and summary (${count((p) => p.themeBasis !== 'programme')})\n`,
    ...projects.filter((p) => p.themeBasis !== 'programme').map((p) => `- \`${p.id}\`: ${p.theme} (${p.themeBecause})`),
    '',
  ].join('\n');
}

try {
  main();
} catch (error) {
  console.error(error instanceof DataError || error instanceof StoryError ? `data build failed: ${error.message}` : error);
  process.exit(1);
}
