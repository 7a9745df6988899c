/**
 * The page's import, on a thread of its own (app/openFiles.ts starts one per opening and ends it to
 * cancel), so the page keeps answering while a large file is read. It tells how far it has come,
 * then sends the projects in parts, each when the page asks for the next: one message of 100,000
 * projects would hold the page's thread for over a second while it is unpacked, and parts sent all
 * at once are unpacked by the page several in one go.
 */
import { gazetteerFrom, type GazetteerData } from '../core/gazetteer';
import { getJson } from '../core/getJson';
import { formatProblem } from '../core/problems';
import type { MunicipalityRecord } from '../core/types';
import { importFiles, type ImportProgress } from '.';
import { NEXT, type ImportReply, type ImportRequest } from './protocol';
import { importReport } from './report';

/** Projects a message: about 25 ms to unpack on the page's thread (2-core machine, two partners a project). */
const PART = 2500;
/** Progress is told at most this often (ms); a step's start always. */
const PROGRESS_EVERY = 100;

const scope = self as unknown as { onmessage: (e: MessageEvent<ImportRequest | typeof NEXT>) => void; postMessage(reply: ImportReply): void };
let sendNext = () => {};

scope.onmessage = ({ data }) => {
  if (data === NEXT) sendNext();
  else run(data).catch((error: Error) => scope.postMessage({ kind: 'failed', message: error.message }));
};

async function run({ files, programme, published, gazetteerUrl, municipalitiesUrl }: ImportRequest) {
  let told = 0;
  let step = '';
  const progress = (p: ImportProgress) => {
    const now = performance.now();
    if (p.step === step && now - told < PROGRESS_EVERY) return;
    step = p.step;
    told = now;
    scope.postMessage({ kind: 'progress', progress: p });
  };
  const [gazetteerData, municipalities, inputs] = await Promise.all([
    getJson<GazetteerData>(gazetteerUrl),
    getJson<MunicipalityRecord[]>(municipalitiesUrl),
    Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
  ]);
  const { objectives, officialCounts, amountCeiling, stories } = published;
  const facts = { municipalities, objectives, officialCounts, amountCeiling, stories: stories.map((story) => ({ file: `story "${story.id}"`, story })) };
  const imported = await importFiles(inputs, [], facts, { programme, gazetteer: gazetteerFrom(gazetteerData, municipalities) }, { progress });
  const names = files.map((f) => f.name);
  const { projects, ...data } = imported.built.data;
  if (!projects.length) {
    const first = imported.problems.find((p) => p.outcome === 'rejected');
    throw new Error(first ? formatProblem(first) : `${names.join(', ')}: no operations found`);
  }
  for (let i = 0; i < projects.length; i += PART) {
    const asked = new Promise<void>((resolve) => (sendNext = resolve));
    scope.postMessage({ kind: 'projects', projects: projects.slice(i, i + PART), total: projects.length });
    await asked;
  }
  const report = new Blob([importReport(names, imported, { target: 'this page only (not published)' })], { type: 'text/markdown' });
  scope.postMessage({ kind: 'done', data, report, problems: imported.problems.length });
}
