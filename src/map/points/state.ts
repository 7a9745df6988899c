/** A GPU site's state byte, which the map's sources write and the GPU layer (./layer.ts) reads. */

/** Bits that may combine. */
export const OUT = 1;
export const HIGHLIGHT = 2;
export const FRESH = 4;

/** The state bytes the layers of one set of points draw (a new version: upload them again). */
export interface SiteState {
  bytes: Uint8Array;
  version: number;
}

export const POINT_LAYER = 'sites';
