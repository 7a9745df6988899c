/**
 * A list of projects as buttons that open their details (the unplaced, a stack, the projects in
 * view), a page at a time (./usePage: `more` asks for the next).
 */
import type { ProjectRow } from '../core/rows';
import type { I18n } from '../i18n';
import { projectTitle } from '../i18n/projectTitle';
import { ThemeSwatch } from './ThemeSwatch';
import type { PagedRows } from './usePage';

interface Props {
  projects: readonly ProjectRow[];
  /** The button that shows more of them, if there are more. */
  more?: preact.JSX.Element | null;
  /** The rows are being replaced (a newer page is coming). */
  busy?: boolean;
  i18n: I18n;
  onSelect(id: string): void;
  /** A project's entry has the focus or the pointer (null: none), so that the map can show it. */
  onPoint?(id: string | null): void;
}

/** Rows per page of such a list. */
export const BUTTONS_PAGE = 200;

export function ProjectButtonList({ projects, more, busy, i18n, onSelect, onPoint }: Props) {
  return (
    <ul class="project-buttons" aria-busy={busy || undefined}>
      {projects.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            data-project={p.id}
            onClick={() => onSelect(p.id)}
            onFocus={() => onPoint?.(p.id)}
            onBlur={() => onPoint?.(null)}
            onMouseEnter={() => onPoint?.(p.id)}
            onMouseLeave={() => onPoint?.(null)}
          >
            <ThemeSwatch theme={p.theme} />
            {projectTitle(p, i18n)}
            <span class="meta"> · {p.period ?? i18n.t('periodUnknown')}</span>
          </button>
        </li>
      ))}
      {more && <li>{more}</li>}
    </ul>
  );
}

/** A list's rows as buttons once they are in; until then why they cannot come, or that they are loading. */
export function RowButtons({ rows: { page, stale, more }, unavailable, i18n, onSelect, onPoint }: { rows: PagedRows; unavailable: string | null } & Pick<Props, 'i18n' | 'onSelect' | 'onPoint'>) {
  if (page) return <ProjectButtonList projects={page.rows} more={more} busy={stale} i18n={i18n} onSelect={onSelect} onPoint={onPoint} />;
  return unavailable ? <p>{unavailable}</p> : <p aria-busy="true">{i18n.t('projectsLoading')}</p>;
}
