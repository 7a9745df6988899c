/**
 * What every part of the page shows, derived from the dataset and the state in one pure function:
 * the selection, the facet counts, the budget attribution, the charts' rows, the keys and the
 * map's overlays. The page lays it out; nothing below recomputes it.
 */
import { budgetBins, classBreaks, municipalityValues, themeRows, yearColumns, type BudgetBin, type ChoroplethMetric, type ThemeRow, type YearColumn } from '../core/aggregate';
import { attribute, type Attribution } from '../core/attribution';
import { allFacetCounts, applyFilters, indexProjects, type Facet, type Filters, type ProjectKeys } from '../core/filters';
import { cooperationPairs, involves, pairLines, type Pair } from '../core/network';
import { summarize, type Summary } from '../core/summary';
import { yearSpan, type ProjectYears, type YearSpan } from '../core/years';
import { perInhabitantStanding, type Standing } from '../core/population';
import type { ThemeId } from '../core/themes';
import type { AtlasData, MunicipalityRecord, Objective, Project } from '../core/types';
import type { ColourBy } from './url';

/** Classes of positive values on the choropleth; 0 (nothing recorded) and no data have their own colours. */
export const CHOROPLETH_CLASSES = 4;

/** A dataset with its lookups and search index, made once when it is shown. */
export interface Indexed {
  data: AtlasData;
  municipalities: Map<string, MunicipalityRecord>;
  /** Districts of the programme area, each by one of its municipalities' records. */
  districts: Map<string, MunicipalityRecord>;
  objectives: Map<string, Objective>;
  index: ProjectKeys[];
  /** Projects with at least one place: what the map draws. */
  located: Project[];
}

export function indexData(data: AtlasData): Indexed {
  const municipalities = new Map(data.municipalities.map((m) => [m.id, m]));
  const districts = new Map<string, MunicipalityRecord>();
  for (const m of data.municipalities) if (m.inArea && !districts.has(m.districtId)) districts.set(m.districtId, m);
  return {
    data,
    municipalities,
    districts,
    objectives: new Map(data.objectives.map((o) => [o.key, o])),
    index: indexProjects(data.projects, municipalities),
    located: data.projects.filter((p) => p.locations.length > 0),
  };
}

export interface ViewInput {
  /** The link's filters. */
  filters: Filters;
  /** What a story step shows instead, while it is shown. */
  stepFilters: Filters | null;
  colourBy: ColourBy;
  /** The network is asked for (by the link or a story step). */
  network: boolean;
  /** The municipality whose profile is open. */
  profile: string | null;
}

export interface Choropleth {
  metric: ChoroplethMetric;
  /** A value per programme-area municipality; null: no data. */
  values: Map<string, number | null>;
  breaks: number[];
}

export interface View {
  /** The filters in force: the step's while a story step is shown, else the link's. */
  filters: Filters;
  /**
   * The project lists (selection, visible, unplaced, pairs) are not known yet: a large dataset's
   * first view, drawn before its projects come. Counts, facets and charts are known.
   */
  pending: boolean;
  selection: Project[];
  /** Ids of the selection, for the map. */
  visible: Set<string>;
  /** For each option of each facet: how many projects it would give with the other filters. */
  facets: Record<Facet, Map<string, number>>;
  summary: Summary;
  /** The year control's span (of the selection but for the year) and the projects new in the chosen year; null until known. */
  time: { span: YearSpan | null; fresh: string[] } | null;
  attribution: Attribution;
  /** Projects of the selection with no place. */
  unplaced: Project[];
  /** The theme key: how many selected projects each theme has. */
  themeCounts: Map<ThemeId, number>;
  charts: {
    themes: ThemeRow[];
    years: YearColumn[];
    /** Of the link's selection without its own budget range, so the whole range stays choosable. */
    budgets: BudgetBin[];
  };
  choropleth: Choropleth | null;
  /** Cross-border pairs of the selection (computed only when the network or a profile needs them). */
  pairs: Pair[];
  /** Lines of the network to draw (a profile's own pairs only), or null to hide it. */
  network: ReturnType<typeof pairLines> | null;
  profile: { municipality: MunicipalityRecord; context: Attribution; standing: Standing } | null;
}

/** The profile's figures come from the same filters without the place filter: the district and the area to compare with. */
const profileOf = (municipality: MunicipalityRecord, context: Attribution, municipalities: readonly MunicipalityRecord[]) => ({
  municipality,
  context,
  standing: perInhabitantStanding(municipality.id, context.municipalities, municipalities),
});

const yearsByIndex = new WeakMap<readonly ProjectKeys[], Map<Project, ProjectYears | null>>();
/** Each project's years, looked up once per dataset. */
function yearsOf(index: readonly ProjectKeys[]): Map<Project, ProjectYears | null> {
  let years = yearsByIndex.get(index);
  if (!years) yearsByIndex.set(index, (years = new Map(index.map((k) => [k.project, k.years]))));
  return years;
}

/** The years of the selection without the year filter, and the projects that start in the chosen year. */
function timeOf(index: readonly ProjectKeys[], filters: Filters, selection: readonly Project[]): NonNullable<View['time']> {
  const year = filters.year;
  const all = year ? applyFilters(index, filters, 'year') : selection;
  const years = yearsOf(index);
  const fresh = year?.mode === 'started' ? selection.filter((p) => years.get(p)?.start === year.year).map((p) => p.id) : [];
  return { span: yearSpan(all.map((p) => years.get(p) ?? null)), fresh };
}

export function deriveView(indexed: Indexed, input: ViewInput): View {
  const { index, municipalities, data } = indexed;
  const filters = input.stepFilters ?? input.filters;
  const selection = applyFilters(index, filters);
  // The budget chart's selection is the selection itself unless a range is set or a step overrides the link.
  const forBudget = input.filters.budget || input.stepFilters ? applyFilters(index, input.filters, 'budget') : selection;
  const attribution = attribute(selection);
  const themeCounts = new Map<ThemeId, number>();
  for (const p of selection) themeCounts.set(p.theme, (themeCounts.get(p.theme) ?? 0) + 1);
  const profiled = input.profile ? municipalities.get(input.profile) : undefined;
  // Only the network and the profile read the pairs: not worth a pass over a large selection otherwise.
  const pairs = input.network || profiled ? cooperationPairs(selection) : [];
  const choropleth = (() => {
    if (input.colourBy === 'sites') return null;
    const values = municipalityValues(input.colourBy, attribution.municipalities, data.municipalities.filter((m) => m.inArea));
    return { metric: input.colourBy, values, breaks: classBreaks([...values.values()], CHOROPLETH_CLASSES) };
  })();
  return {
    filters,
    pending: false,
    selection,
    visible: new Set(selection.map((p) => p.id)),
    facets: allFacetCounts(index, input.filters),
    summary: summarize(selection),
    time: timeOf(index, filters, selection),
    attribution,
    unplaced: selection.filter((p) => p.locations.length === 0),
    themeCounts,
    charts: { themes: themeRows(selection), years: yearColumns(selection), budgets: budgetBins(forBudget) },
    choropleth,
    pairs,
    network: input.network || profiled ? pairLines(profiled ? pairs.filter((p) => involves(p, profiled.id)) : pairs, municipalities) : null,
    profile: profiled ? profileOf(profiled, attribute(applyFilters(index, input.filters, 'municipalities')), data.municipalities) : null,
  };
}
