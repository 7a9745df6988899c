/** Every message catalogue at once, for Node: the build and the tests (the page loads them one by one). */
import { bg } from './bg';
import { latinOf } from './catalogues';
import { en, type Messages } from './en';
import { srCyrl } from './sr-cyrl';

export const CATALOGUES: Readonly<Record<string, Messages>> = { en, bg, 'sr-Cyrl': srCyrl, 'sr-Latn': latinOf(srCyrl) };
