/** The compiled dataset the app loads (data/out/atlas-data.json), and its parts. */
import type { Amount } from './amount';
import type { Names } from './programme';
import type { Story } from './stories';
import type { ThemeBasis, ThemeId } from './themes';

/** A period id of the programme ("2014-2020"); the descriptor lists them. */
export type Period = string;
/** ISO 3166-1 alpha-2 code of one of the programme's countries. */
export type CountryCode = string;

/** How a location was found. */
export type LocationMethod =
  | 'settlement' // the partner's town matched one settlement of the gazetteer
  | 'seat' // an ambiguous or missing town: placed at the seat of the municipality
  | 'site' // a named site that resolved to one settlement in a partner municipality or district
  | 'district'; // only the partner's district is known: the district's centre (no share of the budget)

export interface Location {
  /** Gazetteer id of the settlement (ekatte:…, gn:…). */
  settlementId: string;
  names: Names;
  country: CountryCode;
  municipalityId: string;
  lon: number;
  lat: number;
  method: LocationMethod;
  /** Indexes of the partners at this place (empty for a site). */
  partners: number[];
  /** The site's text, for method 'site'. */
  site?: string;
  /** Why a fallback was used (e.g. "ambiguous: 3 settlements named Leskovac; took the municipality seat"). */
  note?: string;
}

export interface Partner {
  name: string;
  role: 'lead' | 'partner' | null;
  country: CountryCode | null;
  town: string | null;
  budget: Amount | null;
  /** Index into the project's locations, null when unresolved. */
  location: number | null;
}

/** Titles per title language of the programme (null: the source has none in that language). */
export type Titles = Readonly<Record<string, string | null>>;

export interface Project {
  id: string;
  /** Programme code where the source has one. */
  code: string | null;
  period: Period | null;
  acronym: string | null;
  title: Titles;
  /** No title in any language: the app builds "Untitled project (A – B)" from the partners. */
  untitled: boolean;
  call: string | null;
  priorityAxis: string | null;
  specificObjective: string | null;
  /** Key of the programme objective (see Objective), or null when the source names none. */
  objective: string | null;
  theme: ThemeId;
  themeBasis: ThemeBasis;
  themeBecause: string;
  type: 'investment' | 'soft' | null;
  durationMonths: number | null;
  startDate: string | null;
  endDate: string | null;
  total: Amount | null;
  eu: Amount | null;
  euRate: number | null;
  interventionField: string | null;
  summary: string | null;
  partners: Partner[];
  sites: string[];
  locations: Location[];
  links: string[];
  sources: string[];
  notes: string;
}

export interface MunicipalityRecord {
  id: string;
  country: CountryCode;
  names: Names;
  districtId: string;
  districtNames: Names;
  inArea: boolean;
  /** Seat settlement [lon, lat]. */
  seat: [number, number] | null;
  /** The most preferred official count there is (see the programme's population sources); null when none. */
  population: Population | null;
  /** Units inside it with their own count, whose partners belong to it (the city municipalities of a city). */
  parts?: { names: Names; population: Population | null }[];
}

/** Inhabitants as one official source counts them. */
export interface Population {
  count: number;
  /** Id of the programme's population source. */
  source: string;
}

/** A priority axis, measure or specific objective of one period, as the programme names it. */
export interface Objective {
  /** "<period>:<code>", e.g. "2014-2020:1.1", "2007-2013:PA2". */
  key: string;
  period: Period;
  code: string;
  name: string;
}

export interface OfficialCount {
  period: Period;
  /** Lowest and highest official count where sources disagree. */
  min: number;
  max: number;
  sources: { value: string; url: string }[];
}

export interface AtlasData {
  projects: Project[];
  /** The programme area's municipalities, and every other one a location lies in. */
  municipalities: MunicipalityRecord[];
  objectives: Objective[];
  officialCounts: OfficialCount[];
  /** Guided tours for presenters and kiosks. */
  stories: Story[];
  /** The largest programme budget (euros): any larger amount is read as a typing error. */
  amountCeiling: number;
}
