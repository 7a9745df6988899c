/** The atlas: URL state → map, status line, lists and panels. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { summarize } from '../core/summary';
import type { BasemapData } from '../core/basemap';
import type { AtlasData, MunicipalityRecord } from '../core/types';
import { createI18n } from '../i18n';
import { localeFromBrowser, usesCyrillic, type Locale } from '../i18n/locales';
import { MapView } from '../map/MapView';
import { parseUrl, toSearch, type Notice, type UrlState } from '../state/url';
import { AboutDialog } from '../ui/AboutDialog';
import { Legend } from '../ui/Legend';
import { ProjectButtonList } from '../ui/ProjectButtonList';
import { ProjectDialog } from '../ui/ProjectDialog';
import { ProjectTable } from '../ui/ProjectTable';
import { StackChooser } from '../ui/StackChooser';
import { StatusLine } from '../ui/StatusLine';
import { ErrorBoundary } from './ErrorBoundary';
import { loadAtlas } from './load';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', bg: 'Български', 'sr-Cyrl': 'Српски (ћирилица)', 'sr-Latn': 'Srpski (latinica)' };

interface Loaded {
  data: AtlasData;
  basemap: BasemapData;
  municipalities: Map<string, MunicipalityRecord>;
}

export function App() {
  const [url, setUrl] = useState(() => parseUrl(location.search));
  const [notices, setNotices] = useState<Notice[]>(url.notices);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chooser, setChooser] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [about, setAbout] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);
  const [panelWidth, setPanelWidth] = useState(0);
  const state = url.state;
  const locale = state.lang ?? localeFromBrowser(navigator.languages);
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('appTitle');
  }, [locale]);

  useEffect(() => {
    loadAtlas().then(
      ({ data, basemap }) => setLoaded({ data, basemap, municipalities: new Map(data.municipalities.map((m) => [m.id, m])) }),
      (error: Error) => setLoadError(error.message),
    );
    const onPop = () => setUrl(parseUrl(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const navigate = (patch: Partial<UrlState>) => {
    const next = { ...state, ...patch };
    history.pushState(null, '', toSearch(next) || location.pathname);
    setUrl({ state: next, notices: [] });
  };
  const select = (project: string | null) => {
    setChooser(null);
    navigate({ project });
  };

  const projects = loaded?.data.projects ?? [];
  const located = useMemo(() => projects.filter((p) => p.locations.length > 0), [projects]);
  const unplaced = useMemo(() => projects.filter((p) => p.locations.length === 0), [projects]);
  const summary = useMemo(() => summarize(projects), [projects]);
  const themeCounts = useMemo(() => projects.reduce((m, p) => m.set(p.theme, (m.get(p.theme) ?? 0) + 1), new Map<string, number>()), [projects]);
  const selected = state.project ? projects.find((p) => p.id === state.project) : undefined;
  // The details panel covers the right of the map: the map keeps the selected project beside it.
  useEffect(() => setPanelWidth(selected ? document.querySelector<HTMLElement>('.panel.details')?.offsetWidth ?? 0 : 0), [selected]);

  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <h1>{t('appTitle')}</h1>
          <p>{t('appSubtitle')}</p>
        </div>
        <nav class="actions">
          <button type="button" onClick={() => navigate({ view: state.view === 'list' ? 'map' : 'list' })}>
            {state.view === 'list' ? t('showMap') : t('showList')}
          </button>
          <button type="button" onClick={() => setAbout(true)}>
            {t('about')}
          </button>
          <label class="language">
            {t('language')}{' '}
            <select value={locale} onChange={(e) => navigate({ lang: (e.target as HTMLSelectElement).value as Locale })}>
              {(Object.keys(LANGUAGE_NAMES) as Locale[]).map((l) => (
                <option value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </header>

      {notices.length > 0 && (
        <div class="notices" role="note">
          <ul>
            {notices.map((n) => (
              <li>{n.reason === 'unknown-parameter' ? t('noticeUnknownParam', { param: n.param }) : t('noticeInvalidValue', { param: n.param, value: n.value })}</li>
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
      ) : !loaded ? (
        <main class="loading" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      ) : (
        <main class="body">
          <aside class="side">
            <StatusLine summary={summary} i18n={i18n} />
            <Legend i18n={i18n} counts={themeCounts} />
            {unplaced.length > 0 && (
              <details class="unplaced">
                <summary>{t('notOnMap', { n: unplaced.length })}</summary>
                <p class="note">{t('notOnMapWhy')}</p>
                <ProjectButtonList projects={unplaced} i18n={i18n} onSelect={select} />
              </details>
            )}
          </aside>
          <section class="stage">
            <div class="map-wrap" hidden={state.view !== 'map'}>
              {mapError && (
                <p role="alert" class="failure">
                  {t('mapFailed', { reason: mapError })}
                </p>
              )}
              <ErrorBoundary fallback={(reason) => <p role="alert" class="failure">{t('mapFailed', { reason })}</p>}>
                <MapView
                  basemap={loaded.basemap}
                  projects={located}
                  cyrillic={usesCyrillic(locale)}
                  selected={state.project}
                  obscuredRight={panelWidth}
                  label={t('mapLabel')}
                  onSelect={select}
                  onChoose={(ids, at) => setChooser({ ids, at })}
                  onError={setMapError}
                />
              </ErrorBoundary>
            </div>
            {state.view === 'list' && <ProjectTable projects={projects} municipalities={loaded.municipalities} i18n={i18n} selected={state.project} onSelect={select} />}
          </section>
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
          {about && <AboutDialog data={loaded.data} i18n={i18n} onClose={() => setAbout(false)} />}
        </main>
      )}
    </div>
  );
}
