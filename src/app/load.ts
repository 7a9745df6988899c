/**
 * The programme (its descriptor bundled at build time, validated here) and, loaded at start, the
 * compiled dataset and the base map the build emitted as hashed assets. ATLAS_DATA names the
 * dataset folder at build time (vite.config.ts); its dataset.json names the programme folder.
 */
import programmeJson from '@atlas-programme/programme.json';
import basemapUrl from '@atlas-programme/geo/basemap.json?url';
import dataUrl from '@atlas-data/atlas-data.json?url';
import type { BasemapData } from '../core/basemap';
import { validateProgramme, type Programme } from '../core/programme';
import type { AtlasData } from '../core/types';

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

export async function loadAtlas(): Promise<{ data: AtlasData; basemap: BasemapData }> {
  const [data, basemap] = await Promise.all([getJson<AtlasData>(dataUrl), getJson<BasemapData>(basemapUrl)]);
  if (!Array.isArray(data.projects)) throw new Error(`${dataUrl}: no project list`);
  return { data, basemap };
}
