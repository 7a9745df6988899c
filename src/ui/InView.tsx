/**
 * The projects with a site in the map's view, as a list: the keyboard's way to the sites on the map.
 * An entry with the focus shows its project (and partner lines) on the map; Enter opens it, and
 * the map keeps it beside the details. Computed only while the list is open.
 */
import { useState } from 'preact/hooks';
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { ProjectButtonList } from './ProjectButtonList';

interface Props {
  /** Null while the projects are loading, or when they cannot come. */
  projects: readonly Project[] | null;
  /** Why the projects cannot come (said in place of "loading"); null: they are coming. */
  unavailable: string | null;
  /** [west, south, east, north] of the map's view; null before the map has drawn. */
  bounds: readonly [number, number, number, number] | null;
  i18n: I18n;
  onSelect(id: string): void;
  onPoint(id: string | null): void;
}

const inBounds = (p: Project, [w, s, e, n]: readonly number[]) => p.locations.some((l) => l.lon >= w && l.lon <= e && l.lat >= s && l.lat <= n);

export function InView({ projects, unavailable, bounds, i18n, onSelect, onPoint }: Props) {
  const [open, setOpen] = useState(false);
  const shown = open && bounds && projects ? projects.filter((p) => inBounds(p, bounds)) : [];
  return (
    <details class="in-view" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{open && projects ? i18n.t('inView', { n: shown.length }) : i18n.t('inViewClosed')}</summary>
      {open && (projects ? <ProjectButtonList projects={shown} i18n={i18n} onSelect={onSelect} onPoint={onPoint} /> : unavailable ? <p>{unavailable}</p> : <p aria-busy="true">{i18n.t('projectsLoading')}</p>)}
    </details>
  );
}
