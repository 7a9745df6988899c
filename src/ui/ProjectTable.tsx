/** Every project in the selection as a table: the accessible alternative to the map. */
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { projectTitle } from '../app/labels';
import { amountText } from './format';
import { ThemeSwatch } from './ThemeSwatch';

interface Props {
  projects: readonly Project[];
  municipalities: Map<string, MunicipalityRecord>;
  i18n: I18n;
  selected: string | null;
  onSelect(id: string): void;
}

export function ProjectTable({ projects, municipalities, i18n, selected, onSelect }: Props) {
  const { t } = i18n;
  const places = (p: Project) =>
    [...new Set(p.locations.map((l) => l.municipalityId))]
      .map((id) => municipalities.get(id))
      .map((m) => (m ? i18n.place(m.nameLat, m.nameCyr) : ''))
      .join(', ');
  return (
    <div class="table-wrap">
      <table class="projects">
        <caption>{t('allProjectsList')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colPeriod')}</th>
            <th scope="col">{t('colTheme')}</th>
            <th scope="col">{t('colPlaces')}</th>
            <th scope="col">{t('colBudget')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} aria-selected={p.id === selected}>
              <th scope="row">
                <button type="button" class="link" onClick={() => onSelect(p.id)}>
                  {projectTitle(p, i18n)}
                </button>
              </th>
              <td>{p.period ?? t('periodUnknown')}</td>
              <td>
                <ThemeSwatch theme={p.theme} /> {i18n.theme(p.theme)}
              </td>
              <td>{places(p) || '—'}</td>
              <td class="num">{amountText(p.total, i18n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
