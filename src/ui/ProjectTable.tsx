/**
 * Every project in the selection as a sortable table: the accessible alternative to the map. Rows
 * come 500 at a time ("Show more"): a large dataset's 10,000 rows at once hold the page for seconds.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { municipalityName } from '../i18n/labels';
import { projectTitle } from '../i18n/projectTitle';
import { amountText } from './format';
import { ThemeSwatch } from './ThemeSwatch';
import { usePage } from './usePage';

interface Props {
  /** Null while the projects are loading, or when they cannot come. */
  projects: readonly Project[] | null;
  /** Why the projects cannot come (said in place of "loading"); null: they are coming. */
  unavailable: string | null;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  selected: string | null;
  onSelect(id: string): void;
  /** Above the table: what can be done with the whole list (its download). */
  actions?: ComponentChildren;
}

type Column = 'title' | 'period' | 'theme' | 'places' | 'budget';

export function ProjectTable({ projects, ...rest }: Props) {
  if (!projects)
    return (
      <div class="table-wrap" aria-busy={!rest.unavailable}>
        <p role="status">{rest.unavailable ?? rest.i18n.t('projectsLoading')}</p>
      </div>
    );
  return <Table projects={projects} {...rest} />;
}

function Table({ projects, municipalities, i18n, selected, onSelect, actions }: Props & { projects: readonly Project[] }) {
  const { t } = i18n;
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'budget', descending: true });
  const places = (p: Project) =>
    [...new Set(p.locations.map((l) => l.municipalityId))].map((id) => municipalityName(id, municipalities, i18n)).join(', ');
  const key: Record<Column, (p: Project) => string | number> = {
    title: (p) => projectTitle(p, i18n),
    period: (p) => p.period ?? '9999',
    theme: (p) => i18n.theme(p.theme),
    places: (p) => places(p) || '\uffff',
    budget: (p) => p.total?.value ?? -1,
  };
  const collator = new Intl.Collator(i18n.locale);
  const rows = [...projects].sort((a, b) => {
    const [x, y] = [key[sort.column](a), key[sort.column](b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (sort.descending ? -order : order) || a.id.localeCompare(b.id);
  });
  const { shown, more } = usePage(rows, 500, i18n);
  const header = (column: Column, label: string) => (
    <th scope="col" aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort({ column, descending: sort.column === column ? !sort.descending : column === 'budget' })}>
        {label} <span aria-hidden="true">{sort.column === column ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
  return (
    <div class="table-wrap">
      {actions && <div class="table-actions">{actions}</div>}
      <table class="projects">
        <caption>{t('allProjectsList')}</caption>
        <thead>
          <tr>
            {header('title', t('colTitle'))}
            {header('period', t('colPeriod'))}
            {header('theme', t('colTheme'))}
            {header('places', t('colPlaces'))}
            {header('budget', t('colBudget'))}
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.id} aria-selected={p.id === selected} data-project={p.id}>
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
      {more}
    </div>
  );
}
