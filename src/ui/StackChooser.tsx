/** Several projects under one click: a small dialog to choose one. */
import { useRef } from 'preact/hooks';
import type { RowsPage } from '../core/rows';
import type { I18n } from '../i18n';
import { useDismiss } from './dismiss';
import { BUTTONS_PAGE, RowButtons } from './ProjectButtonList';
import { usePagedRows } from './usePage';

interface Props {
  /** The first `limit` of the projects here; null while they come. */
  rows(limit: number): RowsPage | null;
  /** How many projects are here. */
  count: number;
  /** Why their rows cannot come (said in place of the list); null: they are coming. */
  unavailable: string | null;
  at: { x: number; y: number };
  i18n: I18n;
  onSelect(id: string): void;
  onClose(): void;
}

export function StackChooser({ rows, count, unavailable, at, i18n, onSelect, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const paged = usePagedRows(rows, BUTTONS_PAGE, i18n);
  useDismiss(ref, onClose, () => ref.current?.querySelector<HTMLElement>('.project-buttons button'), paged.page?.rows[0]?.id ?? null);
  const style = { left: `${Math.min(at.x + 8, innerWidth - 340)}px`, top: `${Math.min(at.y + 8, innerHeight - 320)}px` };
  return (
    <div ref={ref} class="chooser" role="dialog" aria-label={i18n.t('projectsHere', { n: count })} style={style}>
      <div class="chooser-head">
        <strong>{i18n.t('projectsHere', { n: count })}</strong>
        <button type="button" class="close" onClick={onClose} aria-label={i18n.t('close')}>
          ×
        </button>
      </div>
      <RowButtons rows={paged} unavailable={unavailable} i18n={i18n} onSelect={onSelect} />
    </div>
  );
}
