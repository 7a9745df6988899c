/// <reference types="vite-plugin-pwa/client" />
/** Modules the build makes from the dataset (data-plugin.ts). */
declare module 'virtual:atlas-dataset' {
  /** The base map, as quantized TopoJSON of the BasemapData collections. */
  export const basemapUrl: string;
  /** The dataset with slim projects (src/core/pack.ts). */
  export const dataUrl: string;
  /** The details shards: `${path}${shardOf(id, shards)}.json`, relative to the page. */
  export const details: { path: string; shards: number };
  /**
   * A large dataset: its first view and overview, its projects as columns (two Arrow files), its search shards
   * (`${search.path}${i}.arrow`, the first word of each) and its tiles (a page-relative {z}/{x}/{y}
   * template); null for a small one.
   */
  export const tiled: {
    previewUrl: string;
    columnsUrl: string;
    listsUrl: string;
    path: string;
    minzoom: number;
    maxzoom: number;
    bounds: [number, number, number, number];
    search: { path: string; first: string[] };
  } | null;
  /** The label font's files (regular weight) with the characters each holds. */
  export const labelFaces: { url: string; range: string[] }[];
}
declare module 'virtual:atlas-fonts.css';
