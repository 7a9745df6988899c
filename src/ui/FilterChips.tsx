/** The active filters as removable chips, and "clear all". */
import { FACETS, NO_FILTERS, toggle, type Filters } from '../core/filters';
import { budgetLabel, optionLabel, type LabelContext } from './labels';

export function FilterChips({ filters, ctx, onChange }: { filters: Filters; ctx: LabelContext; onChange(f: Filters): void }) {
  const { t } = ctx.i18n;
  const chips: { key: string; label: string; remove: () => Filters }[] = [];
  for (const facet of FACETS) {
    for (const value of filters[facet] as string[]) {
      chips.push({ key: `${facet}:${value}`, label: `${t(`facet_${facet}`)}: ${optionLabel(facet, value, ctx)}`, remove: () => toggle(filters, facet, value) });
    }
  }
  if (filters.budget) chips.push({ key: 'budget', label: `${t('facet_budget')}: ${budgetLabel(filters.budget, ctx.i18n)}`, remove: () => ({ ...filters, budget: null }) });
  if (filters.q.trim()) chips.push({ key: 'q', label: `${t('search')}: “${filters.q}”`, remove: () => ({ ...filters, q: '' }) });
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
