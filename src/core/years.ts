/**
 * Time: the years a project ran, the year filter's test, and the span of years a selection covers
 * (for the year control and its playback). Pure.
 */
import type { Project } from './types';

export const YEAR_MODES = ['started', 'running'] as const;
export type YearMode = (typeof YEAR_MODES)[number];

/** The projects started by the end of `year` (how the cooperation grew), or those running in it. */
export interface YearFilter {
  year: number;
  mode: YearMode;
}

export interface ProjectYears {
  start: number;
  end: number;
  /** No start date: the years are its period's. */
  byPeriod: boolean;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * From the start date (else the period's first year) to the end date, else the start plus the
 * duration, else the period's last year, else the start year.
 */
export function projectYears(p: Project): ProjectYears | null {
  const period = p.period ? /^(\d{4})-(\d{4})$/.exec(p.period) : null;
  const start = p.startDate ? yearOf(p.startDate) : period ? Number(period[1]) : null;
  if (start === null) return null;
  const byDuration = p.startDate && p.durationMonths ? new Date(Date.UTC(start, Number(p.startDate.slice(5, 7)) - 1 + p.durationMonths, 0)).getUTCFullYear() : null;
  const end = p.endDate ? yearOf(p.endDate) : (byDuration ?? (period ? Number(period[2]) : start));
  return { start, end: Math.max(start, end), byPeriod: !p.startDate };
}

/** Whether a project's years meet the year filter. */
export function inYear(years: ProjectYears | null, f: YearFilter): boolean {
  if (!years) return false;
  return f.mode === 'started' ? years.start <= f.year : years.start <= f.year && f.year <= years.end;
}

/** The years a set of projects covers, how many start in each, and how many are dated by their period alone. */
export interface YearSpan {
  first: number;
  last: number;
  starts: ReadonlyMap<number, number>;
  byPeriod: number;
}

export function yearSpan(all: readonly (ProjectYears | null)[]): YearSpan | null {
  let first = Infinity;
  let last = -Infinity;
  let byPeriod = 0;
  const starts = new Map<number, number>();
  for (const y of all) {
    if (!y) continue;
    if (y.start < first) first = y.start;
    if (y.end > last) last = y.end;
    if (y.byPeriod) byPeriod++;
    starts.set(y.start, (starts.get(y.start) ?? 0) + 1);
  }
  return first === Infinity ? null : { first, last, starts, byPeriod };
}
