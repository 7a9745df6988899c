/** How a project is named in a locale. */
import type { I18n } from '../i18n';
import type { Project } from '../core/types';

/** The title in the locale's language where the source has it, else English, Bulgarian, Serbian. */
export function projectTitle(p: Project, i18n: I18n): string {
  const preferred = i18n.locale === 'bg' ? p.title.bg : i18n.locale.startsWith('sr') ? p.title.sr : p.title.en;
  const title = preferred ?? p.title.en ?? p.title.bg ?? p.title.sr;
  if (title) return title;
  // "Untitled project (Montana – Pirot)": the partners' places, Bulgarian side first.
  const places = [...new Map(
    [...p.locations]
      .filter((l) => l.method !== 'site')
      .sort((a, b) => a.country.localeCompare(b.country))
      .map((l) => [l.settlementId, i18n.place(l.nameLat, l.nameCyr)]),
  ).values()];
  if (places.length) return i18n.t('untitled', { places: places.join(' – ') });
  // Not on the map: the first partner's name, else the period, tells untitled projects apart.
  const hint = p.partners[0]?.name ?? p.period ?? i18n.t('periodUnknown');
  return i18n.t('untitled', { places: hint });
}
