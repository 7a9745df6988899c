/**
 * The programme (its descriptor bundled at build time, validated here) and the published dataset
 * as the build packed it (data-plugin.ts): loadAtlas is the one place on the page that looks at the
 * delivery form, and gives a Dataset of the matching kind. ATLAS_DATA names the dataset folder at
 * build time (vite.config.ts); its dataset.json names the programme folder.
 */
import programmeJson from '@atlas-programme/programme.json';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { basemapUrl, columnar, dataUrl, details } from 'virtual:atlas-dataset';
import type { BasemapData } from '../core/basemap';
import { getGzippedJson, getJson } from '../core/getJson';
import { shardOf, withDetails, type DetailShard, type WholeShard } from '../core/pack';
import { validateProgramme, type Programme } from '../core/programme';
import type { AtlasData, Project } from '../core/types';
import { seatsOf } from '../sites/layout';
import { overviewOf, type OverviewFile } from '../sites/source';
import { fromPreview, type ViewPreview } from '../state/preview';
import type { Dataset } from './dataset';
import { plainDataset } from './plain';
import { columnarDataset } from './columnar';

/** The programme's descriptor; a faulty one throws, naming the field. */
export const loadProgramme = (): Programme => validateProgramme(programmeJson, `programme.json`);


/** The base map's collections from its TopoJSON. */
function basemapOf(topology: Topology): BasemapData {
  const layer = (name: keyof BasemapData) => {
    if (!topology.objects?.[name]) throw new Error(`${basemapUrl}: no ${name} in the base map`);
    return feature(topology, topology.objects[name]);
  };
  return { countries: layer('countries'), municipalities: layer('municipalities'), boundaries: layer('boundaries'), labels: layer('labels') } as BasemapData;
}

interface PreviewFile {
  data: AtlasData;
  view: ViewPreview;
  overview: OverviewFile;
}

const projectsOf = async (url: string) => {
  const data = await getJson<AtlasData>(url);
  if (!Array.isArray(data.projects)) throw new Error(`${url}: no project list`);
  return data;
};

/** The published dataset: its first-frame files loaded (for a large dataset, the build's first view). */
export async function loadAtlas(): Promise<Dataset> {
  const [first, topology] = await Promise.all([columnar ? getJson<PreviewFile>(columnar.previewUrl) : projectsOf(dataUrl!), getJson<Topology>(basemapUrl)]);
  const basemap = basemapOf(topology);
  if (!columnar) return plainDataset(first as AtlasData, basemap, { details: loadDetails });
  const { data, view, overview } = first as PreviewFile;
  const { columnsUrl, listsUrl, pointsUrl, rowsUrl, search } = columnar;
  const records = dataUrl;
  // The files' addresses are relative to the page, like every file of the build.
  const absolute = (url: string) => new URL(url, location.href).href;
  return columnarDataset({
    head: data, basemap, firstView: fromPreview(view), overview: overviewOf(overview, seatsOf(basemap, data.municipalities), columnar.previewUrl), details: loadDetails,
    files: { columns: absolute(columnsUrl), lists: absolute(listsUrl), points: absolute(pointsUrl), search: { first: search.first, files: search.first.map((_, i) => absolute(`${search.path}${i}.arrow`)) }, rows: absolute(rowsUrl) },
    worker: () => new Worker(new URL('./columnar/worker.ts', import.meta.url), { type: 'module', name: 'atlas-data' }),
    projects: records ? () => projectsOf(records) : null,
    project: loadProject,
    wholeShards: { count: details.shards, read: (n) => getGzippedJson<WholeShard>(shardUrl(n)) },
  });
}

const shards = new Map<number, Promise<DetailShard | WholeShard>>();

const shardUrl = (n: number) => new URL(`${details.path}${n}${details.whole ? '.json.gz' : '.json'}`, location.href).href;

/** A project's shard (fetched once; one that failed is fetched again next time), and its address. */
function shardFor(id: string): { url: string; shard: Promise<DetailShard | WholeShard> } {
  const n = shardOf(id, details.shards);
  const url = shardUrl(n);
  if (!shards.has(n)) shards.set(n, (details.whole ? getGzippedJson<WholeShard>(url) : getJson<DetailShard>(url)).catch((error: Error) => (shards.delete(n), Promise.reject(error))));
  return { url, shard: shards.get(n)! };
}

/** The project with its details, from its shard. */
async function loadDetails(project: Project): Promise<Project> {
  const { url, shard } = shardFor(project.id);
  const found = (await shard)[project.id];
  if (!found) throw new Error(`${url}: no details of ${project.id}`);
  return 'id' in found ? found : withDetails(project, found);
}

/** A whole project from its shard (a large dataset's); null: there is no such project. */
const loadProject = async (id: string): Promise<Project | null> => ((await shardFor(id).shard) as WholeShard)[id] ?? null;
