import { render } from 'preact';
// Noto Sans cut down to the characters of the catalogues, the programme and the data (data-plugin.ts).
import 'virtual:atlas-fonts.css';
import { useMemo } from 'preact/hooks';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadProgramme } from './dataset/load';
import './styles.css';

/** The atlas of the bundled programme; a faulty descriptor shows its error instead. */
function Atlas() {
  const programme = useMemo(loadProgramme, []);
  return <App programme={programme} />;
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
