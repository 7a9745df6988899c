/**
 * The message catalogues by id: a programme's UI language names one (by default its own id). The
 * page loads each when a language needs it (`loadCatalogue`); Node (the build, the tests) takes
 * them all at once (`CATALOGUES`, in `all-catalogues.ts`).
 */
import { srCyrToLat } from '../core/text';
import type { Messages } from './en';

/** Serbian Latin is transliterated from Serbian Cyrillic by rule. */
export const latinOf = (cyrillic: Messages): Messages => Object.fromEntries(Object.entries(cyrillic).map(([k, v]) => [k, srCyrToLat(v)])) as Messages;

const LOADERS: Readonly<Record<string, () => Promise<Messages>>> = {
  en: () => import('./en').then((m) => m.en),
  bg: () => import('./bg').then((m) => m.bg),
  'sr-Cyrl': () => import('./sr-cyrl').then((m) => m.srCyrl),
  'sr-Latn': () => import('./sr-cyrl').then((m) => latinOf(m.srCyrl)),
};

export const CATALOGUE_IDS = Object.keys(LOADERS);

/** One catalogue, fetched on first use. */
export function loadCatalogue(id: string): Promise<Messages> {
  const load = LOADERS[id];
  return load ? load() : Promise.reject(new Error(`no message catalogue "${id}" (${CATALOGUE_IDS.join(', ')})`));
}
