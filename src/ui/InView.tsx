/**
 * The projects with a site in the map's view, as a list: the keyboard's way to the sites on the map.
 * An entry with the focus shows its project (and partner lines) on the map; Enter opens it, and
 * the map keeps it beside the details. Asked for only while the list is open.
 */
import { useState } from 'preact/hooks';
import type { Box, RowsPage } from '../core/rows';
import type { I18n } from '../i18n';
import { BUTTONS_PAGE, RowButtons } from './ProjectButtonList';
import { usePagedRows } from './usePage';

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
  const paged = usePagedRows(open && bounds ? (limit) => rows(bounds, limit) : null, BUTTONS_PAGE, i18n);
  const shown = open ? paged.page : null;
  return (
    <details class="in-view" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{shown ? i18n.t('inView', { n: shown.total }) : i18n.t('inViewClosed')}</summary>
      {open && <RowButtons rows={paged} unavailable={unavailable} i18n={i18n} onSelect={onSelect} onPoint={onPoint} />}
    </details>
  );
}
