/// <reference types="vite-plugin-pwa/client" />
/** Modules the build makes from the dataset (data-plugin.ts). */
declare module 'virtual:atlas-dataset' {
  /** The base map, as quantized TopoJSON of the BasemapData collections. */
  export const basemapUrl: string;
  /** The dataset with slim projects (src/core/pack.ts); null: a columnar dataset too large for the page's lists, whose records the build left out. */
  export const dataUrl: string | null;
  /**
   * The details shards: `${path}${shardOf(id, shards)}.json`, relative to the page; `whole` (a large
   * dataset): they hold whole projects, gzip-compressed (`….json.gz`).
   */
  export const details: { path: string; shards: number; whole: boolean };
  /**
   * A large dataset: its first view and overview, its projects as columns (two Arrow files), its sites as
   * points (an Arrow file) and its search shards (`${search.path}${i}.arrow`, the first word of each);
   * null for a small one.
   */
  export const columnar: {
    previewUrl: string;
    columnsUrl: string;
    listsUrl: string;
    pointsUrl: string;
    search: { path: string; first: string[] };
    /** What the lists show of the projects, for its data worker. */
    rowsUrl: string;
  } | null;
  /** The label font's files (regular weight) with the characters each holds. */
  export const labelFaces: { url: string; range: string[] }[];
}
declare module 'virtual:atlas-fonts.css';
