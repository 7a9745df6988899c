/**
 * Municipality ids, stable in URLs: BG-<NSI code> (BG-MON04), RS-<5-digit code> (RS-70327 for Bor).
 * Where Serbia has no official code for the unit (the City of Niš as one unit, Belgrade, Brus),
 * (or the source carries something else than a 5-digit code, as for Novi Sad), the id is RS- plus
 * the slug of its Latin name: RS-nis, RS-beograd, RS-brus.
 */
import { slugify } from '../src/core/text';

export const bgMunicipalityId = (nsiCode: string): string => `BG-${nsiCode}`;

export const rsMunicipalityId = (code: string | null, nameLat: string): string =>
  code && /^\d{5}$/.test(code) ? `RS-${code}` : `RS-${slugify(nameLat)}`;
