/**
 * Which dataset the page shows, as states and transitions: loading, failed, the published dataset
 * (as far as it has come: a large one grows its projects by itself, see columnar.ts), or a file opened
 * in the page over it until "back". Pure, so every transition is unit-tested without a browser.
 */
import type { Dataset } from './dataset';

/** A file opened in the page, shown instead of the published data. */
export interface OpenedFile {
  dataset: Dataset;
  /** The files' names, as the banner names them. */
  names: string[];
  /** The import report (Markdown). */
  report: Blob;
  problems: number;
}

export type Showing =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  | { state: 'published'; published: Dataset }
  | { state: 'file'; published: Dataset; file: OpenedFile };

export type ShowingEvent =
  | { type: 'loaded'; dataset: Dataset }
  | { type: 'load-failed'; reason: string }
  | { type: 'opened'; file: OpenedFile }
  | { type: 'back' };

export const LOADING: Showing = { state: 'loading' };

export function nextShowing(now: Showing, event: ShowingEvent): Showing {
  switch (event.type) {
    case 'loaded':
      return now.state === 'loading' ? { state: 'published', published: event.dataset } : now;
    case 'load-failed':
      return now.state === 'loading' ? { state: 'failed', reason: event.reason } : now;
    case 'opened':
      // A file opens over the published data (or over another file, which it replaces).
      return now.state === 'published' || now.state === 'file' ? { state: 'file', published: now.published, file: event.file } : now;
    case 'back':
      return now.state === 'file' ? { state: 'published', published: now.published } : now;
  }
}

/** The dataset on show, if any. */
export const shownDataset = (showing: Showing): Dataset | null =>
  showing.state === 'file' ? showing.file.dataset : showing.state === 'published' ? showing.published : null;
