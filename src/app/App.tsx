/**
 * The atlas's layout. The store owns the link and the history; the dataset on show (src/dataset)
 * gives what every part shows; this component wires the parts to the store and lays them out.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { mapCredits } from '../core/credits';
import type { RowsQuery } from '../core/rows';
import type { Filters } from '../core/filters';
import type { Project } from '../core/types';
import { mark } from '../core/marks';
import type { Programme } from '../core/programme';
import type { Dataset } from '../dataset/dataset';
import { listWording, type LabelContext } from '../i18n/labels';
import { localeFromBrowser } from '../i18n/locales';
import type { PngFrame } from '../map/exportPng';
import { MapView } from '../map/MapView';
import { flavorsOf, FLAVORS } from '../palette/flavors';
import { choroplethScale, themeScale, themeVariables } from '../palette/scales';
import { Presenter } from '../presenter/Presenter';
import { stepView } from '../presenter/steps';
import { tierOf } from '../sites/tiers';
import { AtlasStore } from '../state/store';
import { toSearch, type UrlState } from '../state/url';
import { ColourByControl } from '../ui/ColourByControl';
import { FilterChips } from '../ui/FilterChips';
import { FilterPanel } from '../ui/FilterPanel';
import { Legend } from '../ui/Legend';
import { mapFrame } from '../ui/mapFrame';
import { ProjectTable } from '../ui/ProjectTable';
import { WorkbookButton } from '../ui/WorkbookButton';
import { YearControl } from '../ui/YearControl';
import type { YearFilter } from '../core/years';
import { StackChooser } from '../ui/StackChooser';
import { LinkNotices, LocalNotice, TourNotices, UpdateNotice } from '../ui/Notices';
import { StatusLine } from '../ui/StatusLine';
import { TopBar } from '../ui/TopBar';
import { Unplaced } from '../ui/Unplaced';
import { InView } from '../ui/InView';
import { Sheet } from '../ui/Sheet';
import { PHONE, REDUCED_MOTION, useMedia } from '../ui/useMedia';
import { Charts } from './Charts';
import { AboutDialog, dialogs, MunicipalityProfile, ProjectDialog, ShareDialog, TourEditor } from './dialogs';
import { ErrorBoundary } from './ErrorBoundary';
import { registerOffline } from '../offline/register';
import { useDataset } from './useDataset';
import { useFileDrop } from './useFileDrop';
import { useTours } from './useTours';
import { useI18n } from './useI18n';
import type { Messages } from '../i18n/en';
import { useDetails, useFetched } from './useDetails';

export interface AppProps {
  programme: Programme;
  /** The catalogue of the language the page opens in (the others load when asked for). */
  catalogues: Readonly<Record<string, Messages>>;
  /** The published dataset, its loading started with the page. */
  load(): Promise<Dataset>;
}

/** No project is new: the map's ring list when no year is shown. */
const NONE: readonly string[] = [];

export function App({ programme, catalogues, load }: AppProps) {
  const store = useMemo(() => new AtlasStore(programme), []);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => store.subscribe(() => rerender(undefined)), []);
  const { state, notices } = store;
  const dataset = useDataset(programme, store, load);
  const { shown, showing, revision } = dataset;
  const loaded = shown?.indexed ?? null;
  const file = showing.state === 'file' ? showing.file : null;
  const [chooser, setChooser] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [about, setAbout] = useState(false);
  const [share, setShare] = useState(false);
  const [update, setUpdate] = useState<(() => void) | null>(null);
  const exporter = useRef<((width: number, frame: PngFrame) => Promise<Blob>) | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [panelWidth, setPanelWidth] = useState(0);
  const [hoveredMunicipality, setHoveredMunicipality] = useState<string | null>(null);
  /** A project whose entry in a list has the focus or the pointer: the map shows it. */
  const [pointed, setPointed] = useState<string | null>(null);
  const [bounds, setBounds] = useState<[number, number, number, number] | null>(null);
  const phone = useMedia(PHONE);
  const locale = state.lang ?? localeFromBrowser(navigator.languages, programme.languages);
  const { i18n, failure: catalogueFailure } = useI18n(locale, programme, catalogues);
  const { t } = i18n;
  const published = loaded?.data.stories ?? [];
  const tours = useTours(store, loaded, published, i18n);
  const stories = useMemo(() => [...published, ...tours.own], [published, tours.own]);
  useEffect(() => store.playKiosk(published), [published, state.kiosk]);
  const tour = store.tour(stories);
  // A tour file (chosen or dropped) is presented; anything else dropped is a list of operations.
  useFileDrop((files) => void tours.openFiles(files, true).then((tour) => tour || dataset.open(files)));
  const flavors = flavorsOf(state.kiosk || !!state.present);
  const themes = useMemo(() => themeScale(flavors.page), [flavors.page]);

  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.title = t('appTitle');
  }, [i18n.locale]);

  useEffect(() => store.listen(), []);
  /** Offline support once the page has drawn (or found it cannot draw a map): its downloads come after the page's own. */
  const offline = () => registerOffline((reload) => setUpdate(() => reload));
  /** The map has drawn (or cannot draw): offline support, and projects that wait for the first frame, may come now. */
  const drawn = () => {
    offline();
    shown?.drawn();
    for (const dialog of dialogs) dialog.prefetch();
  };
  useEffect(() => void (mapError && drawn()), [mapError]);

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
  // The year a tour step shows while it plays its years (or as the presenter moves the slider).
  const stepKey = tour ? `${tour.story.id}:${tour.step}` : null;
  const [yearInStep, setYearInStep] = useState<{ step: string | null; year: YearFilter | null } | null>(null);
  const stepYear = yearInStep?.step === stepKey ? yearInStep.year : null;
  // A step's years play when it opens; asked for less motion, it opens on the last of them (Play still plays them).
  const still = useMedia(REDUCED_MOTION);
  const stepFilters = step ? { ...step.filters, year: stepYear ?? (step.play && still ? { year: step.play[1], mode: 'started' as const } : step.filters.year) } : null;
  useEffect(() => {
    if (step?.play && still) store.played();
  }, [stepKey, still]);
  // Null while pending: the dataset's projects are still coming.
  const view = useMemo(
    () => shown?.view({ filters: state.filters, stepFilters, colourBy: state.colourBy, network: state.network || !!step?.network, profile }, state.view) ?? null,
    [shown, revision, state.filters, step, stepYear, still, state.colourBy, state.network, profile, state.view],
  );
  /** The selected projects, once they are in the page (a profile's budgets by period and theme wait for them). */
  const selection = view && !view.pending ? view.selection : null;
  /** How many projects the downloads hold: known once the selection is counted (`mask`), where the records are in the page or not. */
  const counted = view && (!view.pending || view.mask) ? view.summary.projects : null;
  const eachWhole = (part: (projects: readonly Project[]) => void, progress: (done: number, total: number) => void) =>
    shown && view ? shown.eachWhole(view, part, progress) : Promise.reject(new Error('no view'));
  /** Why the lists' rows will not come (said where they would be), unless the whole dataset failed. */
  const listsUnavailable = !shown || shown.failure ? null : shown.listsFailure ? t('listsFailed', { reason: shown.listsFailure }) : null;
  /** Why the selection's records will not come, for what needs them in the page (a profile's budgets by period and theme, its roles). */
  const recordsUnavailable = !shown || shown.failure ? null : shown.recordsOmitted ? t('recordsOmitted') : shown.recordsFailure ? t('recordsFailed', { reason: shown.recordsFailure }) : null;
  const wording = useMemo(() => loaded && listWording(i18n, loaded.municipalities), [i18n, loaded?.municipalities]);
  /** Rows of the view's selection (or, with `ids`, of any project) for a list; null while they come. */
  const rowsOf = (query: Pick<RowsQuery, 'limit'> & Partial<RowsQuery>) => (shown && view && wording ? shown.rows(view, { order: null, bounds: null, ids: null, ...query }, wording) : null);
  const choropleth = useMemo(() => (view?.choropleth ? choroplethScale(view.choropleth.breaks, FLAVORS[flavors.map]) : null), [view?.choropleth, flavors.map]);
  const denseSites = shown && tierOf(shown.siteCount) !== 'plain' ? shown.siteCount : null;
  const held = useMemo(() => (state.project ? loaded?.data.projects.find((p) => p.id === state.project) : undefined), [state.project, loaded]);
  // A large dataset whose records the page does not hold fetches the project whole.
  const fetched = useFetched(held ? null : state.project, shown?.project ?? null);
  const selected = held ?? fetched.project ?? undefined;
  const whole = useDetails(held, shown?.details ?? undefined);
  /** Why the link's project is not shown: there is none, or it cannot come; null: it is coming. */
  const missing = !state.project || selected
    ? null
    : fetched.error
      ? t('projectUnavailable', { id: state.project, reason: fetched.error })
      : shown?.complete || fetched.project === null
        ? t('unknownProject', { id: state.project })
        : null;
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

  const colourBy = loaded && (
    <ColourByControl colourBy={state.colourBy} network={state.network} scale={choropleth} municipalities={loaded.municipalities} i18n={i18n} onChange={(colourBy) => navigate({ colourBy })} onNetwork={(on) => navigate({ network: on })} />
  );
  // A tour step's years play in the step (not the link), shown only for a step with years; elsewhere the year is the link's.
  const span = view?.time?.span;
  const yearControl =
    span && !state.embed
      ? step
        ? (step.play || step.filters.year) && (
            <YearControl
              key={stepKey}
              span={step.play ? { ...span, first: step.play[0], last: step.play[1] } : span}
              value={view.filters.year}
              summary={view.summary}
              i18n={i18n}
              autoplay={!!step.play && !still}
              onChange={(year) => setYearInStep({ step: stepKey, year })}
              onPlayed={() => store.played()}
            />
          )
        : <YearControl span={span} value={state.filters.year} summary={view.summary} i18n={i18n} onChange={(year, { replace }) => setFilters({ ...state.filters, year }, { replace })} />
      : null;
  const workbook = ctx && shown && <WorkbookButton count={counted} filters={state.filters} ctx={ctx} link={here({})} eachWhole={eachWhole} />;
  const mapPanel = shown && loaded && view && (
    <div class="map-wrap" hidden={state.view === 'list'}>
      {!phone && colourBy}
      {mapError && (
        <p role="alert" class="failure">
          {t('mapFailed', { reason: mapError })}
        </p>
      )}
      <ErrorBoundary fallback={(reason) => <p role="alert" class="failure">{t('mapFailed', { reason })}</p>}>
        <MapView
          basemap={shown.basemap}
          sites={shown.sites}
          visible={view.visible}
          mask={view.mask}
          placeCounts={view.placeCounts}
          filters={view.filters}
          labels={{ script: i18n.language.script, fallback: programme.scripts[0] }}
          countries={programme.countries.map((c) => c.code)}
          credits={mapCredits(programme)}
          selected={state.project}
          fresh={view.time?.fresh ?? NONE}
          focused={pointed}
          obscuredRight={phone ? 0 : panelWidth}
          choropleth={view.choropleth && choropleth ? { values: view.choropleth.values, scale: choropleth } : null}
          network={view.network}
          hoveredMunicipality={hoveredMunicipality}
          chosenMunicipalities={state.filters.municipalities}
          camera={state.camera}
          fit={step && stepKey ? { key: stepKey, points: step.fit, camera: step.camera } : null}
          flavor={flavors.map}
          cooperative={state.embed}
          exporter={exporter}
          label={t('mapLabel')}
          onSelect={select}
          onChoose={(ids, at) => setChooser({ ids, at })}
          onHoverMunicipality={setHoveredMunicipality}
          onToggleMunicipality={openProfile}
          onCamera={(camera) => navigate({ camera }, { replace: true })}
          onBounds={setBounds}
          onDrawn={drawn}
          onError={setMapError}
        />
      </ErrorBoundary>
      <InView rows={(bounds, limit) => rowsOf({ bounds, limit })} unavailable={listsUnavailable} bounds={bounds} i18n={i18n} onSelect={select} onPoint={setPointed} />
      {!phone && yearControl}
    </div>
  );
  const panels = loaded && (
    <>
      {chooser && (
        <StackChooser
          rows={(limit) => rowsOf({ ids: chooser.ids, limit })}
          count={chooser.ids.length}
          unavailable={listsUnavailable}
          at={chooser.at}
          i18n={i18n}
          onSelect={select}
          onClose={() => setChooser(null)}
        />
      )}
      {selected && (held ? whole.project : selected) && (
        <ProjectDialog key={selected.id} project={held ? whole.project! : selected} details={held ? whole : undefined} municipalities={loaded.municipalities} i18n={i18n} onClose={() => select(null)} />
      )}
      {state.project && !selected && (
        // Not in the page: no such project, or its record is still coming, or cannot come.
        <div class="panel details" role="alert" aria-busy={!missing}>
          <p>{missing ?? t('projectsLoading')}</p>
          <button type="button" onClick={() => select(null)}>
            {t('close')}
          </button>
        </div>
      )}
    </>
  );
  const skipLink = (
    <a class="skip-link" href="#map" onClick={(e) => (e.preventDefault(), document.querySelector<HTMLElement>('.map .maplibregl-canvas')?.focus())}>
      {t('skipToMap')}
    </a>
  );

  if (state.embed && loaded && view) {
    return (
      <div class="app embed" style={themeVariables(themes)}>
        {skipLink}
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

  /** What of the dataset could not come, said beside the status line (on a phone too, where the side panel is a sheet). */
  const notes = (
    <>
      {shown?.failure && (
        <p class="note" role="alert">
          {t('projectsFailed', { reason: shown.failure })}
        </p>
      )}
      {listsUnavailable && (
        <p class="note" role="alert">
          {listsUnavailable}
        </p>
      )}
      {shown?.recordsFailure && !shown.failure && (
        <p class="note" role="alert">
          {recordsUnavailable}
        </p>
      )}
      {shown?.sitesFailure && !shown.failure && (
        <p class="note" role="alert">
          {t('sitesFailed', { reason: shown.sitesFailure })}
        </p>
      )}
    </>
  );
  const side = loaded && ctx && view && (
    <>
      {!phone && <StatusLine summary={view.summary} i18n={i18n} />}
      {!phone && notes}
      <FilterChips filters={state.filters} ctx={ctx} onChange={setFilters} />
      {phone && colourBy}
      {phone && yearControl}
      <FilterPanel facets={view.facets} filters={state.filters} ctx={ctx} onChange={setFilters} onSearchFocus={() => shown?.needSearch()} />
      <Legend i18n={i18n} scale={themes} counts={view.themeCounts} dense={denseSites} />
      <Unplaced count={view.summary.projects - view.summary.onMap} rows={(limit) => rowsOf({ unplaced: true, limit })} unavailable={listsUnavailable} i18n={i18n} onSelect={select} />
    </>
  );
  const charts = loaded && view && (view.profile ? (
    <MunicipalityProfile
      municipality={view.profile.municipality}
      projects={selection}
      unavailable={recordsUnavailable ?? t('projectsLoading')}
      rows={(limit) => rowsOf({ limit })}
      rowsUnavailable={listsUnavailable}
      context={view.profile.context}
      standing={view.profile.standing}
      pairs={view.pairs}
      municipalities={loaded.municipalities}
      i18n={i18n}
      flavor={flavors.page}
      onSelect={select}
      onClose={() => navigate({ view: 'map' })}
    />
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
  ));
  // On a phone one sheet at a time: the filters, or the charts (the profile when one is open).
  const sheet = phone ? (store.sheet ?? (view?.profile ? 'charts' : null)) : null;
  const closeSheet = () => (view?.profile && sheet === 'charts' ? navigate({ view: 'map' }) : store.closeSheet());

  return (
    <div class={`app${tour ? ' presenting' : ''}${state.kiosk ? ' kiosk' : ''}${phone ? ' phone' : ''}`} style={themeVariables(themes)}>
      {skipLink}
      <TopBar
        i18n={i18n}
        compact={phone}
        page={state.view}
        stories={stories}
        shareOff={!!file}
        openOff={!loaded || dataset.opening.busy}
        onPage={(view) => navigate({ view })}
        onPresent={(present) => navigate({ present, step: 1 })}
        onNewTour={tours.newTour}
        onOpenTour={(files) => void tours.openFiles(files)}
        onShare={() => setShare(true)}
        onOpen={dataset.open}
        onAbout={() => setAbout(true)}
        onLanguage={(lang) => navigate({ lang })}
      />
      {update && <UpdateNotice i18n={i18n} onReload={update} />}
      <LocalNotice
        i18n={i18n}
        opening={dataset.opening}
        local={file && { names: file.names, projects: file.dataset.indexed.data.projects.length, problems: file.problems, reportUrl: dataset.reportUrl }}
        onBack={dataset.backToPublished}
        onCancel={dataset.cancelOpening}
      />
      <LinkNotices i18n={i18n} notices={notices} onDismiss={() => store.dismissNotices()} />
      <TourNotices i18n={i18n} messages={tours.messages} onDismiss={tours.dismiss} />
      {catalogueFailure && (
        <p class="notices" role="alert">
          {t('languageFailed', { reason: catalogueFailure })}
        </p>
      )}

      {showing.state === 'failed' || (shown?.failure && !view) ? (
        <main class="failure">
          <div role="alert">
            <h2>{t('loadFailed')}</h2>
            <p>{showing.state === 'failed' ? showing.reason : shown?.failure}</p>
          </div>
        </main>
      ) : !shown || !loaded || !ctx || !view ? (
        <main class="loading" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      ) : (
        <main class="body">
          {!phone && <aside class="side">{side}</aside>}
          <section class="stage">
            {mapPanel}
            {tour && step && (
              <Presenter story={tour.story} step={tour.step} view={step} i18n={i18n} kiosk={state.kiosk} onStep={(n) => store.toStep(n)} onLeave={() => store.leaveTour()} />
            )}
            {state.view === 'list' && wording && (
              <ProjectTable rows={(order, limit) => rowsOf({ order, limit })} unavailable={listsUnavailable} wording={wording} i18n={i18n} selected={state.project} onSelect={select} actions={workbook} />
            )}
            {phone && sheet && (
              <Sheet label={sheet === 'filters' ? t('filters') : view.profile ? t('profile') : t('charts')} closeLabel={t('closeSheet')} onClose={closeSheet}>
                {sheet === 'filters' ? side : charts}
              </Sheet>
            )}
          </section>
          {!phone && (view.profile ? <aside class="charts profile-column" aria-label={t('profile')}>{charts}</aside> : charts)}
          {phone && (
            <nav class="tabbar" aria-label={t('views')}>
              {notes}
              <StatusLine summary={view.summary} i18n={i18n} />
              <div class="tabs">
                <button type="button" aria-pressed={sheet === 'filters'} onClick={() => (sheet === 'filters' ? closeSheet() : store.openSheet('filters'))}>
                  {t('filters')}
                </button>
                <button type="button" aria-pressed={sheet === 'charts'} onClick={() => (sheet === 'charts' ? closeSheet() : store.openSheet('charts'))}>
                  {t('charts')}
                </button>
                <button type="button" aria-pressed={state.view === 'list'} onClick={() => navigate({ view: state.view === 'list' ? 'map' : 'list' })}>
                  {state.view === 'list' ? t('mapTab') : t('showList')}
                </button>
              </div>
            </nav>
          )}
          {panels}
          {about && <AboutDialog data={loaded.data} i18n={i18n} onClose={() => setAbout(false)} />}
          {tours.editing && tours.draft && !tour && (
            <TourEditor
              draft={tours.draft}
              ctx={ctx}
              projectOf={(id) => loaded.data.projects.find((p) => p.id === id)}
              outcome={tours.outcome}
              onChange={tours.setDraft}
              onAddStep={tours.addStep}
              onPresent={tours.present}
              onSave={tours.save}
              onLink={tours.link}
              onDiscard={tours.discard}
              onClose={tours.closeEditor}
            />
          )}
          {share && (
            <ShareDialog
              url={here({})}
              embedUrl={here({ embed: true, camera: null })}
              count={counted}
              filters={state.filters}
              municipalities={loaded.municipalities}
              i18n={i18n}
              mapPng={(width) =>
                exporter.current
                  ? exporter.current(width, mapFrame({ view, filters: state.filters, themes: themeScale(FLAVORS[flavors.map]), choropleth, ctx }))
                  : Promise.reject(new Error(mapError ?? 'no map'))
              }
              eachWhole={eachWhole}
              workbook={workbook}
              tour={tours.current}
              onClose={() => setShare(false)}
            />
          )}
        </main>
      )}
    </div>
  );
}
