/**
 * Official project counts per period, each tied to a quote that must appear in
 * ../shared/projects-raw/programme.json (the build fails if a quote is no longer there).
 * Periods without an official count ("no project list or count found") are simply absent.
 */
import type { Period } from '../src/core/types';

export const OFFICIAL_COUNT_QUOTES: { period: Period; count: number; quote: string }[] = [
  { period: '2007-2013', count: 155, quote: '155 projects realised' },
  { period: '2007-2013', count: 140, quote: 'close to 140 projects financed' },
  { period: '2007-2013', count: 154, quote: '154 projects were realised' },
  { period: '2014-2020', count: 106, quote: '106 projects, budget of over 34 million euros' },
  { period: '2014-2020', count: 106, quote: '106 projects with a total value of nearly EUR 32 million' },
];
