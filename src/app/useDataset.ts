/**
 * The dataset on show (dataset/lifecycle.ts): the published one, or a file opened in the page
 * (dropped anywhere or chosen with the file input) until "back" or a reload. Each time another
 * dataset is shown, the link's ids it does not know are dropped (with a notice).
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { mark } from '../core/marks';
import type { Programme } from '../core/programme';
import type { Dataset } from '../dataset/dataset';
import { LOADING, nextShowing, shownDataset, type Showing, type ShowingEvent } from '../dataset/lifecycle';
import { plainDataset } from '../dataset/plain';
import type { AtlasStore } from '../state/store';
import { dropUnknownIds } from '../state/url';
import { useOpening, type OpeningState } from './useOpening';

export interface DatasetState {
  showing: Showing;
  /** The dataset on show; re-rendered when it changes (its projects come after its first view). */
  shown: Dataset | null;
  /** Counts the shown dataset's changes: what the page derives from it is derived again. */
  revision: number;
  /** A file being read, or why it could not be. */
  opening: OpeningState;
  /** The opened file's import report, as a download link. */
  reportUrl: string | null;
  open(files: File[]): void;
  /** Stops reading the file: what was shown stays. */
  cancelOpening(): void;
  backToPublished(): void;
}

export function useDataset(programme: Programme, store: AtlasStore, load: () => Promise<Dataset>): DatasetState {
  const [showing, setShowing] = useState<Showing>(LOADING);
  const now = useRef(showing);
  const shown = shownDataset(showing);
  const [revision, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => shown?.subscribe(() => changed(undefined)), [shown]);
  const file = showing.state === 'file' ? showing.file : null;
  const reportUrl = useMemo(() => (file ? URL.createObjectURL(file.report) : null), [file]);
  useEffect(() => () => void (reportUrl && URL.revokeObjectURL(reportUrl)), [reportUrl]);

  function go(event: ShowingEvent) {
    const next = nextShowing(now.current, event);
    const dataset = shownDataset(next);
    if (dataset && dataset !== shownDataset(now.current)) {
      // The address bar then shows the canonical link, the one "Share" gives.
      const { objectives, districts, municipalities } = dataset.indexed;
      const checked = dropUnknownIds(store.state, { objectives: new Set(objectives.keys()), districts: new Set(districts.keys()), municipalities: new Set(municipalities.keys()) });
      store.replace(checked.state, checked.notices);
    }
    setShowing((now.current = next));
  }

  useEffect(() => void load().then((dataset) => go({ type: 'loaded', dataset }), (error: Error) => go({ type: 'load-failed', reason: error.message })), []);

  const reader = useOpening(programme, ({ data, ...opened }, base) => {
    mark('atlas:filter');
    go({ type: 'opened', file: { dataset: plainDataset(data, base.basemap), ...opened } });
  });
  const open = (files: File[]) => {
    const base = now.current.state === 'published' || now.current.state === 'file' ? now.current.published : null;
    if (base && files.length) reader.open(files, base);
  };

  return {
    showing,
    shown,
    revision,
    opening: reader.opening,
    reportUrl,
    open,
    cancelOpening: reader.cancel,
    backToPublished: () => go({ type: 'back' }),
  };
}
