/**
 * Credits, the one place for the attribution rule: the programme's data and map sources
 * (programme.json `credits`) and the atlas's own software; the map shows the sources it draws.
 */
import type { Credit, Programme } from './programme';

/** What the atlas itself is made with, shown under every programme's sources. */
const ATLAS_CREDITS: Credit[] = [
  { what: 'Label font', who: 'Noto Sans (Google Fonts, via Fontsource)', licence: 'SIL OFL 1.1', url: 'https://fonts.google.com/noto' },
  { what: 'Map renderer', who: 'MapLibre GL JS', licence: 'BSD-3-Clause', url: 'https://maplibre.org/' },
];

export const allCredits = (programme: Programme): Credit[] => [...programme.credits, ...ATLAS_CREDITS];

/** The short credits of the sources the map draws, for its attribution control and exported images. */
export const mapCredits = (programme: Programme): { text: string; url: string }[] =>
  programme.credits.filter((c) => c.onMap).map((c) => ({ text: c.onMap!, url: c.url }));
