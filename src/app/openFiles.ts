/**
 * A file opened in the page: read, checked and compiled in a worker (import/worker.ts), with the
 * import code and the gazetteer loaded only then (nothing is sent anywhere). The result is the
 * file's data alone, with the programme's facts and stories of the published dataset.
 */
import gazetteerUrl from '@atlas-programme/geo/gazetteer.json?url';
import municipalitiesUrl from '@atlas-programme/geo/municipalities.json?url';
import type { ImportProgress } from '../import';
import { NEXT, type ImportReply, type ImportRequest } from '../import/protocol';
import type { Programme } from '../core/programme';
import type { AtlasData, Project } from '../core/types';

export interface LocalData {
  data: AtlasData;
  /** The files' names, as the banner names them. */
  names: string[];
  /** The import report (Markdown). */
  report: Blob;
  problems: number;
}

export interface Opening {
  result: Promise<LocalData>;
  /** Stops the reading at once; `result` then never settles. */
  cancel(): void;
  /**
   * Tells `listener` how far the reading has come, at once and at each step; returns the way to stop.
   * Only what shows the progress listens: the page's layout is not drawn again ten times a second.
   */
  watch(listener: (p: ImportProgress | null) => void): () => void;
}

/**
 * The most a page reads. The reading runs in a worker, but the data is then shown on the page's own
 * thread like the published data: 100,000 projects with two partners each (a 16 MB CSV pair) hold
 * it for about 3 s once, and beyond this it would stop answering for longer. Larger files go
 * through npm run import.
 */
export const MAX_PAGE_MB = 20;

/** Opens the files; `result` rejects with an error whose message says in one line why there is no data. */
export function openFiles(files: readonly File[], published: AtlasData, programme: Programme): Opening {
  let latest: ImportProgress | null = null;
  const listeners = new Set<(p: ImportProgress | null) => void>();
  const onProgress = (p: ImportProgress) => {
    latest = p;
    for (const listener of listeners) listener(p);
  };
  const watch = (listener: (p: ImportProgress | null) => void) => {
    listeners.add(listener);
    listener(latest);
    return () => void listeners.delete(listener);
  };
  const megabytes = files.reduce((sum, f) => sum + f.size, 0) / (1024 * 1024);
  if (megabytes > MAX_PAGE_MB) {
    const tooLarge = `${files.map((f) => f.name).join(', ')}: ${Math.ceil(megabytes)} MB, more than the ${MAX_PAGE_MB} MB this page reads; import it with npm run import (README, "Importing a list of operations")`;
    return { result: Promise.reject(new Error(tooLarge)), cancel: () => undefined, watch };
  }
  const worker = new Worker(new URL('../import/worker.ts', import.meta.url), { type: 'module', name: 'import' });
  // A reply already on its way when the worker is ended is not read.
  let cancelled = false;
  const result = new Promise<LocalData>((resolve, reject) => {
    const projects: Project[] = [];
    worker.onmessage = ({ data: reply }: MessageEvent<ImportReply>) => {
      if (cancelled) return;
      if (reply.kind === 'progress') onProgress(reply.progress);
      else if (reply.kind === 'projects') {
        for (const project of reply.projects) projects.push(project);
        if (projects.length % 10_000 < reply.projects.length) onProgress({ step: 'receiving', done: projects.length, total: reply.total });
        worker.postMessage(NEXT);
      } else {
        worker.terminate();
        if (reply.kind === 'failed') reject(new Error(reply.message));
        else resolve({ data: { ...reply.data, projects }, names: files.map((f) => f.name), report: reply.report, problems: reply.problems });
      }
    };
    // The worker's script did not load (offline before it was ever cached) or threw outside the import.
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import code could not be loaded; try again when online'));
    };
  });
  const { objectives, officialCounts, amountCeiling, stories } = published;
  const absolute = (url: string) => new URL(url, location.href).href;
  const request: ImportRequest = {
    files: [...files],
    programme,
    published: { objectives, officialCounts, amountCeiling, stories },
    gazetteerUrl: absolute(gazetteerUrl),
    municipalitiesUrl: absolute(municipalitiesUrl),
  };
  worker.postMessage(request);
  return {
    result,
    watch,
    cancel: () => {
      cancelled = true;
      worker.terminate();
    },
  };
}
