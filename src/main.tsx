import { render } from 'preact';
// Noto Sans cut down to the characters of the catalogues, the programme and the data (data-plugin.ts).
import 'virtual:atlas-fonts.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadAtlas, loadProgramme } from './dataset/load';
import { catalogueId } from './i18n';
import { loadCatalogue } from './i18n/catalogues';
import type { Messages } from './i18n/en';
import { startLocale } from './i18n/locales';
import './styles.css';

// The data is fetched from the start, beside the first language's catalogue (handled: the app reports a failure).
const atlas = loadAtlas();
atlas.catch(() => undefined);

/**
 * The atlas of the bundled programme, drawn once the catalogue of its first language is here; a
 * faulty descriptor, or a catalogue that cannot load, shows its error instead.
 */
function Atlas() {
  const programme = useMemo(loadProgramme, []);
  const [first, setFirst] = useState<Record<string, Messages> | Error | null>(null);
  useEffect(() => {
    const id = catalogueId(startLocale(location.search, navigator.languages, programme), programme);
    loadCatalogue(id).then((messages) => setFirst({ [id]: messages }), setFirst);
  }, []);
  if (first instanceof Error) throw first;
  return first && <App programme={programme} catalogues={first} load={() => atlas} />;
}

const root = document.getElementById('app')!;
render(
  <ErrorBoundary
    fallback={(message) => (
      <main class="failure">
        <h1>Cooperation Atlas</h1>
        <p role="alert">{message}</p>
      </main>
    )}
  >
    <Atlas />
  </ErrorBoundary>,
  root,
);
