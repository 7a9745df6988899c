/**
 * A long list shown a page at a time, with "Show N more (of M)": tens of thousands of rows at once
 * would hold the page for seconds.
 */
import { useState } from 'preact/hooks';
import type { I18n } from '../i18n';

export function usePage<T>(items: readonly T[], size: number, i18n: I18n): { shown: readonly T[]; more: preact.JSX.Element | null } {
  const [count, setCount] = useState(size);
  const left = items.length - count;
  return {
    shown: items.slice(0, count),
    more:
      left > 0 ? (
        <button type="button" class="more" onClick={() => setCount(count + size)}>
          {i18n.t('showMore', { n: i18n.count(Math.min(size, left)), left: i18n.count(left) })}
        </button>
      ) : null,
  };
}
