/**
 * Every project in the selection as a sortable table: the accessible alternative to the map. Rows
 * come 200 at a time ("Show more"): a filter replaces every row shown, and a large dataset's 10,000
 * rows at once hold the page for seconds (500 took it a third of a second at 100k sites).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { mark } from '../core/marks';
import { placesOf, type ListColumn, type ListOrder, type ListWording, type RowsPage } from '../core/rows';
import type { I18n } from '../i18n';
import { projectTitle } from '../i18n/projectTitle';
import { amountText } from './format';
import { ThemeSwatch } from './ThemeSwatch';
import { usePagedRows } from './usePage';

interface Props {
  /** The selection's first `limit` rows in `order`; null while they come. */
  rows(order: ListOrder, limit: number): RowsPage | null;
  /** Why the rows cannot come (said in place of "loading"); null: they are coming. */
  unavailable: string | null;
  wording: ListWording;
  i18n: I18n;
  selected: string | null;
  onSelect(id: string): void;
  /** Above the table: what can be done with the whole list (its download). */
  actions?: ComponentChildren;
}

const TABLE_PAGE = 200;

export function ProjectTable({ rows, unavailable, wording, i18n, selected, onSelect, actions }: Props) {
  const { t } = i18n;
  const [sort, setSort] = useState<ListOrder>({ column: 'budget', descending: true });
  const { page, stale, more } = usePagedRows((limit) => rows(sort, limit), TABLE_PAGE, i18n);
  // Effects run after the rows are in the DOM: the benchmark's "list updated" point.
  useEffect(() => {
    if (page && !stale) mark('atlas:list-updated');
  }, [page, stale]);
  if (!page)
    return (
      <div class="table-wrap" aria-busy={!unavailable}>
        <p role="status">{unavailable ?? t('projectsLoading')}</p>
      </div>
    );
  const header = (column: ListColumn, label: string) => (
    <th scope="col" aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort({ column, descending: sort.column === column ? !sort.descending : column === 'budget' })}>
        {label} <span aria-hidden="true">{sort.column === column ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
  return (
    <div class="table-wrap">
      {actions && <div class="table-actions">{actions}</div>}
      <table class="projects" aria-busy={stale || undefined}>
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
          {page.rows.map((p) => (
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
              <td>{placesOf(p, wording) || '—'}</td>
              <td class="num">{amountText(p.total, i18n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
    </div>
  );
}
