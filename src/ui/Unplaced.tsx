/** The projects the map cannot show (no place found), as a list that is made only while it is open. */
import { useState } from 'preact/hooks';
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { BUTTONS_PAGE, ProjectButtonList } from './ProjectButtonList';
import { usePage } from './usePage';

export function Unplaced({ projects, i18n, onSelect }: { projects: readonly Project[]; i18n: I18n; onSelect(id: string): void }) {
  const [open, setOpen] = useState(false);
  const { limit, more } = usePage(BUTTONS_PAGE, i18n);
  if (!projects.length) return null;
  return (
    <details class="unplaced" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{i18n.t('notOnMap', { n: projects.length })}</summary>
      <p class="note">{i18n.t('notOnMapWhy')}</p>
      {open && <ProjectButtonList projects={projects.slice(0, limit)} more={more(projects.length)} i18n={i18n} onSelect={onSelect} />}
    </details>
  );
}
