/**
 * How a compiled dataset is packed for the web: what the first frame needs (every project, slim)
 * and its details (read only when a project's dialog opens), in shards fetched one at a time.
 * Pure: the build writes the files with it, the app reads them with it.
 */
import type { AtlasData, Project } from './types';

/** The fields of a project that only its dialog shows. */
export interface ProjectDetails {
  summary: string | null;
  notes: string;
  links: string[];
  themeBecause: string;
  call: string | null;
  priorityAxis: string | null;
  specificObjective: string | null;
  interventionField: string | null;
  /** Where the facts come from (URLs, or the imported file's name). */
  sources: string[];
  /** The named sites as the source writes them (their places are in locations). */
  sites: string[];
  /** Each location's note, by location index (null: none). */
  locationNotes: (string | null)[];
}

/** The project without its details (empty in their place), for the first frame. */
export function slimProject(p: Project): Project {
  return {
    ...p,
    summary: null, notes: '', links: [], sources: [], sites: [], themeBecause: '', call: null, priorityAxis: null, specificObjective: null, interventionField: null,
    locations: p.locations.map(({ note: _, ...l }) => l),
  };
}

export function detailsOf(p: Project): ProjectDetails {
  return {
    summary: p.summary, notes: p.notes, links: p.links, themeBecause: p.themeBecause, call: p.call, priorityAxis: p.priorityAxis,
    specificObjective: p.specificObjective, interventionField: p.interventionField, sources: p.sources, sites: p.sites, locationNotes: p.locations.map((l) => l.note ?? null),
  };
}

/** The slim project made whole again. */
export function withDetails(slim: Project, { locationNotes, ...details }: ProjectDetails): Project {
  return { ...slim, ...details, locations: slim.locations.map((l, i) => (locationNotes[i] ? { ...l, note: locationNotes[i]! } : l)) };
}

/** Projects per shard of details: a dialog fetches one shard, a few tens of kilobytes. */
export const SHARD_SIZE = 100;
/** At most this many shards (larger ones beyond 51,200 projects): a static host keeps the site's files few. */
export const MAX_SHARDS = 512;

export const shardCount = (projects: number) => Math.min(MAX_SHARDS, Math.max(1, Math.ceil(projects / SHARD_SIZE)));

/** The shard holding a project's details: a hash of its id (FNV-1a), so no lookup table ships. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** A shard file: details by project id. */
export type DetailShard = Record<string, ProjectDetails>;
/** A shard file where the build left the records out: whole projects by id. */
export type WholeShard = Record<string, Project>;

export interface PackedDataset {
  /** The dataset with slim projects: what the page loads before its first frame. */
  head: AtlasData;
  shards: DetailShard[];
}

export function packDataset(data: AtlasData): PackedDataset {
  const shards: DetailShard[] = Array.from({ length: shardCount(data.projects.length) }, () => ({}));
  for (const p of data.projects) shards[shardOf(p.id, shards.length)][p.id] = detailsOf(p);
  return { head: { ...data, projects: data.projects.map(slimProject) }, shards };
}
