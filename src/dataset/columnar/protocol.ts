/** Messages between the page and a large dataset's data worker (worker.ts). */
import type { ListWording, RowsPage, RowsQuery } from '../../core/rows';
import type { SitePoints } from '../../sites/grid';
import type { Tally, ViewInput } from '../../state/view';

/** The build's files of a columnar dataset, as absolute URLs. */
export interface ColumnarFiles {
  /** The projects' columns and their lists' values (engine/arrow.ts). */
  columns: string;
  lists: string;
  /** Every site as a point (sites/points.ts). */
  points: string;
  search: { first: string[]; files: string[] };
  /** What the lists show of the projects (engine/rows.ts). */
  rows: string;
}

export type ToWorker =
  | { kind: 'open'; files: ColumnarFiles }
  | { kind: 'tally'; id: number; input: ViewInput }
  /** A page of rows among the selected (a byte per project; null: any). */
  | { kind: 'rows'; id: number; selected: Uint8Array | null; query: RowsQuery; wording: ListWording };

export type FromWorker =
  | { kind: 'opened'; projects: number }
  | { kind: 'failed'; reason: string }
  /** The sites, after the columns (their buffers transferred), and the projects' ids their `project` indexes. */
  | { kind: 'points'; points: SitePoints; ids: string[] }
  | { kind: 'points-failed'; reason: string }
  /** The selection's buffer is transferred, not copied. */
  | { kind: 'tally'; id: number; tally: Tally<Uint8Array> }
  | { kind: 'tally-failed'; id: number; reason: string }
  | { kind: 'rows'; id: number; page: RowsPage }
  | { kind: 'rows-failed'; id: number; reason: string };
