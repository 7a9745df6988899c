/**
 * Problems found in input files, each naming where (file, sheet, row or line, column), why, and
 * the offending value quoted. Pure; the texts are for data managers (English, like the reports).
 */

/** Numbers in reports, written the reports' (English) way: 10,000. */
export const reportNumber = (n: number): string => n.toLocaleString('en-GB');

export interface Where {
  file: string;
  sheet?: string;
  /** A file line (JSONL, CSV) or a sheet row, 1-based as the spreadsheet shows it. */
  row?: number;
  column?: string;
}

export interface Problem extends Where {
  /** Why, with the offending value quoted (see `quote`). */
  reason: string;
  /** 'rejected': the row or file was left out; 'fixed': kept with this value unknown or corrected; 'note': kept as is. */
  outcome: 'rejected' | 'fixed' | 'note';
}

/** "projects.xlsx, sheet "Partners", row 40, column "Country"". */
export function formatWhere(w: Where): string {
  return [w.file, w.sheet !== undefined && `sheet ${JSON.stringify(w.sheet)}`, w.row !== undefined && `row ${w.row}`, w.column !== undefined && `column ${JSON.stringify(w.column)}`]
    .filter(Boolean)
    .join(', ');
}

export function formatProblem(p: Problem): string {
  return `${formatWhere(p)}: ${p.reason}`;
}

const QUOTE_MAX = 80;

/**
 * A value as a short quoted text for a message: strings quoted and cut, lists and objects named by
 * kind (never serialised: a value nested 5,000 deep must not overflow the stack of an error).
 */
export function quote(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `(a list of ${value.length})`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '(an invalid date)' : JSON.stringify(value.toISOString().slice(0, 10));
  if (typeof value === 'object') return '(an object)';
  if (typeof value === 'string') {
    const cut = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}… (${reportNumber(value.length)} characters)` : value;
    return JSON.stringify(cut);
  }
  return String(value);
}

/** The kind of a JSON value, for "expected text, got …". */
export const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);
