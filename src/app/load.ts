/**
 * The programme (its descriptor bundled at build time, validated here) and, loaded at start, the
 * dataset's first-frame part and the base map the build packed as hashed assets (data-plugin.ts);
 * a project's details when its dialog asks for them. ATLAS_DATA names the dataset folder at build
 * time (vite.config.ts); its dataset.json names the programme folder.
 */
import programmeJson from '@atlas-programme/programme.json';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { basemapUrl, dataUrl, shardUrls } from 'virtual:atlas-dataset';
import type { BasemapData } from '../core/basemap';
import { shardOf, withDetails, type DetailShard } from '../core/pack';
import { validateProgramme, type Programme } from '../core/programme';
import type { AtlasData, Project } from '../core/types';
import type { DetailsLoader } from './useDetails';

/** The programme's descriptor; a faulty one throws, naming the field. */
export const loadProgramme = (): Programme => validateProgramme(programmeJson, `programme.json`);

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new Error(`${url}: not valid JSON (${(error as Error).message})`);
  }
}

/** The base map's collections from its TopoJSON. */
function basemapOf(topology: Topology): BasemapData {
  const layer = (name: keyof BasemapData) => {
    if (!topology.objects?.[name]) throw new Error(`${basemapUrl}: no ${name} in the base map`);
    return feature(topology, topology.objects[name]);
  };
  return { countries: layer('countries'), municipalities: layer('municipalities'), boundaries: layer('boundaries'), labels: layer('labels') } as BasemapData;
}

/** What the page shows first; `details` makes a slim project whole (absent: the projects are whole). */
export interface Published {
  data: AtlasData;
  basemap: BasemapData;
  details?: DetailsLoader;
}

export async function loadAtlas(): Promise<Published> {
  const [data, topology] = await Promise.all([getJson<AtlasData>(dataUrl), getJson<Topology>(basemapUrl)]);
  if (!Array.isArray(data.projects)) throw new Error(`${dataUrl}: no project list`);
  return { data, basemap: basemapOf(topology), details: loadDetails };
}

const shards = new Map<number, Promise<DetailShard>>();

/** The project with its details, from its shard (fetched once per shard). */
async function loadDetails(project: Project): Promise<Project> {
  const n = shardOf(project.id, shardUrls.length);
  if (!shards.has(n)) shards.set(n, getJson<DetailShard>(shardUrls[n]).catch((error: Error) => (shards.delete(n), Promise.reject(error))));
  const details = (await shards.get(n)!)[project.id];
  if (!details) throw new Error(`${shardUrls[n]}: no details of ${project.id}`);
  return withDetails(project, details);
}
