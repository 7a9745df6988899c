/** How a project is named in a UI language. */
import type { Project } from '../core/types';
import type { I18n } from './index';

/** The title in the UI language's preferred title languages where the source has one (see programme.json). */
export function projectTitle(p: Project, i18n: I18n): string {
  const title = i18n.title(p.title);
  if (title) return title;
  // "Untitled project (Montana – Pirot)": the partners' places, by country code.
  const places = [...new Map(
    [...p.locations]
      .filter((l) => l.method !== 'site')
      .sort((a, b) => a.country.localeCompare(b.country))
      .map((l) => [l.settlementId, i18n.place(l.names)]),
  ).values()];
  if (places.length) return i18n.t('untitled', { places: places.join(' – ') });
  // Not on the map: the first partner's name, else the period, tells untitled projects apart.
  const hint = p.partners[0]?.name ?? p.period ?? i18n.t('periodUnknown');
  return i18n.t('untitled', { places: hint });
}
