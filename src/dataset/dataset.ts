/**
 * The one seam between the atlas and the form its data is delivered in, shaped like maplibre's
 * Source: the app, the map and the exports ask a Dataset, and only its implementations (and the
 * factory that picks one, load.ts) know where an answer comes from.
 */
import type { BasemapData } from '../core/basemap';
import type { ListWording, RowsPage, RowsQuery } from '../core/rows';
import type { Project } from '../core/types';
import type { SiteSource } from '../sites/source';
import type { View as Page } from '../state/url';
import type { Indexed, View, ViewInput } from '../state/view';

export interface Dataset {
  readonly basemap: BasemapData;
  /**
   * The dataset indexed: its municipalities, objectives, stories and — once they are there — its
   * projects (a large dataset's come after its first view). A new object whenever it changes.
   */
  readonly indexed: Indexed;
  /** Every project is here: views of any input can be derived. */
  readonly complete: boolean;
  /** Where the map draws the sites from (the same object until the dataset changes). */
  readonly sites: SiteSource;
  /** How many sites there are (the key says when they are too many to draw at the overview). */
  readonly siteCount: number;
  /** Why the dataset cannot go beyond its first view (that view stays). */
  readonly failure: string | null;
  /** Why the lists' rows cannot come (its figures, filters, search and dialogs work without them). */
  readonly listsFailure: string | null;
  /** Why its projects' records cannot come for what needs them in the page (a profile's budgets by period and theme, its roles). */
  readonly recordsFailure: string | null;
  /** The build left its projects' records out, too many for a page: what needs them never comes; the lists' rows (`rows`) and the downloads (`eachWhole`) do. */
  readonly recordsOmitted: boolean;
  /** Why its sites cannot come for the map's detail zooms (the overview's counts stay). */
  readonly sitesFailure: string | null;
  /**
   * The view for an input on a page; null while it is pending (the projects are still coming, and
   * asking starts their loading). A view whose project lists are not known yet says so (`pending`).
   */
  view(input: ViewInput, page: Page): View | null;
  /**
   * Rows of a view's selection (`view.selection`, or for `query.ids` any project); null while they
   * come (the listeners hear when they are in).
   */
  rows(view: View, query: RowsQuery, wording: ListWording): RowsPage | null;
  /**
   * The whole projects of a view's selection, a part at a time, for the downloads; `progress` hears
   * how many parts of how many are in. Where every project is in the page (a plain dataset), one
   * part in the selection's order; else one part per shard of whole projects that holds some of
   * them, read one after the other (the projects in the shards' order) and not kept, so the page
   * never holds more than a few.
   */
  eachWhole(view: View, part: (projects: readonly Project[]) => void, progress?: (done: number, total: number) => void): Promise<void>;
  /** A project by its id, whole, without its record in the page; null: the projects are in `indexed` (made whole by `details`). */
  readonly project: ((id: string) => Promise<Project | null>) | null;
  /** Makes a slim project whole (summary, links, notes); null when the projects are whole already. */
  readonly details: ((project: Project) => Promise<Project>) | null;
  /** The map has drawn its first frame (or cannot draw): what waits for it may load now. */
  drawn(): void;
  /** A search is coming: its text is fetched if the build made it. */
  needSearch(): void;
  /** Tells `listener` when the dataset changes (its projects, its search text, a failure); returns the way to stop. */
  subscribe(listener: () => void): () => void;
}

/** Every project made whole, through `details` when the projects are slim. */
export const wholeProjects = (projects: readonly Project[], details: Dataset['details']): Promise<readonly Project[]> =>
  details ? Promise.all(projects.map(details)) : Promise.resolve(projects);
