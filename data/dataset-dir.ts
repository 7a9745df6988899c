/**
 * A dataset folder, as `npm run data` and `npm run import` write it and `ATLAS_DATA` names it:
 *   projects.jsonl   the records (the schema of src/core/records.ts): what the next import merges into
 *   atlas-data.json  the compiled dataset the atlas loads
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoryError } from '../src/core/stories';
import { gazetteerFrom, type Gazetteer, type GazetteerData } from '../src/core/gazetteer';
import { formatProblem } from '../src/core/problems';
import { readJsonLines, type Located, type RawRecord } from '../src/core/records';
import type { AtlasData, MunicipalityRecord } from '../src/core/types';
import type { ProgrammeFacts } from '../src/import/dataset';

export const PUBLISHED_DATA = new URL('./out/', import.meta.url).pathname;
export const RECORDS_FILE = 'projects.jsonl';
export const DATA_FILE = 'atlas-data.json';
const STORIES_DIR = new URL('./stories/', import.meta.url);

/** Writes texts to a file in chunks of about 1 MB: 100,000 projects never become one giant string. */
function writeChunked(file: string, parts: Iterable<string>): void {
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

/** atlas-data.json, byte for byte JSON.stringify(data), one project at a time. */
function* dataJson(data: AtlasData): Generator<string> {
  const { projects, ...rest } = data;
  yield '{"projects":[';
  for (let i = 0; i < projects.length; i++) yield `${i ? ',' : ''}${JSON.stringify(projects[i])}`;
  yield `],${JSON.stringify(rest).slice(1)}`;
}

export function writeDataset(dir: string, records: readonly RawRecord[], data: AtlasData): void {
  mkdirSync(dir, { recursive: true });
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

/** data/stories/*.json as parsed JSON; the dataset build validates them against its projects. */
export function readStories(): { file: string; story: unknown }[] {
  return readdirSync(STORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = fileURLToPath(new URL(f, STORIES_DIR));
      try {
        return { file, story: JSON.parse(readFileSync(file, 'utf8')) as unknown };
      } catch (error) {
        throw new StoryError(file, '(file)', `broken JSON (${(error as Error).message})`);
      }
    });
}

const GEO_OUT = new URL('../geo/out/', import.meta.url);
const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

/** What every dataset shares, read from the committed published build: the programme's facts and the gazetteer. */
export function programmeFacts(): { facts: ProgrammeFacts; gazetteer: Gazetteer } {
  const published = readCompiled(PUBLISHED_DATA);
  const municipalities = readJson<MunicipalityRecord[]>(new URL('municipalities.json', GEO_OUT));
  const gazetteer = gazetteerFrom(readJson<GazetteerData>(new URL('gazetteer.json', GEO_OUT)), municipalities);
  const { objectives, officialCounts, amountCeiling } = published;
  return { facts: { municipalities, objectives, officialCounts, amountCeiling, stories: readStories() }, gazetteer };
}

/** The records of a dataset folder (none for a new or empty folder). */
export function readRecords(dir: string): Located<RawRecord>[] {
  const file = join(dir, RECORDS_FILE);
  if (!existsSync(file)) return [];
  const { records, problems } = readJsonLines(readFileSync(file), file);
  const problem = problems.find((p) => p.outcome === 'rejected' && p.row !== undefined);
  if (problem) throw new Error(formatProblem(problem));
  return records;
}
