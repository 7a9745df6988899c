/** Modules the build makes from the dataset (data-plugin.ts). */
declare module 'virtual:atlas-dataset' {
  /** The base map, as quantized TopoJSON of the BasemapData collections. */
  export const basemapUrl: string;
  /** The dataset with slim projects (src/core/pack.ts). */
  export const dataUrl: string;
  /** The details shards, by shardOf(id, shardUrls.length). */
  export const shardUrls: string[];
  /** The label font's files (regular weight) with the characters each holds. */
  export const labelFaces: { url: string; range: string[] }[];
}
declare module 'virtual:atlas-fonts.css';
