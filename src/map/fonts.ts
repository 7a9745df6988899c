/**
 * Label fonts from the bundle (no glyph server): the Noto Sans files the build cut down to the
 * characters the data and catalogues use (data-plugin.ts), declared through the style's
 * `font-faces` (a file is fetched only when a label needs its characters).
 */
import type { FontFacesSpecification } from 'maplibre-gl';

export const LABEL_FONT = 'Noto Sans Regular';

/** A font file and the characters it holds, as a unicode-range list. */
export interface FontFile {
  url: string;
  range: string[];
}

/** Absolute URLs, so the style works under any base path. */
export function labelFontFaces(files: readonly FontFile[], base: string): FontFacesSpecification {
  return { [LABEL_FONT]: files.map((f) => ({ url: new URL(f.url, base).href, 'unicode-range': f.range })) };
}
