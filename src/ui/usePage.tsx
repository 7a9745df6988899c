/**
 * A long list shown a page at a time, with "Show N more (of M)": tens of thousands of rows at once
 * would hold the page for seconds. Its rows may come later than asked (a large dataset's worker
 * makes them): the last ones stay shown, marked stale, until the new ones are in.
 */
import { useRef, useState } from 'preact/hooks';
import type { RowsPage } from '../core/rows';
import type { I18n } from '../i18n';

export interface PagedRows {
  /** The rows asked for, else (while they come) the last ones shown; null before any came. */
  page: RowsPage | null;
  /** `page` is the last one shown, the one asked for is coming. */
  stale: boolean;
  /** The button that shows the next `size` rows, when there are more. */
  more: preact.JSX.Element | null;
}

/** The first rows of a list, `size` more each time its button is pressed; `ask` (null: nothing asked) gives the first `limit`, or null while they come. */
export function usePagedRows(ask: ((limit: number) => RowsPage | null) | null, size: number, i18n: I18n): PagedRows {
  const [limit, setLimit] = useState(size);
  const kept = useRef<RowsPage | null>(null);
  const asked = ask?.(limit) ?? null;
  if (asked) kept.current = asked;
  const page = asked ?? kept.current;
  const left = page ? page.total - limit : 0;
  return {
    page,
    stale: !asked && !!kept.current,
    more:
      left > 0 ? (
        <button type="button" class="more" onClick={() => setLimit(limit + size)}>
          {i18n.t('showMore', { n: i18n.count(Math.min(size, left)), left: i18n.count(left) })}
        </button>
      ) : null,
  };
}
