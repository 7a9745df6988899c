/** Theme colours with their names: the map's key. */
import { THEME_IDS } from '../core/themes';
import type { I18n } from '../i18n';
import { ThemeSwatch } from './ThemeSwatch';

/** `dense`: the number of sites when the map draws per-municipality counts at overview zooms. */
export function Legend({ i18n, counts, dense }: { i18n: I18n; counts: Map<string, number>; dense: number | null }) {
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{i18n.t('legend')}</h2>
      <ul>
        {[...THEME_IDS, 'unclassified' as const].map((theme) => (
          <li key={theme}>
            <ThemeSwatch theme={theme} /> {i18n.theme(theme)} <span class="meta">({counts.get(theme) ?? 0})</span>
          </li>
        ))}
      </ul>
      {dense !== null && <p class="note">{i18n.t('denseMap', { n: dense })}</p>}
    </section>
  );
}
