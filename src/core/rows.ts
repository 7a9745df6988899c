/**
 * A list of projects, whoever holds them (the page, or a large dataset's worker): what a row shows
 * (a whole project is a row), how it is named and sorted in words given as data (they cross to the
 * worker), and a page of rows in an order. Pure.
 */
import { nameIn, type Names } from './programme';
import type { Location, Partner, Project } from './types';

/** What a list shows of a project. */
export type ProjectRow = Pick<Project, 'id' | 'title' | 'period' | 'theme' | 'total'> & {
  locations: readonly Pick<Location, 'settlementId' | 'names' | 'country' | 'municipalityId' | 'lon' | 'lat' | 'method'>[];
  /** The partners' names; a large dataset's rows carry the first alone, and only where the title is made from it. */
  partners: readonly Pick<Partner, 'name'>[];
};

/** The words of a UI language a title is made in. */
export interface TitleWording {
  /** Title languages, preferred first. */
  titleOrder: readonly string[];
  /** The script place names are written in, and the programme's scripts to fall back on. */
  script: string;
  scripts: readonly string[];
  /** "Untitled project ({places})", with `{places}` where the places go. */
  untitled: string;
  periodUnknown: string;
}

/** The words a list is named and sorted in. */
export interface ListWording extends TitleWording {
  /** The locale text is collated in. */
  collation: string;
  themes: Readonly<Record<string, string>>;
  municipalities: Readonly<Record<string, string>>;
}

export const titleIn = (titles: Project['title'], order: readonly string[]): string | null => order.map((l) => titles[l]).find((x): x is string => !!x) ?? null;

/** A project's title in the wording's languages; an untitled one is named by its partners' places. */
export function titleOf(p: ProjectRow, w: TitleWording): string {
  const title = titleIn(p.title, w.titleOrder);
  if (title) return title;
  const place = (names: Names) => nameIn(names, w.script, w.scripts);
  // "Untitled project (Montana – Pirot)": the partners' places, by country code.
  const places = [...new Map(
    [...p.locations]
      .filter((l) => l.method !== 'site')
      .sort((a, b) => a.country.localeCompare(b.country))
      .map((l) => [l.settlementId, place(l.names)]),
  ).values()];
  // Not on the map: the first partner's name, else the period, tells untitled projects apart.
  return w.untitled.replace('{places}', places.length ? places.join(' – ') : (p.partners[0]?.name ?? p.period ?? w.periodUnknown));
}

/** Whether a row's title is made from its first partner's name (no title, no partner's place). */
export const titledByPartner = (p: Project): boolean => !titleIn(p.title, Object.keys(p.title)) && !p.locations.some((l) => l.method !== 'site');

/** A row's municipalities by name, each once, in its places' order. */
export const placesOf = (p: ProjectRow, w: ListWording): string =>
  [...new Set(p.locations.map((l) => l.municipalityId))].map((id) => w.municipalities[id] ?? id).join(', ');

export type ListColumn = 'title' | 'period' | 'theme' | 'places' | 'budget';

export interface ListOrder {
  column: ListColumn;
  descending: boolean;
}

/** What a row is sorted by in a column: a string collated, or a number; the unknown last when ascending. */
export function sortKey(p: ProjectRow, column: ListColumn, w: ListWording): string | number {
  switch (column) {
    case 'title':
      return titleOf(p, w);
    case 'period':
      return p.period ?? '9999';
    case 'theme':
      return w.themes[p.theme] ?? p.theme;
    case 'places':
      return placesOf(p, w) || '\uffff';
    case 'budget':
      return p.total?.value ?? -1;
  }
}

/**
 * The indexes of `keys` in ascending order, ties by id (descending is this order read backwards, so
 * one sort serves both directions).
 */
export function orderOf(keys: readonly (string | number)[], ids: readonly string[], collation: string): Uint32Array {
  const compare = new Intl.Collator(collation).compare;
  return Uint32Array.from(keys.keys()).sort((a, b) => {
    const [x, y] = [keys[a], keys[b]];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compare(String(x), String(y));
    return order || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
  });
}

/** [west, south, east, north] */
export type Box = readonly [number, number, number, number];

/** What a list asks of a selection. */
export interface RowsQuery {
  /** Null: the dataset's order (or the order of `ids`). */
  order: ListOrder | null;
  /** Only the rows with a place in the box. */
  bounds: Box | null;
  /** Only the rows with no place (the projects the map cannot show). */
  unplaced?: boolean;
  /** Only these projects (each once, in this order unless `order` says another). */
  ids: readonly string[] | null;
  /** The first this many rows. */
  limit: number;
}

export interface RowsPage {
  rows: ProjectRow[];
  /** How many rows the query has in all. */
  total: number;
}

export const inBox = (l: { lon: number; lat: number }, [w, s, e, n]: Box): boolean => l.lon >= w && l.lon <= e && l.lat >= s && l.lat <= n;

/** A page of rows held in the page: the query's rows of `rows`, in its order. */
export function pageOf(rows: readonly ProjectRow[], { order, bounds, unplaced, ids, limit }: RowsQuery, w: ListWording): RowsPage {
  let chosen: readonly ProjectRow[] = rows;
  if (ids) {
    const byId = new Map(rows.map((p) => [p.id, p]));
    chosen = [...new Set(ids)].map((id) => byId.get(id)).filter((p): p is ProjectRow => !!p);
  }
  if (bounds) chosen = chosen.filter((p) => p.locations.some((l) => inBox(l, bounds)));
  if (unplaced) chosen = chosen.filter((p) => p.locations.length === 0);
  if (order) {
    const sorted = orderOf(chosen.map((p) => sortKey(p, order.column, w)), chosen.map((p) => p.id), w.collation);
    if (order.descending) sorted.reverse();
    return { rows: Array.from(sorted.subarray(0, limit), (i) => chosen[i]), total: chosen.length };
  }
  return { rows: chosen.slice(0, limit), total: chosen.length };
}
