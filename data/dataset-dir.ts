/**
 * A dataset folder, as `npm run data` and `npm run import` write it and `ATLAS_DATA` names it:
 *   projects.jsonl   the records (the schema of src/core/records.ts): what the next import merges into
 *   atlas-data.json  the compiled dataset the atlas loads
 *   dataset.json     which programme it belongs to: {"programme": "<its folder, relative to this one>"}
 * and a programme folder (data/programmes/<id>/, see README "Adding a programme"):
 *   programme.json   the descriptor (src/core/programme.ts)
 *   geo/             basemap.json, municipalities.json, gazetteer.json
 *   stories/         the guided tours
 */
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, relative, resolve } from 'node:path';
import { validateProgramme, type Programme } from '../src/core/programme';
import { StoryError } from '../src/core/stories';
import { gazetteerFrom, type Gazetteer, type GazetteerData } from '../src/core/gazetteer';
import { formatProblem } from '../src/core/problems';
import { readJsonLines, type Located, type RawRecord } from '../src/core/records';
import type { AtlasData, MunicipalityRecord, Project } from '../src/core/types';
import type { ProgrammeFacts } from '../src/import/dataset';

export const PUBLISHED_DATA = new URL('./out/', import.meta.url).pathname;
export const DEFAULT_PROGRAMME = new URL('./programmes/bg-rs/', import.meta.url).pathname;
export const RECORDS_FILE = 'projects.jsonl';
export const DATA_FILE = 'atlas-data.json';
const MANIFEST_FILE = 'dataset.json';

/** Writes texts to a file in chunks of about 1 MB: 100,000 projects never become one giant string. */
export function writeChunked(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w');
  let chunk = '';
  for (const part of parts) {
    chunk += part;
    if (chunk.length > 1_000_000) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/**
 * atlas-data.json, one project per line: valid JSON that readCompiledProjects can also read a line
 * at a time, since a million projects make a text longer than a JavaScript string may be.
 */
export function* dataJson(data: AtlasData): Generator<string> {
  const { projects, ...rest } = data;
  yield '{"projects":[\n';
  for (let i = 0; i < projects.length; i++) yield `${JSON.stringify(projects[i])}${i < projects.length - 1 ? ',' : ''}\n`;
  yield `],${JSON.stringify(rest).slice(1)}\n`;
}

/**
 * A compiled dataset read a project at a time (the one-per-line layout dataJson writes), or as one
 * JSON text when it was written otherwise: its projects and the rest.
 */
export async function readCompiledLines(file: string): Promise<AtlasData> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  const projects: Project[] = [];
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      if (line !== '{"projects":[') {
        lines.close();
        return JSON.parse(readFileSync(file, 'utf8')) as AtlasData;
      }
    } else if (line.startsWith('],')) {
      return { ...(JSON.parse(`{${line.slice(2)}`) as Omit<AtlasData, 'projects'>), projects };
    } else {
      projects.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Project);
    }
  }
  throw new Error(`${file}: ends before the end of its project list`);
}

export function writeDataset(dir: string, records: readonly RawRecord[], data: AtlasData, programmeDir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify({ programme: relative(resolve(dir), resolve(programmeDir)) || '.' })}\n`);
  writeChunked(join(dir, RECORDS_FILE), (function* () {
    for (const r of records) yield `${JSON.stringify(r)}\n`;
  })());
  writeChunked(join(dir, DATA_FILE), dataJson(data));
}

/** The compiled dataset of a folder, or a one-line reason why there is none. */
export function readCompiled(dir: string): AtlasData {
  const file = join(dir, DATA_FILE);
  if (!existsSync(file)) throw new Error(`${file}: no compiled dataset (run npm run import -- --out ${dir} FILE…)`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as AtlasData;
  if (!Array.isArray(data.projects)) throw new Error(`${file}: no project list`);
  return data;
}

/** The programme folder a dataset belongs to (a new folder: the default programme). */
export function programmeOf(dir: string): string {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return DEFAULT_PROGRAMME;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { programme?: unknown };
  if (typeof manifest.programme !== 'string') throw new Error(`${file}: programme: expected the programme folder's path`);
  return resolve(dir, manifest.programme);
}

const readJson = <T>(file: string): T => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
};

/** A programme folder's descriptor, validated (errors name the file and field). */
export const readProgramme = (programmeDir: string): Programme => {
  const file = join(programmeDir, 'programme.json');
  return validateProgramme(readJson(file), file);
};

/** A programme's stories/*.json as parsed JSON; the dataset build validates them against its projects. */
export function readStories(programmeDir: string): { file: string; story: unknown }[] {
  const dir = join(programmeDir, 'stories');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      try {
        return { file, story: JSON.parse(readFileSync(file, 'utf8')) as unknown };
      } catch (error) {
        throw new StoryError(file, '(file)', `broken JSON (${(error as Error).message})`);
      }
    });
}

/** A programme's municipality records and gazetteer (its geo/ folder). */
export function readProgrammeGeo(programmeDir: string): { municipalities: MunicipalityRecord[]; gazetteer: Gazetteer } {
  const municipalities = readJson<MunicipalityRecord[]>(join(programmeDir, 'geo', 'municipalities.json'));
  return { municipalities, gazetteer: gazetteerFrom(readJson<GazetteerData>(join(programmeDir, 'geo', 'gazetteer.json')), municipalities) };
}

/**
 * What every dataset of a programme shares, read from the programme folder and from the programme's
 * published build (`published`: its objectives, official counts and amount ceiling).
 */
export function programmeFacts(programmeDir = DEFAULT_PROGRAMME, published = PUBLISHED_DATA): { programme: Programme; facts: ProgrammeFacts; gazetteer: Gazetteer } {
  const { objectives, officialCounts, amountCeiling } = readCompiled(published);
  const { municipalities, gazetteer } = readProgrammeGeo(programmeDir);
  return { programme: readProgramme(programmeDir), facts: { municipalities, objectives, officialCounts, amountCeiling, stories: readStories(programmeDir) }, gazetteer };
}

/** The records of a dataset folder (none for a new or empty folder). */
export function readRecords(dir: string, programme: Programme): Located<RawRecord>[] {
  const file = join(dir, RECORDS_FILE);
  if (!existsSync(file)) return [];
  const { records, problems } = readJsonLines(readFileSync(file), file, programme);
  const problem = problems.find((p) => p.outcome === 'rejected' && p.row !== undefined);
  if (problem) throw new Error(formatProblem(problem));
  return records;
}
