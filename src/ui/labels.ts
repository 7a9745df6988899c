/** Display labels for filter values, in the locale. */
import type { Facet, Filters } from '../core/filters';
import type { MunicipalityRecord, Objective } from '../core/types';
import type { I18n } from '../i18n';
import type { ThemeId } from '../core/themes';

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
    case 'municipalities': {
      const m = municipalities.get(value);
      return m ? i18n.place(m.names) : value;
    }
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
