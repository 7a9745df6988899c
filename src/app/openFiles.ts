/**
 * A file opened in the page: read, checked and compiled here, with the import code and the gazetteer
 * loaded only now (nothing is sent anywhere). The result is the file's data alone, with the
 * programme's facts and stories of the published dataset.
 */
import gazetteerUrl from '@atlas-programme/geo/gazetteer.json?url';
import municipalitiesUrl from '@atlas-programme/geo/municipalities.json?url';
import type { GazetteerData } from '../core/gazetteer';
import { formatProblem } from '../core/problems';
import type { Programme } from '../core/programme';
import type { AtlasData, MunicipalityRecord } from '../core/types';
import { getJson } from './load';

export interface LocalData {
  data: AtlasData;
  /** The files' names, as the banner names them. */
  names: string[];
  /** The import report (Markdown). */
  report: string;
  problems: number;
}

/**
 * The most a page reads: the import runs on the page's own thread, and beyond this (about 100,000
 * rows of CSV) the page would stop answering for many seconds. Larger files go through npm run import.
 */
export const MAX_PAGE_MB = 20;

/** The files' data, or an error whose message says in one line why there is none. */
export async function openFiles(files: readonly File[], published: AtlasData, programme: Programme): Promise<LocalData> {
  const megabytes = files.reduce((sum, f) => sum + f.size, 0) / (1024 * 1024);
  if (megabytes > MAX_PAGE_MB) {
    throw new Error(`${files.map((f) => f.name).join(', ')}: ${Math.ceil(megabytes)} MB, more than the ${MAX_PAGE_MB} MB this page reads; import it with npm run import (README, "Importing a list of operations")`);
  }
  const [{ importFiles }, { importReport }, { gazetteerFrom }, gazetteerData, municipalities, inputs] = await Promise.all([
    import('../import'),
    import('../import/report'),
    import('../core/gazetteer'),
    getJson<GazetteerData>(gazetteerUrl),
    getJson<MunicipalityRecord[]>(municipalitiesUrl),
    Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
  ]);
  const { objectives, officialCounts, amountCeiling, stories } = published;
  const facts = { municipalities, objectives, officialCounts, amountCeiling, stories: stories.map((story) => ({ file: `story "${story.id}"`, story })) };
  const imported = await importFiles(inputs, [], facts, { programme, gazetteer: gazetteerFrom(gazetteerData, municipalities) });
  const names = files.map((f) => f.name);
  const report = importReport(names, imported, { target: 'this page only (not published)' });
  if (!imported.built.data.projects.length) {
    const first = imported.problems.find((p) => p.outcome === 'rejected');
    throw new Error(first ? formatProblem(first) : `${names.join(', ')}: no operations found`);
  }
  return { data: imported.built.data, names, report, problems: imported.problems.length };
}
