/**
 * npm run data -- [--programme DIR] [--out DIR]: compiles a programme's collected records (its
 * descriptor's `raw` folder, or $ATLAS_PROJECTS_RAW) into a dataset folder (data/out/ for the
 * default programme, data/programmes/bg-rs) and writes REPORT.md beside the records' folder's
 * dataset (everything unresolved, ambiguous, unreadable or outside the area). Fails only on
 * structural faults, naming file, line and field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BasemapData } from '../src/core/basemap';
import { DataError } from '../src/core/compile';
import { ProgrammeError, type Programme } from '../src/core/programme';
import { readJsonLines } from '../src/core/records';
import { StoryError } from '../src/core/stories';
import type { CountryCode, Objective, OfficialCount } from '../src/core/types';
import { buildDataset } from '../src/import/dataset';
import { compileSections, problemsSection } from '../src/import/report';
import { DEFAULT_PROGRAMME, lockDataset, PUBLISHED_DATA, readProgramme, readProgrammeGeo, readStories, writeDataset } from './dataset-dir';

function main(args: string[]): void {
  let programmeDir = DEFAULT_PROGRAMME;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--programme') programmeDir = resolve(args[++i]);
    else if (args[i] === '--out') out = resolve(args[++i]);
    else throw new Error(`unknown argument ${args[i]} (usage: npm run data -- [--programme DIR] [--out DIR])`);
  }
  out ??= resolve(programmeDir) === resolve(DEFAULT_PROGRAMME) ? PUBLISHED_DATA : join(programmeDir, 'out');
  const programme = readProgramme(programmeDir);
  const raw = resolve(process.env.ATLAS_PROJECTS_RAW ?? resolve(programmeDir, programme.raw ?? 'raw'));
  const projectsFile = relative(process.cwd(), join(raw, 'projects.jsonl'));
  const scanned = readJsonLines(readFileSync(projectsFile), projectsFile, programme);
  // The published data is strict: the first problem of the collected file stops the build.
  if (scanned.problems.length) throw DataError.of(scanned.problems[0]);
  const { municipalities, gazetteer } = readProgrammeGeo(programmeDir);
  const basemap = JSON.parse(readFileSync(join(programmeDir, 'geo', 'basemap.json'), 'utf8')) as BasemapData;
  const facts = readFacts(join(raw, 'programme.json'), programme);
  const built = buildDataset(
    scanned.records,
    { municipalities, ...facts, stories: readStories(programmeDir) },
    { programme, gazetteer, municipalityAt: polygonLookup(basemap) },
    { strict: true },
  );
  const report = ['# Data build report', '', `Written by \`npm run data\` from \`${projectsFile}\`; do not edit by hand.`, '', ...compileSections(built.data.projects, built.issues)];
  if (built.problems.length) report.push(problemsSection(built.problems));
  const release = lockDataset(out);
  try {
    writeDataset(out, scanned.records.map((r) => r.value), built.data, programmeDir);
  } finally {
    release();
  }
  writeFileSync(out === PUBLISHED_DATA ? new URL('./REPORT.md', import.meta.url) : join(out, 'REPORT.md'), report.join('\n'));
  const { projects } = built.data;
  const located = projects.filter((p) => p.locations.length).length;
  console.log(`data: ${projects.length} projects, ${located} on the map, ${built.issues.length} issues listed in the report`);
}

/**
 * The programme-area municipality whose polygon (the basemap's) holds a point; null where none does.
 * Only points the gazetteer puts in a programme-area municipality are checked.
 */
function polygonLookup(basemap: BasemapData) {
  const polygons = basemap.municipalities.features.map((f) => ({ f: f as Feature<Polygon | MultiPolygon, { id: string; country: string }>, box: bbox(f) }));
  const inArea = new Set(polygons.map((p) => p.f.properties.id));
  return (lon: number, lat: number, country: CountryCode, gazetteerMunicipality: string): string | null => {
    if (!inArea.has(gazetteerMunicipality)) return gazetteerMunicipality;
    const pt = point([lon, lat]);
    const hit = polygons.find(({ f, box }) => f.properties.country === country && lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && booleanPointInPolygon(pt, f));
    return hit ? hit.f.properties.id : null;
  };
}

interface RawFacts {
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

/** The objectives, official counts and largest budget, checked against the quotes of the descriptor. */
function readFacts(file: string, programme: Programme): { objectives: Objective[]; officialCounts: OfficialCount[]; amountCeiling: number } {
  const facts = JSON.parse(readFileSync(file, 'utf8')) as RawFacts;
  const fail = (field: string, quote: string) => {
    throw new Error(`${file}: ${field}: no fact contains "${quote}" any more; update the programme's programme.json`);
  };
  // Axes ("PA1"), measures and specific objectives of each period, as the facts name them.
  const objectives: Objective[] = [];
  const officialCounts: OfficialCount[] = [];
  for (const { id: period, officialCounts: quotes } of programme.periods) {
    const p = facts.periods[period];
    const add = (code: string, name: string) => objectives.push({ key: `${period}:${code}`, period, code, name });
    for (const axis of p?.priority_axes ?? []) {
      add(`PA${axis.code}`, axis.name);
      for (const o of [...(axis.measures ?? []), ...(axis.specific_objectives ?? [])]) add(o.code, o.name);
    }
    for (const x of p?.priorities ?? []) add(`PA${x.code.replace(/^P/, '')}`, x.name);
    if (!quotes.length) continue;
    const entry: OfficialCount = { period, min: Infinity, max: -Infinity, sources: [] };
    for (const { count, quote } of quotes) {
      const fact = (p?.number_of_projects ?? []).find((f) => f.value.includes(quote)) ?? fail(`periods.${period}.number_of_projects`, quote);
      entry.min = Math.min(entry.min, count);
      entry.max = Math.max(entry.max, count);
      entry.sources.push({ value: fact.value, url: fact.source });
    }
    officialCounts.push(entry);
  }
  const { period, amount, quote } = programme.largestBudget;
  if (!(facts.periods[period]?.budget ?? []).some((b) => b.value.includes(quote))) fail(`periods.${period}.budget`, quote);
  return { objectives, officialCounts, amountCeiling: amount };
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof DataError || error instanceof StoryError || error instanceof ProgrammeError;
  console.error(known ? `data build failed: ${error.message}` : error);
  process.exit(1);
}
