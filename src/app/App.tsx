/** The atlas: URL state → filters → selection → map, charts, lists, panels. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { mark } from '../core/marks';
import { attribute } from '../core/attribution';
import type { BasemapData } from '../core/basemap';
import { applyFilters, FACETS, indexProjects, type Filters } from '../core/filters';
import { cooperationPairs, involves } from '../core/network';
import { summarize } from '../core/summary';
import type { AtlasData, MunicipalityRecord, Objective } from '../core/types';
import { createI18n } from '../i18n';
import { localeFromBrowser } from '../i18n/locales';
import { classBreaks, municipalityValues } from '../map/choropleth';
import { MapView, type Choropleth } from '../map/MapView';
import { mapCredits } from '../core/credits';
import type { Programme } from '../core/programme';
import type { PngFrame } from '../map/exportPng';
import { THEME_IDS } from '../core/themes';
import { optionLabel } from '../ui/labels';
import { networkLines } from '../map/network';
import { isDense, siteCount } from '../map/sites';
import { light } from '../palette/flavors';
import { DEFAULT_STATE, dropUnknownIds, parseUrl, toSearch, type Notice, type UrlState } from '../state/url';
import { AboutDialog } from '../ui/AboutDialog';
import { FilterChips } from '../ui/FilterChips';
import { FilterPanel } from '../ui/FilterPanel';
import type { LabelContext } from '../ui/labels';
import { Legend } from '../ui/Legend';
import { choroplethClasses, layerName, MapLayerControl } from '../ui/MapLayerControl';
import { MunicipalityProfile } from '../ui/MunicipalityProfile';
import { ProjectButtonList } from '../ui/ProjectButtonList';
import { ProjectDialog } from '../ui/ProjectDialog';
import { ProjectTable } from '../ui/ProjectTable';
import { ShareDialog } from '../ui/ShareDialog';
import { StackChooser } from '../ui/StackChooser';
import { StatusLine, statusText } from '../ui/StatusLine';
import { Charts } from './Charts';
import { ErrorBoundary } from './ErrorBoundary';
import { loadAtlas } from './load';
import { Presenter } from '../presenter/Presenter';
import { stepView, storyTitle } from '../presenter/steps';
import { useKiosk } from '../presenter/useKiosk';
import type { Story } from '../core/stories';
import { acceptUpdate, registerOffline } from './offline';
import { openFiles, type LocalData } from './openFiles';

/** Classes of positive values; 0 (nothing recorded) and no data have their own colours. */
const CHOROPLETH_CLASSES = 4;

interface Loaded {
  data: AtlasData;
  basemap: BasemapData;
  municipalities: Map<string, MunicipalityRecord>;
  districts: Map<string, MunicipalityRecord>;
  objectives: Map<string, Objective>;
}

export interface AppProps {
  programme: Programme;
  /** Where the data comes from (the benchmark passes a synthetic set). */
  load?: () => Promise<{ data: AtlasData; basemap: BasemapData }>;
}

export function App({ programme, load = loadAtlas }: AppProps) {
  const [url, setUrl] = useState(() => parseUrl(location.search, programme));
  const [notices, setNotices] = useState<Notice[]>(url.notices);
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
  const state = url.state;
  const locale = state.lang ?? localeFromBrowser(navigator.languages, programme.languages);
  const i18n = useMemo(() => createI18n(locale, programme), [locale]);
  const { t } = i18n;
  const stories = loaded?.data.stories ?? [];
  const kiosk = useKiosk(state.kiosk, state.idle, stories, () => {
    const reset = { ...DEFAULT_STATE, lang: state.lang, kiosk: true, idle: state.idle };
    history.replaceState(null, '', toSearch(reset));
    setUrl({ state: reset, notices: [] });
  });
  const presenting: { story: Story; step: number } | null = (() => {
    if (state.kiosk) return kiosk.playing && stories[kiosk.story] ? { story: stories[kiosk.story], step: kiosk.step } : null;
    const story = state.present ? stories.find((x) => x.id === state.present) : undefined;
    return story ? { story, step: Math.min(state.step, story.steps.length) } : null;
  })();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('appTitle');
  }, [locale]);

  useEffect(() => {
    load().then(({ data, basemap }) => {
      published.current = show(data, basemap, url.state);
    }, (error: Error) => setLoadError(error.message));
    registerOffline((activate) => setUpdate(() => activate));
    const onPop = () => setUrl(parseUrl(location.search, programme));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  /** Shows a dataset: ids in the link that it does not know are dropped, with a notice. */
  function show(data: AtlasData, basemap: BasemapData, from: UrlState): Loaded {
    const municipalities = new Map(data.municipalities.map((m) => [m.id, m]));
    const districts = new Map<string, MunicipalityRecord>();
    for (const m of data.municipalities) if (m.inArea && !districts.has(m.districtId)) districts.set(m.districtId, m);
    const objectives = new Map(data.objectives.map((o) => [o.key, o]));
    // The address bar then shows the canonical link, the one "Share" gives.
    const checked = dropUnknownIds(from, { objectives: new Set(objectives.keys()), districts: new Set(districts.keys()), municipalities: new Set(municipalities.keys()) });
    if (checked.notices.length) setNotices((n) => [...n, ...checked.notices]);
    history.replaceState(null, '', toSearch(checked.state) || location.pathname);
    setUrl({ state: checked.state, notices: [] });
    const shown = { data, basemap, municipalities, districts, objectives };
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
        show(opened.data, base.basemap, state);
      },
      (error: Error) => setOpening({ busy: false, error: error.message }),
    );
  };
  const backToPublished = () => {
    if (!published.current) return;
    setLocal(null);
    show(published.current.data, published.current.basemap, state);
  };
  // A file dropped anywhere on the page opens like one chosen with the file input. Listening
  // once, through a ref to this render's opener (it reads the current link state).
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

  const navigate = (patch: Partial<UrlState>, { replace = false } = {}) => {
    const next = { ...state, ...patch };
    const search = toSearch(next) || location.pathname;
    if (replace) history.replaceState(null, '', search);
    else history.pushState(null, '', search);
    setUrl({ state: next, notices: [] });
  };
  const setFilters = (filters: Filters, options?: { replace?: boolean }) => {
    mark('atlas:filter');
    navigate({ filters }, options);
  };
  const select = (project: string | null) => {
    setChooser(null);
    navigate({ project });
  };

  const projects = loaded?.data.projects ?? [];
  const index = useMemo(() => (loaded ? indexProjects(projects, loaded.municipalities) : []), [loaded]);
  const ctx: LabelContext | null = loaded && { i18n, municipalities: loaded.municipalities, districts: loaded.districts, objectives: loaded.objectives };
  const step = useMemo(() => (presenting && ctx ? stepView(presenting.story.steps[presenting.step - 1], index, ctx) : null), [presenting?.story, presenting?.step, index, i18n]);
  // A story step sets the filters while it is shown; the link's own filters come back after.
  const filters = step ? step.filters : state.filters;
  const selection = useMemo(() => applyFilters(index, filters), [index, filters]);
  const visible = useMemo(() => new Set(selection.map((p) => p.id)), [selection]);
  // The budget histogram shows the link's selection without its own range: the selection itself
  // when no range is set and no story step overrides the filters.
  const forBudget = useMemo(
    () => (state.filters.budget || filters !== state.filters ? applyFilters(index, state.filters, 'budget') : selection),
    [index, state.filters, filters, selection],
  );
  const located = useMemo(() => projects.filter((p) => p.locations.length > 0), [projects]);
  const denseSites = useMemo(() => (isDense(located) ? siteCount(located) : null), [located]);
  const unplaced = useMemo(() => selection.filter((p) => p.locations.length === 0), [selection]);
  const summary = useMemo(() => summarize(selection), [selection]);
  const attribution = useMemo(() => attribute(selection), [selection]);
  const themeCounts = useMemo(() => selection.reduce((m, p) => m.set(p.theme, (m.get(p.theme) ?? 0) + 1), new Map<string, number>()), [selection]);
  const profiled = state.view === 'profile' && state.filters.municipalities.length === 1 ? loaded?.municipalities.get(state.filters.municipalities[0]) : undefined;
  // Only the network layer and the profile read the pairs: not worth a pass over a large selection otherwise.
  const wantsPairs = !!(state.network || profiled || step?.network);
  const pairs = useMemo(() => (wantsPairs ? cooperationPairs(selection) : []), [wantsPairs, selection]);
  const placeContext = useMemo(() => (profiled ? attribute(applyFilters(index, state.filters, 'municipalities')) : null), [profiled, index, state.filters]);
  const network = useMemo(() => {
    if (!loaded || !wantsPairs) return null;
    return networkLines(profiled ? pairs.filter((p) => involves(p, profiled.id)) : pairs, loaded.municipalities);
  }, [loaded, wantsPairs, profiled, pairs]);
  const choropleth = useMemo<Choropleth | null>(() => {
    if (!loaded || state.layer === 'sites') return null;
    const area = loaded.data.municipalities.filter((m) => m.inArea);
    const values = municipalityValues(state.layer, attribution.municipalities, area);
    return { values, breaks: classBreaks([...values.values()], CHOROPLETH_CLASSES) };
  }, [loaded, state.layer, attribution]);
  const selected = state.project ? projects.find((p) => p.id === state.project) : undefined;
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
  const mapPanel = loaded && (
    <div class="map-wrap" hidden={state.view === 'list'}>
      <MapLayerControl
        layer={state.layer}
        network={state.network}
        breaks={choropleth?.breaks ?? []}
        flavor={light}
        i18n={i18n}
        onChange={(layer) => navigate({ layer })}
        onNetwork={(on) => navigate({ network: on })}
      />
      {mapError && (
        <p role="alert" class="failure">
          {t('mapFailed', { reason: mapError })}
        </p>
      )}
      <ErrorBoundary fallback={(reason) => <p role="alert" class="failure">{t('mapFailed', { reason })}</p>}>
        <MapView
          basemap={loaded.basemap}
          projects={located}
          visible={visible}
          labels={{ script: i18n.language.script, fallback: programme.scripts[0] }}
          countries={programme.countries.map((c) => c.code)}
          credits={mapCredits(programme)}
          selected={state.project}
          obscuredRight={panelWidth}
          choropleth={choropleth}
          network={network}
          hoveredMunicipality={hoveredMunicipality}
          chosenMunicipalities={state.filters.municipalities}
          camera={state.camera}
          fit={step && presenting ? { key: `${presenting.story.id}:${presenting.step}`, points: step.fit } : null}
          flavor={state.kiosk || state.present ? 'contrast' : 'light'}
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

  if (state.embed && loaded && ctx) {
    return (
      <div class="app embed">
        <header class="embed-bar">
          <strong>{t('appTitle')}</strong>
          <StatusLine summary={summary} i18n={i18n} />
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
    <div class={`app${presenting ? ' presenting' : ''}${state.kiosk ? ' kiosk' : ''}`}>
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
          <button type="button" onClick={() => setNotices([])}>
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
      ) : !loaded || !ctx ? (
        <main class="loading" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      ) : (
        <main class="body">
          <aside class="side">
            <StatusLine summary={summary} i18n={i18n} />
            <FilterChips filters={state.filters} ctx={ctx} onChange={setFilters} />
            <FilterPanel index={index} filters={state.filters} ctx={ctx} onChange={setFilters} />
            <Legend i18n={i18n} counts={themeCounts} dense={denseSites} />
            {unplaced.length > 0 && (
              <details class="unplaced">
                <summary>{t('notOnMap', { n: unplaced.length })}</summary>
                <p class="note">{t('notOnMapWhy')}</p>
                <ProjectButtonList projects={unplaced} i18n={i18n} onSelect={select} />
              </details>
            )}
          </aside>
          <section class="stage">
            {mapPanel}
            {presenting && step && (
              <Presenter
                story={presenting.story}
                step={presenting.step}
                view={step}
                i18n={i18n}
                kiosk={state.kiosk}
                onStep={(n) => navigate({ step: n }, { replace: true })}
                onLeave={() => navigate({ present: null, step: 1 })}
              />
            )}
            {state.view === 'list' && <ProjectTable projects={selection} municipalities={loaded.municipalities} i18n={i18n} selected={state.project} onSelect={select} />}
          </section>
          {profiled && placeContext ? (
            <aside class="charts profile-column" aria-label={t('profile')}>
              <MunicipalityProfile
                municipality={profiled}
                projects={selection}
                context={placeContext}
                pairs={pairs}
                municipalities={loaded.municipalities}
                i18n={i18n}
                onSelect={select}
                onClose={() => navigate({ view: 'map' })}
              />
            </aside>
          ) : (
            <Charts
              selection={selection}
              forBudget={forBudget}
              attribution={attribution}
              filters={state.filters}
              municipalities={loaded.municipalities}
              i18n={i18n}
              hoveredMunicipality={hoveredMunicipality}
              onHoverMunicipality={setHoveredMunicipality}
              onToggleMunicipality={toggleMunicipality}
              onFilters={setFilters}
              pairs={state.network ? pairs : null}
              onOpenProfile={(id) => navigate({ view: 'profile', filters: { ...state.filters, municipalities: [id] } })}
            />
          )}
          {panels}
          {about && <AboutDialog data={loaded.data} i18n={i18n} onClose={() => setAbout(false)} />}
          {share && (
            <ShareDialog
              url={here({})}
              embedUrl={here({ embed: true, camera: null })}
              selection={selection}
              filters={state.filters}
              municipalities={loaded.municipalities}
              i18n={i18n}
              mapPng={(width) => {
                if (!exporter.current) return Promise.reject(new Error(mapError ?? 'no map'));
                const themes = [...THEME_IDS, 'unclassified' as const].filter((th) => themeCounts.get(th));
                const chips = [...FACETS.flatMap((f) => (state.filters[f] as string[]).map((v) => optionLabel(f, v, ctx))), state.filters.q].filter(Boolean);
                // The key explains the municipality colours when there are any, else the site colours.
                const layer = state.layer;
                return exporter.current(width, {
                  title: `${t('appTitle')}${chips.length ? ` — ${chips.join(', ')}` : ''}`,
                  subtitle: `${statusText(summary, i18n)}${layer !== 'sites' ? ` · ${layerName(layer, i18n)}` : ''}`,
                  key:
                    layer !== 'sites' && choropleth
                      ? choroplethClasses(layer, choropleth.breaks, light, i18n)
                      : themes.map((th) => ({ color: light.themes[th], label: i18n.theme(th) })),
                  attribution: mapCredits(programme).map((c) => c.text).join(' · '),
                });
              }}
              onClose={() => setShare(false)}
            />
          )}
        </main>
      )}
    </div>
  );
}
