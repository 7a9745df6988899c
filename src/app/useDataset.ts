/**
 * The dataset on show: the published one, loaded at start, or a file opened in the page (dropped
 * anywhere or chosen with the file input), whose data replaces it until "back" or a reload. Each
 * time a dataset is shown, the link's ids it does not know are dropped (with a notice).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BasemapData } from '../core/basemap';
import { mark, whenMarked } from '../core/marks';
import type { Programme } from '../core/programme';
import type { AtlasData } from '../core/types';
import type { AtlasStore } from '../state/store';
import { dropUnknownIds } from '../state/url';
import { indexData, type Indexed, type View } from '../state/view';
import type { Overview, TileSet } from '../sites/tiles';
import type { Published } from './load';
import { openFiles, type LocalData, type Opening } from './openFiles';
import type { DetailsLoader } from './useDetails';

export interface Loaded extends Indexed {
  basemap: BasemapData;
  /** Makes a slim project whole (the published data); absent when the projects are whole. */
  details?: DetailsLoader;
  /** A large dataset's tiles and overview (its sites are drawn from them). */
  tiles: { set: TileSet; overview: Overview } | null;
  /** A large dataset's first view, while its projects load (no project in `data` yet). */
  preview: View | null;
}

const IDLE: Dataset['opening'] = { busy: false, watch: null, error: null };

/** A dataset indexed once, with what it is shown with. */
const prepare = (data: AtlasData, frame: Omit<Loaded, keyof Indexed>): Loaded => ({ ...indexData(data), ...frame });

export interface Dataset {
  loaded: Loaded | null;
  loadError: string | null;
  /** A large dataset's projects could not load after its first view: that view stays, without them. */
  projectsError: string | null;
  /** The opened file's data, while it is shown. */
  local: LocalData | null;
  /** A file being read (`watch` tells how far it has come), or why it could not be. */
  opening: { busy: boolean; watch: Opening['watch'] | null; error: string | null };
  /** The opened file's import report, as a download link. */
  reportUrl: string | null;
  open(files: File[]): void;
  /** Stops reading the file: what was shown stays. */
  cancelOpening(): void;
  backToPublished(): void;
  /** A large dataset's projects are needed now: the view asked for is not the build's first view. */
  needProjects(): void;
  /** A search is coming: a large dataset's built search text is fetched (once), not made in the page. */
  needSearch(): void;
}

export function useDataset(programme: Programme, store: AtlasStore, load: () => Promise<Published>): Dataset {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [projectsError, setProjectsError] = useState<string | null>(null);
  const [local, setLocal] = useState<LocalData | null>(null);
  const [opening, setOpening] = useState<Dataset['opening']>(IDLE);
  const reading = useRef<Opening | null>(null);
  const published = useRef<Loaded | null>(null);
  /** An opened file is shown: the published data, when it changes, waits for "back". */
  const showingFile = useRef(false);
  const projectsNeeded = useRef<() => void>(() => undefined);
  const searchNeeded = useRef<() => void>(() => undefined);
  const reportUrl = useMemo(() => (local ? URL.createObjectURL(new Blob([local.report], { type: 'text/markdown' })) : null), [local]);
  useEffect(() => () => void (reportUrl && URL.revokeObjectURL(reportUrl)), [reportUrl]);

  function show(shown: Loaded): Loaded {
    // The address bar then shows the canonical link, the one "Share" gives.
    const checked = dropUnknownIds(store.state, { objectives: new Set(shown.objectives.keys()), districts: new Set(shown.districts.keys()), municipalities: new Set(shown.municipalities.keys()) });
    store.replace(checked.state, checked.notices);
    setLoaded(shown);
    return shown;
  }

  useEffect(() => {
    load()
      .then(async ({ data, basemap, details, large }) => {
        published.current = show(prepare(data, { basemap, details, tiles: large?.tiles ?? null, preview: large?.preview ?? null }));
        if (!large) return;
        // A large dataset's projects come after the first frame, which the build's preview drew,
        // or at once for a view the preview cannot show.
        await Promise.race([whenMarked('atlas:ready'), new Promise<void>((resolve) => (projectsNeeded.current = resolve))]);
        await large.projects().then(
          (all) => {
            const shown = (published.current = prepare(all, { basemap, details, tiles: large.tiles, preview: null }));
            if (!showingFile.current) show(shown);
            mark('atlas:projects');
            // The build's search text, fetched when a search is coming (a search made before it has come makes its own).
            searchNeeded.current = () => {
              searchNeeded.current = () => undefined;
              large.search().then(
                (texts) => texts.length === shown.index.length && shown.index.forEach((keys, i) => (keys.search ??= texts[i])),
                () => undefined,
              );
            };
          },
          (error: Error) => setProjectsError(error.message),
        );
      })
      .catch((error: Error) => setLoadError(error.message));
  }, []);

  const open = (files: File[]) => {
    const base = published.current;
    if (!base || !files.length) return;
    // A file dropped while another is read replaces it.
    reading.current?.cancel();
    const current = (reading.current = openFiles(files, base.data, programme));
    setOpening({ busy: true, watch: current.watch, error: null });
    current.result.then(
      (opened) => {
        if (reading.current !== current) return;
        reading.current = null;
        mark('atlas:filter');
        showingFile.current = true;
        setLocal(opened);
        setOpening(IDLE);
        show(prepare(opened.data, { basemap: base.basemap, tiles: null, preview: null }));
      },
      (error: Error) => {
        if (reading.current !== current) return;
        reading.current = null;
        setOpening({ busy: false, watch: null, error: error.message });
      },
    );
  };

  // A file dropped anywhere on the page opens like one chosen with the file input. Listening
  // once, through a ref to this render's opener.
  const openLatest = useRef(open);
  openLatest.current = open;
  useEffect(() => {
    const over = (e: DragEvent) => e.dataTransfer?.types.includes('Files') && e.preventDefault();
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      openLatest.current([...e.dataTransfer.files]);
    };
    addEventListener('dragover', over);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('drop', drop);
    };
  }, []);

  return {
    loaded,
    loadError,
    projectsError,
    local,
    opening,
    reportUrl,
    open,
    cancelOpening: () => {
      reading.current?.cancel();
      reading.current = null;
      setOpening(IDLE);
    },
    needProjects: () => projectsNeeded.current(),
    needSearch: () => searchNeeded.current(),
    backToPublished: () => {
      if (!published.current) return;
      showingFile.current = false;
      setLocal(null);
      show(published.current);
    },
  };
}
