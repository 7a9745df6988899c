/**
 * The app state that lives in the URL, parsed and written by pure functions. Unknown or invalid
 * parameters are dropped and reported as notices, never thrown.
 */
import { isLocale, type Locale } from '../i18n/locales';

export const VIEWS = ['map', 'list'] as const;
export type View = (typeof VIEWS)[number];

export interface UrlState {
  /** null: follow the browser's languages. */
  lang: Locale | null;
  project: string | null;
  view: View;
}

export const DEFAULT_STATE: UrlState = { lang: null, project: null, view: 'map' };

export type Notice = { param: string; value: string; reason: 'unknown-parameter' | 'invalid-value' };

const KNOWN = ['lang', 'project', 'view'];
/** Ids are programme codes or slugs: printable, no spaces, bounded. */
const PROJECT_ID = /^[\p{L}\p{N}._/-]{1,120}$/u;

export function parseUrl(search: string): { state: UrlState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_STATE };
  const notices: Notice[] = [];
  for (const [param, value] of params) {
    if (!KNOWN.includes(param)) notices.push({ param, value, reason: 'unknown-parameter' });
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (isLocale(lang)) state.lang = lang;
    else notices.push({ param: 'lang', value: lang, reason: 'invalid-value' });
  }
  const project = params.get('project');
  if (project !== null) {
    if (PROJECT_ID.test(project)) state.project = project;
    else notices.push({ param: 'project', value: project, reason: 'invalid-value' });
  }
  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as View;
    else notices.push({ param: 'view', value: view, reason: 'invalid-value' });
  }
  return { state, notices };
}

/** Only what differs from the defaults, in a fixed order, so equal states give equal URLs. */
export function toSearch(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lang) params.set('lang', state.lang);
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.project) params.set('project', state.project);
  const s = params.toString();
  return s ? `?${s}` : '';
}
