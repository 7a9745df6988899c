/**
 * The page's language: its catalogue loads when the language is first asked for (the first one
 * before the page draws, in main.tsx); until a new one has arrived the page stays in the language
 * it was in, so a switch never shows keys or a blank page.
 */
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { Programme } from '../core/programme';
import { catalogueId, createI18n, type I18n } from '../i18n';
import { loadCatalogue } from '../i18n/catalogues';
import type { Messages } from '../i18n/en';

export function useI18n(locale: string, programme: Programme, first: Readonly<Record<string, Messages>>): { i18n: I18n; failure: string | null } {
  const [{ catalogues, failure }, dispatch] = useReducer(
    (s: { catalogues: Readonly<Record<string, Messages>>; failure: string | null }, a: { id: string; messages: Messages } | { failure: string }) =>
      'failure' in a ? { ...s, failure: a.failure } : { catalogues: { ...s.catalogues, [a.id]: a.messages }, failure: null },
    { catalogues: first, failure: null },
  );
  const wanted = catalogueId(locale, programme);
  useEffect(() => {
    if (!catalogues[wanted]) void loadCatalogue(wanted).then((messages) => dispatch({ id: wanted, messages }), (e: Error) => dispatch({ failure: e.message }));
  }, [wanted]);
  const shown = useRef(locale);
  if (catalogues[wanted]) shown.current = locale;
  const i18n = useMemo(() => createI18n(shown.current, programme, catalogues), [shown.current, catalogues]);
  return { i18n, failure };
}
