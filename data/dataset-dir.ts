/**
 * Reading and writing a dataset folder (its layout and guarantees: dataset-files.ts) and a
 * programme folder (data/programmes/<id>/, see README "Adding a programme"):
 *   programme.json   the descriptor (src/core/programme.ts)
 *   geo/             basemap.json, municipalities.json, gazetteer.json
 *   stories/         the guided tours
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { validateProgramme, type Programme } from '../src/core/programme';
import { StoryError } from '../src/core/stories';
import { gazetteerFrom, type Gazetteer, type GazetteerData } from '../src/core/gazetteer';
import { formatProblem } from '../src/core/problems';
import { readJsonLines, type Located, type RawRecord } from '../src/core/records';
import type { AtlasData, MunicipalityRecord, Project } from '../src/core/types';
import type { ProgrammeFacts } from '../src/import/dataset';
import { DATA_FILE, datasetFile, DEFAULT_PROGRAMME, listed, PUBLISHED_DATA, readJson, RECORDS_FILE, REPORT_FILE, writeGeneration } from './dataset-files';

export { DATA_FILE, DatasetBusy, DEFAULT_PROGRAMME, lockDataset, MANIFEST_FILE, programmeOf, PUBLISHED_DATA, RECORDS_FILE, REPORT_FILE, writeChunked, writeWhole } from './dataset-files';

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
  const parse = <T>(text: string, line: number): T => {
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${file}:${line}: ${(error as Error).message}`);
    }
  };
  let line = 0;
  for await (const text of lines) {
    line++;
    if (line === 1) {
      if (text !== '{"projects":[') {
        lines.close();
        return readJson<AtlasData>(file);
      }
    } else if (text.startsWith('],')) {
      return { ...parse<Omit<AtlasData, 'projects'>>(`{${text.slice(2)}`, line), projects };
    } else {
      projects.push(parse<Project>(text.endsWith(',') ? text.slice(0, -1) : text, line));
    }
  }
  throw new Error(`${file}: ends at line ${line}, before the end of its project list (cut?)`);
}

/** Writes a dataset (records, compiled data and the import's report) as one new generation of `dir`. */
export function writeDataset(dir: string, records: readonly RawRecord[], data: AtlasData, programmeDir: string, { report }: { report?: string } = {}): void {
  const files: Record<string, Iterable<string>> = {
    [RECORDS_FILE]: (function* () {
      for (const r of records) yield `${JSON.stringify(r)}\n`;
    })(),
    [DATA_FILE]: dataJson(data),
  };
  if (report !== undefined) files[REPORT_FILE] = [report];
  writeGeneration(dir, files, programmeDir);
}

/** The compiled dataset of a folder, or a one-line reason why there is none. */
export function readCompiled(dir: string): AtlasData {
  if (!listed(dir, DATA_FILE)) throw new Error(`${join(dir, DATA_FILE)}: no compiled dataset (run npm run import -- --out ${dir} FILE…)`);
  const file = datasetFile(dir, DATA_FILE);
  const data = readJson<AtlasData>(file);
  if (!Array.isArray(data.projects)) throw new Error(`${file}: no project list`);
  return data;
}

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
  if (!listed(dir, RECORDS_FILE)) return [];
  const file = datasetFile(dir, RECORDS_FILE);
  const { records, problems } = readJsonLines(readFileSync(file), file, programme);
  const problem = problems.find((p) => p.outcome === 'rejected' && p.row !== undefined);
  if (problem) throw new Error(formatProblem(problem));
  return records;
}
