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

/**
 * The largest programme budget of any period, quoted from programme.json: no single amount of a
 * project can be larger, so the data build and every import treat a larger one as a typing error.
 */
export const LARGEST_BUDGET_QUOTE = { period: '2021-2027' as Period, amount: 38_116_400, quote: 'Total budget 38 116 400 euro' };
