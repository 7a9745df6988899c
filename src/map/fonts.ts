/**
 * Label fonts from the bundle (no glyph server): Noto Sans WOFF2 subsets for Latin, Latin
 * Extended, Cyrillic and Greek, declared through the style's `font-faces` (a subset is fetched
 * only when a label needs its characters).
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import greek from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';

export const LABEL_FONT = 'Noto Sans Regular';

/** Absolute URLs, so the style works under any base path. */
export function labelFontFaces(base: string): FontFacesSpecification {
  const abs = (url: string) => new URL(url, base).href;
  return {
    [LABEL_FONT]: [
      { url: abs(latin), 'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'] },
      { url: abs(latinExt), 'unicode-range': ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1E00-1E9F'] },
      { url: abs(cyrillic), 'unicode-range': ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'] },
      { url: abs(greek), 'unicode-range': ['U+0370-0377', 'U+037A-037F', 'U+0384-038A', 'U+038C', 'U+038E-03A1', 'U+03A3-03FF'] },
    ],
  };
}
