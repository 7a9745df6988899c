/**
 * npm run data: compiles ../shared/projects-raw (or $ATLAS_PROJECTS_RAW) into data/out/atlas-data.json
 * and writes data/REPORT.md (everything unresolved, ambiguous, unreadable or outside the area).
 * Fails only on structural faults, naming file, line and field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import { DataError } from '../src/core/compile';
import { Gazetteer } from '../src/core/gazetteer';
import { readJsonLines } from '../src/core/records';
import { StoryError } from '../src/core/stories';
import { PERIODS, type CountryCode, type Objective, type OfficialCount } from '../src/core/types';
import { buildDataset } from '../src/import/dataset';
import { compileSections, problemsSection } from '../src/import/report';
import { readStories, writeDataset } from './dataset-dir';
import { loadGeoSources } from '../geo/sources';
import { LARGEST_BUDGET_QUOTE, OFFICIAL_COUNT_QUOTES } from './official-counts';

const RAW = resolve(process.env.ATLAS_PROJECTS_RAW ?? new URL('../../shared/projects-raw', import.meta.url).pathname);

function main(): void {
  const projectsFile = relative(process.cwd(), resolve(RAW, 'projects.jsonl'));
  const scanned = readJsonLines(readFileSync(projectsFile), projectsFile);
  // The published data is strict: the first problem of the collected file stops the build.
  if (scanned.problems.length) throw DataError.of(scanned.problems[0]);
  const geo = loadGeoSources();
  const gazetteer = new Gazetteer(geo.settlements, geo.municipalities, geo.districts);
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
  const facts = {
    municipalities: geo.municipalities,
    objectives: objectivesOf(programme),
    officialCounts: officialCounts(programme),
    amountCeiling: largestBudget(programme),
    stories: readStories(),
  };
  const built = buildDataset(scanned.records, facts, { gazetteer, municipalityAt }, { strict: true });
  const report = ['# Data build report', '', 'Written by `npm run data` from `../shared/projects-raw/projects.jsonl`; do not edit by hand.', '', ...compileSections(built.data.projects, built.issues)];
  if (built.problems.length) report.push(problemsSection(built.problems));
  writeDataset(new URL('./out/', import.meta.url).pathname, scanned.records.map((r) => r.value), built.data);
  writeFileSync(new URL('./REPORT.md', import.meta.url), report.join('\n'));
  const { projects } = built.data;
  const located = projects.filter((p) => p.locations.length).length;
  console.log(`data: ${projects.length} projects, ${located} on the map, ${built.issues.length} issues listed in data/REPORT.md`);
}

interface Programme {
  periods: Record<
    string,
    {
      budget?: { value: string; source: string }[] | null;
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

function largestBudget(programme: Programme): number {
  const { period, amount, quote } = LARGEST_BUDGET_QUOTE;
  const budgets = programme.periods[period]?.budget ?? [];
  if (!budgets.some((b) => b.value.includes(quote))) throw new Error(`${PROGRAMME_FILE}: periods.${period}.budget: no fact contains "${quote}" any more; update data/official-counts.ts`);
  return amount;
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

try {
  main();
} catch (error) {
  console.error(error instanceof DataError || error instanceof StoryError ? `data build failed: ${error.message}` : error);
  process.exit(1);
}
