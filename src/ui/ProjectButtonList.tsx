/** A list of projects as buttons that open their details (used for the unplaced and for stacks). */
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { ThemeSwatch } from './ThemeSwatch';
import { projectTitle } from '../i18n/projectTitle';

export function ProjectButtonList({ projects, i18n, onSelect }: { projects: readonly Project[]; i18n: I18n; onSelect(id: string): void }) {
  return (
    <ul class="project-buttons">
      {projects.map((p) => (
        <li key={p.id}>
          <button type="button" data-project={p.id} onClick={() => onSelect(p.id)}>
            <ThemeSwatch theme={p.theme} />
            {projectTitle(p, i18n)}
            <span class="meta"> · {p.period ?? i18n.t('periodUnknown')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
