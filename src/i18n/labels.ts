/**
 * Words for what the data names by id, in a UI language: filter values, the active filters as a
 * whole (chips, the map image's title and story cards say them the same way), municipalities, stories.
 */
import { FACETS, type Facet, type Filters } from '../core/filters';
import { sourcesFor, sourceUse } from '../core/population';
import type { PopulationSource } from '../core/programme';
import type { Story, Written } from '../core/stories';
import type { ListWording } from '../core/rows';
import { ALL_THEMES, type ThemeId } from '../core/themes';
import type { MunicipalityRecord, Objective, Population } from '../core/types';
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
/** The words a list of projects is named and sorted in (made once per language and dataset). */
export function listWording(i18n: I18n, municipalities: ReadonlyMap<string, MunicipalityRecord>): ListWording {
  return {
    ...i18n.wording,
    collation: i18n.language.intl,
    themes: Object.fromEntries(ALL_THEMES.map((theme) => [theme, i18n.theme(theme)])),
    municipalities: Object.fromEntries([...municipalities.values()].map((m) => [m.id, i18n.place(m.names)])),
  };
}

export function municipalityName(id: string, municipalities: ReadonlyMap<string, MunicipalityRecord>, i18n: I18n): string {
  const m = municipalities.get(id);
  return m ? i18n.place(m.names) : id;
}

/** One active filter: its facet (or the budget range, or the search) and its value in words. */
export interface FilterWords {
  facet: Facet | 'budget' | 'year' | 'q';
  value: string;
  words: string;
}

/** Every active filter in words, in the facets' order, then the budget range, the year and the search. */
export function filterWords(filters: Filters, ctx: LabelContext): FilterWords[] {
  const words: FilterWords[] = FACETS.flatMap((facet) => (filters[facet] as string[]).map((value) => ({ facet, value, words: optionLabel(facet, value, ctx) })));
  if (filters.budget) words.push({ facet: 'budget', value: '', words: budgetLabel(filters.budget, ctx.i18n) });
  if (filters.year) words.push({ facet: 'year', value: String(filters.year.year), words: ctx.i18n.t(`yearWords_${filters.year.mode}`, { year: filters.year.year }) });
  if (filters.q.trim()) words.push({ facet: 'q', value: filters.q, words: `“${filters.q.trim()}”` });
  return words;
}

/** A presenter's own words in the UI language, else in the first of the programme's languages that has them. */
export const writtenIn = (text: Written, i18n: I18n): string =>
  [i18n.locale, ...i18n.programme.languages.map((l) => l.id)].map((l) => text[l]).find((t) => t?.trim()) ?? '';

export function storyTitle(story: Story, i18n: I18n): string {
  const { title } = story;
  if (title.key === 'storyWritten') return writtenIn(title.text, i18n);
  return title.key === 'storyTheme' ? i18n.t('storyTheme', { theme: i18n.theme(title.theme as ThemeId) }) : i18n.t(title.key);
}

/** Budget per inhabitant: euros to the cent (the choropleth key, the chart and the profile say it alike). */
export const perInhabitantMoney = (value: number, i18n: I18n): string => i18n.money(Math.round(value * 100) / 100);

/** "census 2022 (RZS)". */
export const populationSourceName = (source: PopulationSource, i18n: I18n): string =>
  i18n.t(`populationSource_${source.kind}`, { year: source.year, by: source.by[i18n.locale] });

/** "49,601 (census 2022 (RZS), as of 30 September 2022)", or why it is not known. */
export function populationWords(population: Population | null, country: string, i18n: I18n): string {
  const sources = i18n.programme.population;
  if (!population) {
    const tried = sourcesFor(country, sources).map((s) => populationSourceName(s, i18n));
    return tried.length ? i18n.t('populationNone', { sources: tried.join(', ') }) : i18n.t('populationNoSource');
  }
  const source = sources.find((s) => s.id === population.source);
  if (!source) return i18n.count(population.count);
  const date = source.referenceDate ? `, ${i18n.t('populationAsOf', { date: i18n.date(source.referenceDate) })}` : '';
  return `${i18n.count(population.count)} (${populationSourceName(source, i18n)}${date})`;
}

/** Which source each programme-area municipality's figure is from, in the sources' order: names and counts, and how many have none. */
export function populationUse(municipalities: Iterable<MunicipalityRecord>, i18n: I18n): { uses: { name: string; count: number }[]; none: number } {
  const { uses, none } = sourceUse([...municipalities].filter((m) => m.inArea), i18n.programme.population);
  return { uses: uses.map((u) => ({ name: populationSourceName(u.source, i18n), count: u.count })), none };
}
