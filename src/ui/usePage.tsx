/**
 * A long list shown a page at a time, with "Show N more (of M)": tens of thousands of rows at once
 * would hold the page for seconds. Its rows may come later than asked (a large dataset's worker
 * makes them): the last ones stay shown, marked busy, until the new ones are in.
 */
import { useRef, useState } from 'preact/hooks';
import type { RowsPage } from '../core/rows';
import type { I18n } from '../i18n';

export function usePage(size: number, i18n: I18n): { limit: number; more(total: number): preact.JSX.Element | null } {
  const [limit, setLimit] = useState(size);
  return {
    limit,
    more(total) {
      const left = total - limit;
      return left > 0 ? (
        <button type="button" class="more" onClick={() => setLimit(limit + size)}>
          {i18n.t('showMore', { n: i18n.count(Math.min(size, left)), left: i18n.count(left) })}
        </button>
      ) : null;
    },
  };
}

/** The page of rows asked for, else (while it comes) the last one shown, `stale`. */
export function useKeptPage(page: RowsPage | null): { page: RowsPage | null; stale: boolean } {
  const kept = useRef<RowsPage | null>(null);
  if (page) kept.current = page;
  return { page: page ?? kept.current, stale: !page && !!kept.current };
}
