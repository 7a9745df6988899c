/**
 * Words for what the data names by id, in a UI language: filter values, the active filters as a
 * whole (chips, the map image's title and story cards say them the same way), municipalities, stories.
 */
import { FACETS, type Facet, type Filters } from '../core/filters';
import type { Story } from '../core/stories';
import type { ThemeId } from '../core/themes';
import type { MunicipalityRecord, Objective } from '../core/types';
import type { I18n } from '.';

export interface LabelContext {
  i18n: I18n;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  districts: ReadonlyMap<string, MunicipalityRecord>;
  objectives: ReadonlyMap<string, Objective>;
}

export function optionLabel(facet: Facet, value: string, { i18n, municipalities, districts, objectives }: LabelContext): string {
  const { t } = i18n;
  switch (facet) {
    case 'themes':
      return i18n.theme(value as ThemeId);
    case 'periods':
      return value === 'unknown' ? t('period_unknown') : value;
    case 'types':
      return value === 'unknown' ? t('type_unknown') : t(`type_${value as 'investment' | 'soft'}`);
    case 'countries':
      return i18n.country(value);
    case 'districts': {
      const m = districts.get(value);
      return m ? i18n.place(m.districtNames) : value;
    }
    case 'municipalities':
      return municipalityName(value, municipalities, i18n);
    case 'objectives': {
      const o = objectives.get(value);
      return o ? `${o.period} · ${o.code.startsWith('PA') ? o.code.replace('PA', '') : o.code} ${o.name}` : value;
    }
  }
}

export function budgetLabel(budget: NonNullable<Filters['budget']>, i18n: I18n): string {
  const { min, max } = budget;
  if (min !== null && max !== null) return i18n.t('budgetRange', { min: i18n.moneyShort(min), max: i18n.moneyShort(max) });
  return min !== null ? i18n.t('budgetFrom', { min: i18n.moneyShort(min) }) : i18n.t('budgetUpTo', { max: i18n.moneyShort(max ?? 0) });
}

/** A municipality's name in the UI language's script; its id when the dataset does not know it. */
export function municipalityName(id: string, municipalities: ReadonlyMap<string, MunicipalityRecord>, i18n: I18n): string {
  const m = municipalities.get(id);
  return m ? i18n.place(m.names) : id;
}

/** One active filter: its facet (or the budget range, or the search) and its value in words. */
export interface FilterWords {
  facet: Facet | 'budget' | 'q';
  value: string;
  words: string;
}

/** Every active filter in words, in the facets' order, then the budget range and the search. */
export function filterWords(filters: Filters, ctx: LabelContext): FilterWords[] {
  const words: FilterWords[] = FACETS.flatMap((facet) => (filters[facet] as string[]).map((value) => ({ facet, value, words: optionLabel(facet, value, ctx) })));
  if (filters.budget) words.push({ facet: 'budget', value: '', words: budgetLabel(filters.budget, ctx.i18n) });
  if (filters.q.trim()) words.push({ facet: 'q', value: filters.q, words: `“${filters.q.trim()}”` });
  return words;
}

export function storyTitle(story: Story, i18n: I18n): string {
  const { title } = story;
  return title.key === 'storyTheme' ? i18n.t('storyTheme', { theme: i18n.theme(title.theme as ThemeId) }) : i18n.t(title.key);
}
