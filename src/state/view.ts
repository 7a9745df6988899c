/**
 * What every part of the page shows, derived from the dataset and the state in one pure function:
 * the selection, the facet counts, the budget attribution, the charts' rows, the keys and the
 * map's overlays. The page lays it out; nothing below recomputes it.
 */
import { budgetBins, classBreaks, municipalityValues, themeRows, yearColumns, type BudgetBin, type ChoroplethMetric, type ThemeRow, type YearColumn } from '../core/aggregate';
import { attribute, type Attribution } from '../core/attribution';
import { allFacetCounts, applyFilters, indexProjects, type Facet, type Filters, type ProjectKeys, type Skippable } from '../core/filters';
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
   * The project lists (selection, visible) are not known yet: a large dataset's
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
  /** The theme key: how many selected projects each theme has. */
  themeCounts: Map<ThemeId, number>;
  charts: {
    themes: ThemeRow[];
    years: YearColumn[];
    /** Of the link's selection without its own budget range, so the whole range stays choosable. */
    budgets: BudgetBin[];
  };
  choropleth: Choropleth | null;
  /** The selection as a byte per project in the dataset's order, when the engine keeps it so (a large dataset's worker); null otherwise. */
  mask: Uint8Array | null;
  /** Per municipality, the selected projects with a place there, when the engine counts them (a large dataset's worker); null: the map counts its own. */
  placeCounts: ReadonlyMap<string, number> | null;
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

/**
 * What a view asks of the projects, whoever holds them: the pure core over project objects (below),
 * or the columnar kernel in a large dataset's worker (engine/). `S` is a selection as the engine
 * keeps it (projects, or a byte per project).
 */
export interface ViewEngine<S> {
  /** The projects that pass `filters`, but for the `skip`ped one. */
  select(filters: Filters, skip?: Skippable): S;
  facetCounts(filters: Filters): Record<Facet, Map<string, number>>;
  summary(selection: S): Summary;
  attribution(selection: S): Attribution;
  themeRows(selection: S): ThemeRow[];
  yearColumns(selection: S): YearColumn[];
  budgetBins(selection: S): BudgetBin[];
  span(selection: S): YearSpan | null;
  /** Ids of the projects of the selection that start in `year`. */
  startingIn(selection: S, year: number): string[];
  /** Per municipality, the selected projects with a place there; absent: the map counts them from the projects it draws. */
  placeCounts?(selection: S): Map<string, number>;
  /** The selection's cross-border pairs; absent: the view makes them from its projects. */
  pairs?(selection: S): Pair[];
}

/** A view's figures, and its selection as the engine keeps it. */
export type Tally<S> = Pick<View, 'filters' | 'facets' | 'summary' | 'time' | 'attribution' | 'themeCounts' | 'charts' | 'placeCounts'> & {
  selection: S;
  /** The attribution the profile compares with (the link's filters without the places); null without a profile. */
  profileContext: Attribution | null;
  /** The selection's cross-border pairs, when the engine makes them and the network or a profile asks; null: the view makes them. */
  pairs: Pair[] | null;
};

/** Which filters each figure reads: the one rule, whichever engine answers. */
export function tally<S>(engine: ViewEngine<S>, input: ViewInput): Tally<S> {
  const filters = input.stepFilters ?? input.filters;
  const selection = engine.select(filters);
  // The budget chart's selection is the selection itself unless a range is set or a step overrides the link.
  const forBudget = input.filters.budget || input.stepFilters ? engine.select(input.filters, 'budget') : selection;
  const year = filters.year;
  const themes = engine.themeRows(selection);
  return {
    filters,
    selection,
    facets: engine.facetCounts(input.filters),
    summary: engine.summary(selection),
    // The year control's span is of the selection but for the year; the new projects are those starting in it.
    time: { span: engine.span(year ? engine.select(filters, 'year') : selection), fresh: year?.mode === 'started' ? engine.startingIn(selection, year.year) : [] },
    attribution: engine.attribution(selection),
    themeCounts: new Map(themes.map((r) => [r.theme, r.projects])),
    charts: { themes, years: engine.yearColumns(selection), budgets: engine.budgetBins(forBudget) },
    placeCounts: engine.placeCounts?.(selection) ?? null,
    profileContext: input.profile ? engine.attribution(engine.select(input.filters, 'municipalities')) : null,
    pairs: (input.network || input.profile) && engine.pairs ? engine.pairs(selection) : null,
  };
}

const yearsByIndex = new WeakMap<readonly ProjectKeys[], Map<Project, ProjectYears | null>>();
/** Each project's years, looked up once per dataset. */
function yearsOf(index: readonly ProjectKeys[]): Map<Project, ProjectYears | null> {
  let years = yearsByIndex.get(index);
  if (!years) yearsByIndex.set(index, (years = new Map(index.map((k) => [k.project, k.years]))));
  return years;
}

/** The pure core as a view's engine, over the indexed projects. */
export function projectEngine(index: readonly ProjectKeys[]): ViewEngine<Project[]> {
  const years = yearsOf(index);
  return {
    select: (filters, skip) => applyFilters(index, filters, skip ?? null),
    facetCounts: (filters) => allFacetCounts(index, filters),
    summary: summarize,
    attribution: attribute,
    themeRows,
    yearColumns,
    budgetBins,
    span: (selection) => yearSpan(selection.map((p) => years.get(p) ?? null)),
    startingIn: (selection, year) => selection.filter((p) => years.get(p)?.start === year).map((p) => p.id),
  };
}

/**
 * The network draws at most this many pairs, the strongest: a large dataset has tens of thousands
 * (35,956 at a million sites), which no one reads as lines and which take the page seconds to draw.
 */
export const NETWORK_PAIRS = 1000;

/**
 * The view of a tally whose selection is known as projects (`pending`: a large dataset's, whose
 * projects are not in the page yet; `mask`: the selection as the engine keeps it, a byte per project).
 */
export function viewOf(indexed: Indexed, input: ViewInput, figures: Tally<Project[]>, pending = false, mask: Uint8Array | null = null): View {
  const { municipalities, data } = indexed;
  const { selection, profileContext, pairs: counted, ...rest } = figures;
  const profiled = input.profile ? municipalities.get(input.profile) : undefined;
  // Only the network and the profile read the pairs: not worth a pass over a large selection otherwise.
  const pairs = input.network || profiled ? (counted ?? cooperationPairs(selection)) : [];
  const choropleth = (() => {
    if (input.colourBy === 'sites') return null;
    const values = municipalityValues(input.colourBy, figures.attribution.municipalities, data.municipalities.filter((m) => m.inArea));
    return { metric: input.colourBy, values, breaks: classBreaks([...values.values()], CHOROPLETH_CLASSES) };
  })();
  return {
    ...rest,
    pending,
    selection,
    mask,
    visible: new Set(selection.map((p) => p.id)),
    choropleth,
    pairs,
    network: input.network || profiled ? pairLines(profiled ? pairs.filter((p) => involves(p, profiled.id)) : pairs.slice(0, NETWORK_PAIRS), municipalities) : null,
    profile: profiled && profileContext ? profileOf(profiled, profileContext, data.municipalities) : null,
  };
}

export function deriveView(indexed: Indexed, input: ViewInput): View {
  return viewOf(indexed, input, tally(projectEngine(indexed.index), input));
}
