/** The theme key: each theme's colour from the theme scale, its name and how many selected projects it has. */
import type { ThemeId } from '../core/themes';
import type { I18n } from '../i18n';
import type { ThemeScale } from '../palette/scales';
import { ThemeSwatch } from './ThemeSwatch';

/** The themes with their colours and names; with `onlyPresent`, those with selected projects only (the PNG's key). */
export function themeKey(scale: ThemeScale, counts: ReadonlyMap<ThemeId, number>, i18n: I18n, { onlyPresent = false } = {}) {
  return scale.domain.filter((theme) => !onlyPresent || counts.get(theme)).map((theme) => ({ theme, color: scale.color(theme), label: i18n.theme(theme), count: counts.get(theme) ?? 0 }));
}

/** `dense`: the number of sites when the map draws per-municipality counts at overview zooms. */
export function Legend({ i18n, scale, counts, dense }: { i18n: I18n; scale: ThemeScale; counts: ReadonlyMap<ThemeId, number>; dense: number | null }) {
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{i18n.t('legend')}</h2>
      <ul>
        {themeKey(scale, counts, i18n).map(({ theme, label, count }) => (
          <li key={theme}>
            <ThemeSwatch theme={theme} /> {label} <span class="meta">({count})</span>
          </li>
        ))}
      </ul>
      <p class="note">{i18n.t('legendLines')}</p>
      {dense !== null && <p class="note">{i18n.t('denseMap', { n: dense })}</p>}
    </section>
  );
}
