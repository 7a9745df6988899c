/** Loads the compiled dataset and the base map the build emitted as hashed assets. */
import basemapUrl from '../../geo/out/basemap.json?url';
// The dataset folder named by ATLAS_DATA at build time (vite.config.ts), else the published data/out/.
import dataUrl from '@atlas-data/atlas-data.json?url';
import type { BasemapData } from '../core/basemap';
import type { AtlasData } from '../core/types';

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
