/**
 * A list of projects as buttons that open their details (the unplaced, a stack, the projects in
 * view), a page at a time: a file opened in the page may hold 100,000 projects, and a button each
 * would hold the page for seconds.
 */
import { useState } from 'preact/hooks';
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { ThemeSwatch } from './ThemeSwatch';
import { projectTitle } from '../i18n/projectTitle';

interface Props {
  projects: readonly Project[];
  i18n: I18n;
  onSelect(id: string): void;
  /** A project's entry has the focus or the pointer (null: none), so that the map can show it. */
  onPoint?(id: string | null): void;
}

const PAGE = 200;

export function ProjectButtonList({ projects, i18n, onSelect, onPoint }: Props) {
  const [shown, setShown] = useState(PAGE);
  const left = projects.length - shown;
  return (
    <ul class="project-buttons">
      {projects.slice(0, shown).map((p) => (
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
      {left > 0 && (
        <li>
          <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
            {i18n.t('showMore', { n: i18n.count(Math.min(PAGE, left)), left: i18n.count(left) })}
          </button>
        </li>
      )}
    </ul>
  );
}
