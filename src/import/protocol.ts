/** What the page and its import worker (worker.ts) say to each other; the page loads this, not the worker's code. */
import type { Programme } from '../core/programme';
import type { AtlasData, Project } from '../core/types';
import type { ImportProgress } from '.';

export interface ImportRequest {
  files: File[];
  programme: Programme;
  /** The published dataset's programme facts and stories, which the file's data is shown with. */
  published: Pick<AtlasData, 'objectives' | 'officialCounts' | 'amountCeiling' | 'stories'>;
  /** Absolute addresses: a worker resolves a relative one against its own script. */
  gazetteerUrl: string;
  municipalitiesUrl: string;
}

export type ImportReply =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'projects'; projects: Project[]; total: number }
  /** The report as a Blob: made here, the page's thread never encodes its megabytes. */
  | { kind: 'done'; data: Omit<AtlasData, 'projects'>; report: Blob; problems: number }
  | { kind: 'failed'; message: string };

/** The page asks for the next part of the projects. */
export const NEXT = 'next';
