/** The projects the map cannot show (no place found), as a list that is asked for only while it is open. */
import { useState } from 'preact/hooks';
import type { RowsPage } from '../core/rows';
import type { I18n } from '../i18n';
import { BUTTONS_PAGE, RowButtons } from './ProjectButtonList';
import { usePagedRows } from './usePage';

interface Props {
  /** How many of the selection have no place. */
  count: number;
  /** Their first `limit` rows; null while they come. */
  rows(limit: number): RowsPage | null;
  /** Why the rows cannot come (said in place of "loading"); null: they are coming. */
  unavailable: string | null;
  i18n: I18n;
  onSelect(id: string): void;
}

export function Unplaced({ count, rows, unavailable, i18n, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  const paged = usePagedRows(open ? rows : null, BUTTONS_PAGE, i18n);
  if (!count) return null;
  return (
    <details class="unplaced" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{i18n.t('notOnMap', { n: count })}</summary>
      <p class="note">{i18n.t('notOnMapWhy')}</p>
      {open && <RowButtons rows={paged} unavailable={unavailable} i18n={i18n} onSelect={onSelect} />}
    </details>
  );
}
