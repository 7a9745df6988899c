/** The message catalogues by id: a programme's UI language names one (by default its own id). */
import { srCyrToLat } from '../core/text';
import { bg } from './bg';
import { en, type Messages } from './en';
import { srCyrl } from './sr-cyrl';

/** Serbian Latin is transliterated from Serbian Cyrillic by rule. */
const srLatn = Object.fromEntries(Object.entries(srCyrl).map(([k, v]) => [k, srCyrToLat(v)])) as Messages;

export const CATALOGUES: Readonly<Record<string, Messages>> = { en, bg, 'sr-Cyrl': srCyrl, 'sr-Latn': srLatn };
