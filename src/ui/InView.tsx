/**
 * The projects with a site in the map's view, as a list: the keyboard's way to the sites on the map.
 * An entry with the focus shows its project (and partner lines) on the map; Enter opens it, and
 * the map keeps it beside the details. Asked for only while the list is open.
 */
import { useState } from 'preact/hooks';
import type { Box, RowsPage } from '../core/rows';
import type { I18n } from '../i18n';
import { BUTTONS_PAGE, ProjectButtonList } from './ProjectButtonList';
import { useKeptPage, usePage } from './usePage';

interface Props {
  /** The selection's first `limit` rows with a place in `bounds`; null while they come. */
  rows(bounds: Box, limit: number): RowsPage | null;
  /** Why the rows cannot come (said in place of "loading"); null: they are coming. */
  unavailable: string | null;
  /** [west, south, east, north] of the map's view; null before the map has drawn. */
  bounds: Box | null;
  i18n: I18n;
  onSelect(id: string): void;
  onPoint(id: string | null): void;
}

export function InView({ rows, unavailable, bounds, i18n, onSelect, onPoint }: Props) {
  const [open, setOpen] = useState(false);
  const { limit, more } = usePage(BUTTONS_PAGE, i18n);
  const { page, stale } = useKeptPage(open && bounds ? rows(bounds, limit) : null);
  const shown = open ? page : null;
  return (
    <details class="in-view" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{shown ? i18n.t('inView', { n: shown.total }) : i18n.t('inViewClosed')}</summary>
      {open &&
        (shown ? (
          <ProjectButtonList projects={shown.rows} more={more(shown.total)} busy={stale} i18n={i18n} onSelect={onSelect} onPoint={onPoint} />
        ) : unavailable ? (
          <p>{unavailable}</p>
        ) : (
          <p aria-busy="true">{i18n.t('projectsLoading')}</p>
        ))}
    </details>
  );
}
