/** Pages of a view's selection held in the page, kept per view: a list renders often, and a sort of 40,000 rows takes a while. */
import { keepNewest } from '../core/kept';
import { pageOf, type ListWording, type ProjectRow, type RowsPage, type RowsQuery } from '../core/rows';

/** Pages kept per selection and wording, newest last: the projects in view ask anew at every camera move. */
const KEPT_PAGES = 16;

const kept = new WeakMap<readonly ProjectRow[], WeakMap<ListWording, Map<string, RowsPage>>>();

export function inPageRows(rows: readonly ProjectRow[], query: RowsQuery, wording: ListWording): RowsPage {
  let byWording = kept.get(rows);
  if (!byWording) kept.set(rows, (byWording = new WeakMap()));
  let pages = byWording.get(wording);
  if (!pages) byWording.set(wording, (pages = new Map()));
  const key = JSON.stringify(query);
  return pages.get(key) ?? keepNewest(pages, key, pageOf(rows, query, wording), KEPT_PAGES);
}
