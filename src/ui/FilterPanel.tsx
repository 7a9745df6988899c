/**
 * Search and facets. Beside each option: how many projects it would give with the other active
 * filters. Municipalities, too many for checkboxes, are added from a list.
 */
import { toggle, type Facet, type Filters } from '../core/filters';
import { countryCodes, periodIds } from '../core/programme';
import { ALL_THEMES } from '../core/themes';
import { optionLabel, type LabelContext } from '../i18n/labels';

interface Props {
  /** For each option of each facet: how many projects it would give with the other filters (see state/view). */
  facets: Record<Facet, ReadonlyMap<string, number>>;
  filters: Filters;
  ctx: LabelContext;
  onChange(f: Filters, options?: { replace?: boolean }): void;
  /** The search box has the focus: a search is coming. */
  onSearchFocus?(): void;
}

export function FilterPanel({ facets: all, filters, ctx, onChange, onSearchFocus }: Props) {
  const { t } = ctx.i18n;
  const options: Record<Exclude<Facet, 'municipalities'>, string[]> = {
    periods: [...periodIds(ctx.i18n.programme), 'unknown'],
    themes: [...ALL_THEMES],
    objectives: [...ctx.objectives.keys()],
    types: ['investment', 'soft', 'unknown'],
    countries: countryCodes(ctx.i18n.programme),
    districts: [...ctx.districts.keys()].sort((a, b) => optionLabel('districts', a, ctx).localeCompare(optionLabel('districts', b, ctx))),
  };
  const group = (facet: Exclude<Facet, 'municipalities'>) => {
    const counts = all[facet];
    const chosen = filters[facet] as string[];
    // Programme priorities are many: only those with projects here, or chosen, are listed.
    const values = options[facet].filter((v) => facet !== 'objectives' || (counts.get(v) ?? 0) > 0 || chosen.includes(v));
    const fieldset = (
      <fieldset class={`facet facet-${facet}`} key={facet}>
        <legend class={facet === 'objectives' ? 'visually-hidden' : undefined}>{t(`facet_${facet}`)}</legend>
        {values.map((value) => (
          <label key={value}>
            <input type="checkbox" checked={chosen.includes(value)} onChange={() => onChange(toggle(filters, facet, value))} />
            {optionLabel(facet, value, ctx)} <span class="count">({counts.get(value) ?? 0})</span>
          </label>
        ))}
      </fieldset>
    );
    // The programme's priorities are a long list: folded unless one is chosen.
    return facet === 'objectives' ? (
      <details class="facet-fold" key={facet} open={chosen.length > 0}>
        <summary>
          {t(`facet_${facet}`)} <span class="count">({values.length})</span>
        </summary>
        {fieldset}
      </details>
    ) : (
      fieldset
    );
  };
  const municipalityCounts = all.municipalities;
  const addable = [...municipalityCounts.keys()]
    .filter((id) => !filters.municipalities.includes(id))
    .sort((a, b) => optionLabel('municipalities', a, ctx).localeCompare(optionLabel('municipalities', b, ctx)));
  return (
    <section class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('filters')}</h2>
      <label class="search">
        {t('search')}
        <input
          type="search"
          value={filters.q}
          maxLength={200}
          placeholder={t('searchHint')}
          onFocus={onSearchFocus}
          onInput={(e) => onChange({ ...filters, q: (e.target as HTMLInputElement).value }, { replace: true })}
        />
      </label>
      {group('periods')}
      {group('themes')}
      {group('objectives')}
      {group('types')}
      {group('countries')}
      {group('districts')}
      <fieldset class="facet facet-municipalities">
        <legend>{t('facet_municipalities')}</legend>
        {filters.municipalities.map((id) => (
          <label key={id}>
            <input type="checkbox" checked onChange={() => onChange(toggle(filters, 'municipalities', id))} />
            {optionLabel('municipalities', id, ctx)} <span class="count">({municipalityCounts.get(id) ?? 0})</span>
          </label>
        ))}
        <label class="add">
          {t('addMunicipality')}
          <select value="" onChange={(e) => (e.target as HTMLSelectElement).value && onChange(toggle(filters, 'municipalities', (e.target as HTMLSelectElement).value))}>
            <option value="">{t('choose')}</option>
            {addable.map((id) => (
              <option value={id} key={id}>
                {optionLabel('municipalities', id, ctx)} ({ctx.municipalities.get(id)?.country}) — {municipalityCounts.get(id)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </section>
  );
}
