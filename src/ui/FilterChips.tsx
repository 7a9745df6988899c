/** The active filters as removable chips, and "clear all". */
import { NO_FILTERS, toggle, type Filters } from '../core/filters';
import { filterWords, type FilterWords, type LabelContext } from '../i18n/labels';

const without = (filters: Filters, { facet, value }: FilterWords): Filters =>
  facet === 'budget' ? { ...filters, budget: null } : facet === 'year' ? { ...filters, year: null } : facet === 'q' ? { ...filters, q: '' } : toggle(filters, facet, value);

export function FilterChips({ filters, ctx, onChange }: { filters: Filters; ctx: LabelContext; onChange(f: Filters): void }) {
  const { t } = ctx.i18n;
  const chips = filterWords(filters, ctx).map((w) => ({ key: `${w.facet}:${w.value}`, label: `${t(w.facet === 'q' ? 'search' : `facet_${w.facet}`)}: ${w.words}`, remove: () => without(filters, w) }));
  if (!chips.length) return null;
  return (
    <section class="chips" aria-label={t('activeFilters')}>
      <ul>
        {chips.map((c) => (
          <li key={c.key}>
            <button type="button" class="chip" aria-label={t('removeFilter', { label: c.label })} onClick={() => onChange(c.remove())}>
              {c.label} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="clear" onClick={() => onChange(NO_FILTERS)}>
        {t('clearAll')}
      </button>
      {filters.budget && <p class="note">{t('budgetFilterNote')}</p>}
    </section>
  );
}
