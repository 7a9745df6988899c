/**
 * A list of projects as buttons that open their details (the unplaced, a stack, the projects in
 * view), 200 at a time (a file opened in the page may hold 100,000 projects).
 */
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { projectTitle } from '../i18n/projectTitle';
import { ThemeSwatch } from './ThemeSwatch';
import { usePage } from './usePage';

interface Props {
  projects: readonly Project[];
  i18n: I18n;
  onSelect(id: string): void;
  /** A project's entry has the focus or the pointer (null: none), so that the map can show it. */
  onPoint?(id: string | null): void;
}

export function ProjectButtonList({ projects, i18n, onSelect, onPoint }: Props) {
  const { shown, more } = usePage(projects, 200, i18n);
  return (
    <ul class="project-buttons">
      {shown.map((p) => (
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
