/**
 * The atlas's layout. The store owns the link and the history; deriveView computes what every
 * part shows; this component loads the data, wires the parts to the store and lays them out.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { BasemapData } from '../core/basemap';
import { mapCredits } from '../core/credits';
import type { Filters } from '../core/filters';
import { mark } from '../core/marks';
import type { Programme } from '../core/programme';
import type { AtlasData } from '../core/types';
import { createI18n } from '../i18n';
import { localeFromBrowser } from '../i18n/locales';
import type { PngFrame } from '../map/exportPng';
import { MapView } from '../map/MapView';
import { isDense, siteCount } from '../map/sites';
import { flavorsOf, FLAVORS } from '../palette/flavors';
import { choroplethScale, themeScale, themeVariables } from '../palette/scales';
import { Presenter } from '../presenter/Presenter';
import { stepView, storyTitle } from '../presenter/steps';
import { AtlasStore } from '../state/store';
import { dropUnknownIds, toSearch, type UrlState } from '../state/url';
import { deriveView, indexData, type Indexed } from '../state/view';
import { AboutDialog } from '../ui/AboutDialog';
import { ColourByControl } from '../ui/ColourByControl';
import { FilterChips } from '../ui/FilterChips';
import { FilterPanel } from '../ui/FilterPanel';
import type { LabelContext } from '../ui/labels';
import { Legend } from '../ui/Legend';
import { mapFrame } from '../ui/mapFrame';
import { MunicipalityProfile } from '../ui/MunicipalityProfile';
import { ProjectButtonList } from '../ui/ProjectButtonList';
import { ProjectDialog } from '../ui/ProjectDialog';
import { ProjectTable } from '../ui/ProjectTable';
import { ShareDialog } from '../ui/ShareDialog';
import { StackChooser } from '../ui/StackChooser';
import { StatusLine } from '../ui/StatusLine';
import { Charts } from './Charts';
import { ErrorBoundary } from './ErrorBoundary';
import { loadAtlas } from './load';
import { acceptUpdate, registerOffline } from './offline';
import { openFiles, type LocalData } from './openFiles';

interface Loaded extends Indexed {
  basemap: BasemapData;
}

export interface AppProps {
  programme: Programme;
  /** Where the data comes from (the benchmark passes a synthetic set). */
  load?: () => Promise<{ data: AtlasData; basemap: BasemapData }>;
}

export function App({ programme, load = loadAtlas }: AppProps) {
  const store = useMemo(() => new AtlasStore(programme), []);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => store.subscribe(() => rerender(undefined)), []);
  const { state, notices } = store;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chooser, setChooser] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [about, setAbout] = useState(false);
  const [share, setShare] = useState(false);
  const [update, setUpdate] = useState<(() => void) | null>(null);
  const exporter = useRef<((width: number, frame: PngFrame) => Promise<Blob>) | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [panelWidth, setPanelWidth] = useState(0);
  const [hoveredMunicipality, setHoveredMunicipality] = useState<string | null>(null);
  /** A file opened in the page: its data replaces the published data until "back" or a reload. */
  const [local, setLocal] = useState<LocalData | null>(null);
  const [opening, setOpening] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const published = useRef<Loaded | null>(null);
  const reportUrl = useMemo(() => (local ? URL.createObjectURL(new Blob([local.report], { type: 'text/markdown' })) : null), [local]);
  useEffect(() => () => void (reportUrl && URL.revokeObjectURL(reportUrl)), [reportUrl]);
  const locale = state.lang ?? localeFromBrowser(navigator.languages, programme.languages);
  const i18n = useMemo(() => createI18n(locale, programme), [locale]);
  const { t } = i18n;
  const stories = loaded?.data.stories ?? [];
  useEffect(() => store.playKiosk(stories), [stories, state.kiosk]);
  const tour = store.tour(stories);
  const flavors = flavorsOf(state.kiosk || !!state.present);
  const themes = useMemo(() => themeScale(flavors.page), [flavors.page]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('appTitle');
  }, [locale]);

  useEffect(() => {
    load().then(({ data, basemap }) => {
      published.current = show(data, basemap, store.state);
    }, (error: Error) => setLoadError(error.message));
    registerOffline((activate) => setUpdate(() => activate));
    return store.listen();
  }, []);

  /** Shows a dataset: ids in the link that it does not know are dropped, with a notice. */
  function show(data: AtlasData, basemap: BasemapData, from: UrlState): Loaded {
    const shown = { ...indexData(data), basemap };
    // The address bar then shows the canonical link, the one "Share" gives.
    const checked = dropUnknownIds(from, { objectives: new Set(shown.objectives.keys()), districts: new Set(shown.districts.keys()), municipalities: new Set(shown.municipalities.keys()) });
    store.replace(checked.state, checked.notices);
    setLoaded(shown);
    return shown;
  }

  const openLocal = (files: File[]) => {
    const base = published.current;
    if (!base || !files.length) return;
    setOpening({ busy: true, error: null });
    openFiles(files, base.data, programme).then(
      (opened) => {
        mark('atlas:filter');
        setLocal(opened);
        setOpening({ busy: false, error: null });
        show(opened.data, base.basemap, store.state);
      },
      (error: Error) => setOpening({ busy: false, error: error.message }),
    );
  };
  const backToPublished = () => {
    if (!published.current) return;
    setLocal(null);
    show(published.current.data, published.current.basemap, store.state);
  };
  // A file dropped anywhere on the page opens like one chosen with the file input. Listening
  // once, through a ref to this render's opener.
  const openLatest = useRef(openLocal);
  openLatest.current = openLocal;
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

  const navigate = store.navigate.bind(store);
  const setFilters = (filters: Filters, options?: { replace?: boolean }) => {
    mark('atlas:filter');
    navigate({ filters }, options);
  };
  const select = (project: string | null) => {
    setChooser(null);
    navigate({ project });
  };

  const ctx: LabelContext | null = loaded && { i18n, municipalities: loaded.municipalities, districts: loaded.districts, objectives: loaded.objectives };
  const step = useMemo(() => (tour && loaded && ctx ? stepView(tour.story.steps[tour.step - 1], loaded.index, ctx) : null), [tour?.story, tour?.step, loaded, i18n]);
  const profile = state.view === 'profile' && state.filters.municipalities.length === 1 ? state.filters.municipalities[0] : null;
  const view = useMemo(
    () => loaded && deriveView(loaded, { filters: state.filters, stepFilters: step?.filters ?? null, colourBy: state.colourBy, network: state.network || !!step?.network, profile }),
    [loaded, state.filters, step, state.colourBy, state.network, profile],
  );
  const choropleth = useMemo(() => (view?.choropleth ? choroplethScale(view.choropleth.breaks, FLAVORS[flavors.map]) : null), [view?.choropleth, flavors.map]);
  const denseSites = useMemo(() => (loaded && isDense(loaded.located) ? siteCount(loaded.located) : null), [loaded]);
  const selected = state.project ? loaded?.data.projects.find((p) => p.id === state.project) : undefined;
  // The details panel covers the right of the map: the map keeps the selected project beside it.
  useEffect(() => setPanelWidth(selected ? document.querySelector<HTMLElement>('.panel.details')?.offsetWidth ?? 0 : 0), [selected]);
  const toggleMunicipality = (id: string) =>
    setFilters({ ...state.filters, municipalities: state.filters.municipalities.includes(id) ? state.filters.municipalities.filter((m) => m !== id) : [...state.filters.municipalities, id] });
  /** A click on a map municipality opens its profile; a second click on it closes it. */
  const openProfile = (id: string) => {
    mark('atlas:filter');
    const only = state.filters.municipalities.length === 1 && state.filters.municipalities[0] === id;
    navigate(only ? { filters: { ...state.filters, municipalities: [] }, view: 'map' } : { filters: { ...state.filters, municipalities: [id] }, view: 'profile' });
  };
  const here = (patch: Partial<UrlState>) => new URL(toSearch({ ...state, ...patch }) || location.pathname, location.href).href;

  const mapPanel = loaded && view && (
    <div class="map-wrap" hidden={state.view === 'list'}>
      <ColourByControl colourBy={state.colourBy} network={state.network} scale={choropleth} i18n={i18n} onChange={(colourBy) => navigate({ colourBy })} onNetwork={(on) => navigate({ network: on })} />
      {mapError && (
        <p role="alert" class="failure">
          {t('mapFailed', { reason: mapError })}
        </p>
      )}
      <ErrorBoundary fallback={(reason) => <p role="alert" class="failure">{t('mapFailed', { reason })}</p>}>
        <MapView
          basemap={loaded.basemap}
          projects={loaded.located}
          visible={view.visible}
          labels={{ script: i18n.language.script, fallback: programme.scripts[0] }}
          countries={programme.countries.map((c) => c.code)}
          credits={mapCredits(programme)}
          selected={state.project}
          obscuredRight={panelWidth}
          choropleth={view.choropleth && choropleth ? { values: view.choropleth.values, scale: choropleth } : null}
          network={view.network}
          hoveredMunicipality={hoveredMunicipality}
          chosenMunicipalities={state.filters.municipalities}
          camera={state.camera}
          fit={step && tour ? { key: `${tour.story.id}:${tour.step}`, points: step.fit } : null}
          flavor={flavors.map}
          cooperative={state.embed}
          exporter={exporter}
          label={t('mapLabel')}
          onSelect={select}
          onChoose={(ids, at) => setChooser({ ids, at })}
          onHoverMunicipality={setHoveredMunicipality}
          onToggleMunicipality={openProfile}
          onCamera={(camera) => navigate({ camera }, { replace: true })}
          onError={setMapError}
        />
      </ErrorBoundary>
    </div>
  );
  const projects = loaded?.data.projects ?? [];
  const panels = loaded && (
    <>
      {chooser && (
        <StackChooser
          projects={chooser.ids.map((id) => projects.find((p) => p.id === id)!).filter(Boolean)}
          at={chooser.at}
          i18n={i18n}
          onSelect={select}
          onClose={() => setChooser(null)}
        />
      )}
      {selected && <ProjectDialog key={selected.id} project={selected} municipalities={loaded.municipalities} i18n={i18n} onClose={() => select(null)} />}
      {state.project && !selected && (
        <div class="panel details" role="alert">
          <p>{t('unknownProject', { id: state.project })}</p>
          <button type="button" onClick={() => select(null)}>
            {t('close')}
          </button>
        </div>
      )}
    </>
  );

  if (state.embed && loaded && view) {
    return (
      <div class="app embed" style={themeVariables(themes)}>
        <header class="embed-bar">
          <strong>{t('appTitle')}</strong>
          <StatusLine summary={view.summary} i18n={i18n} />
          <a href={here({ embed: false })} target="_blank" rel="noopener">
            {t('openFull')}
          </a>
        </header>
        <main class="body embed-body">
          <section class="stage">{mapPanel}</section>
          {panels}
        </main>
      </div>
    );
  }

  return (
    <div class={`app${tour ? ' presenting' : ''}${state.kiosk ? ' kiosk' : ''}`} style={themeVariables(themes)}>
      <header class="top">
        <div class="brand">
          <h1>{t('appTitle')}</h1>
          <p>{t('appSubtitle')}</p>
        </div>
        <nav class="actions">
          <button type="button" onClick={() => navigate({ view: state.view === 'list' ? 'map' : 'list' })}>
            {state.view === 'list' ? t('showMap') : t('showList')}
          </button>
          <label class="present-choice">
            {t('present')}{' '}
            <select value="" onChange={(e) => (e.target as HTMLSelectElement).value && navigate({ present: (e.target as HTMLSelectElement).value, step: 1 })}>
              <option value="">{t('chooseStory')}</option>
              {stories.map((x) => (
                <option value={x.id}>{storyTitle(x, i18n)}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setShare(true)} disabled={!!local} title={local ? t('shareLocalOff') : undefined}>
            {t('share')}
          </button>
          <label class="open-file">
            {t('openFile')}
            <input
              type="file"
              accept=".xlsx,.csv,.jsonl,.json,.txt"
              multiple
              disabled={!loaded || opening.busy}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                openLocal([...(input.files ?? [])]);
                input.value = '';
              }}
            />
          </label>
          <button type="button" onClick={() => setAbout(true)}>
            {t('about')}
          </button>
          <label class="language">
            {t('language')}{' '}
            <select value={locale} onChange={(e) => navigate({ lang: (e.target as HTMLSelectElement).value })}>
              {programme.languages.map((l) => (
                <option value={l.id} lang={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </header>

      {update && (
        <div class="notices update" role="status">
          <span>{t('updateReady')}</span>
          <button type="button" onClick={() => acceptUpdate(update)}>
            {t('reloadNow')}
          </button>
        </div>
      )}
      {(local || opening.busy || opening.error) && (
        <section class="notices local" aria-label={t('localData')}>
          {opening.busy && <p>{t('opening')}</p>}
          {opening.error && <p role="alert">{t('openFailed', { reason: opening.error })}</p>}
          {local && (
            <>
              <p>{t('localBanner', { files: local.names.join(', '), n: local.data.projects.length, problems: local.problems })}</p>
              <a href={reportUrl ?? undefined} download="import-report.md">
                {t('downloadReport')}
              </a>
              <button type="button" onClick={backToPublished}>
                {t('backToPublished')}
              </button>
            </>
          )}
        </section>
      )}
      {notices.length > 0 && (
        <div class="notices" role="note" aria-label={t('notices')}>
          <ul>
            {notices.map((n) => (
              <li>
                {n.reason === 'unknown-parameter'
                  ? t('noticeUnknownParam', { param: n.param })
                  : t(n.reason === 'unknown-id' ? 'noticeUnknownId' : 'noticeInvalidValue', { param: n.param, value: n.value })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => store.dismissNotices()}>
            {t('dismiss')}
          </button>
        </div>
      )}

      {loadError ? (
        <main class="failure">
          <div role="alert">
            <h2>{t('loadFailed')}</h2>
            <p>{loadError}</p>
          </div>
        </main>
      ) : !loaded || !ctx || !view ? (
        <main class="loading" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      ) : (
        <main class="body">
          <aside class="side">
            <StatusLine summary={view.summary} i18n={i18n} />
            <FilterChips filters={state.filters} ctx={ctx} onChange={setFilters} />
            <FilterPanel facets={view.facets} filters={state.filters} ctx={ctx} onChange={setFilters} />
            <Legend i18n={i18n} scale={themes} counts={view.themeCounts} dense={denseSites} />
            {view.unplaced.length > 0 && (
              <details class="unplaced">
                <summary>{t('notOnMap', { n: view.unplaced.length })}</summary>
                <p class="note">{t('notOnMapWhy')}</p>
                <ProjectButtonList projects={view.unplaced} i18n={i18n} onSelect={select} />
              </details>
            )}
          </aside>
          <section class="stage">
            {mapPanel}
            {tour && step && (
              <Presenter story={tour.story} step={tour.step} view={step} i18n={i18n} kiosk={state.kiosk} onStep={(n) => store.toStep(n)} onLeave={() => store.leaveTour()} />
            )}
            {state.view === 'list' && <ProjectTable projects={view.selection} municipalities={loaded.municipalities} i18n={i18n} selected={state.project} onSelect={select} />}
          </section>
          {view.profile ? (
            <aside class="charts profile-column" aria-label={t('profile')}>
              <MunicipalityProfile
                municipality={view.profile.municipality}
                projects={view.selection}
                context={view.profile.context}
                pairs={view.pairs}
                municipalities={loaded.municipalities}
                i18n={i18n}
                flavor={flavors.page}
                onSelect={select}
                onClose={() => navigate({ view: 'map' })}
              />
            </aside>
          ) : (
            <Charts
              view={view}
              filters={state.filters}
              flavor={flavors.page}
              municipalities={loaded.municipalities}
              i18n={i18n}
              hoveredMunicipality={hoveredMunicipality}
              onHoverMunicipality={setHoveredMunicipality}
              onToggleMunicipality={toggleMunicipality}
              onFilters={setFilters}
              pairs={state.network ? view.pairs : null}
              onOpenProfile={(id) => navigate({ view: 'profile', filters: { ...state.filters, municipalities: [id] } })}
            />
          )}
          {panels}
          {about && <AboutDialog data={loaded.data} i18n={i18n} onClose={() => setAbout(false)} />}
          {share && (
            <ShareDialog
              url={here({})}
              embedUrl={here({ embed: true, camera: null })}
              selection={view.selection}
              filters={state.filters}
              municipalities={loaded.municipalities}
              i18n={i18n}
              mapPng={(width) =>
                exporter.current
                  ? exporter.current(width, mapFrame({ view, filters: state.filters, themes: themeScale(FLAVORS[flavors.map]), choropleth, ctx }))
                  : Promise.reject(new Error(mapError ?? 'no map'))
              }
              onClose={() => setShare(false)}
            />
          )}
        </main>
      )}
    </div>
  );
}
