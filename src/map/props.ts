/** What the map is given: the view it draws and the callbacks it reports to. */
import type { FeatureCollection, LineString } from 'geojson';
import type { BasemapData } from '../core/basemap';
import type { Filters } from '../core/filters';
import type { FlavorName } from '../palette/flavors';
import type { ChoroplethScale } from '../palette/scales';
import type { SiteSource } from '../sites/source';
import type { Camera } from '../state/url';
import type { PngFrame } from './exportPng';
import type { LabelScript } from './style';

export interface MapCredit {
  text: string;
  url: string;
}

/** Municipality colouring: a value per municipality (null: no data) and the scale that colours it. */
export interface MapChoropleth {
  values: ReadonlyMap<string, number | null>;
  scale: ChoroplethScale;
}

export interface MapViewProps {
  basemap: BasemapData;
  /** The located projects (none yet while a large dataset's load) and a packed dataset's points: the sources are made from these. */
  sites: SiteSource;
  /** Ids of the projects in the current selection. */
  visible: ReadonlySet<string>;
  /** The selection as a byte per project in the dataset's order, when the dataset keeps it so (a packed dataset's points read it). */
  mask: Uint8Array | null;
  /** The selection's projects per municipality, when the dataset counts them; null: counted from `sites`. */
  placeCounts: ReadonlyMap<string, number> | null;
  /** The filters that made it. */
  filters: Filters;
  labels: LabelScript;
  /** The programme's countries, drawn apart from their neighbours. */
  countries: readonly string[];
  /** Credits of the sources the map draws. */
  credits: readonly MapCredit[];
  flavor?: FlavorName;
  selected: string | null;
  /** Projects new in the year shown: their sites are ringed. */
  fresh: readonly string[];
  /** A project whose entry has the keyboard focus (in the list of projects in view). */
  focused: string | null;
  /** CSS pixels on the right covered by a panel: the selected project is kept visible beside it. */
  obscuredRight: number;
  choropleth: MapChoropleth | null;
  /** Lines between cooperating municipalities, or null to hide the network. */
  network: FeatureCollection<LineString, { projects: number }> | null;
  hoveredMunicipality: string | null;
  chosenMunicipalities: readonly string[];
  camera: Camera | null;
  /** Places the camera flies to fit, or the camera it flies to, whenever `key` changes (presenter steps). */
  fit: { key: string; points: [number, number][]; camera: Camera | null } | null;
  /** Embedded in another page: one-finger and wheel gestures scroll the page, not the map. */
  cooperative: boolean;
  label: string;
  /** Filled by the map with a function that renders the current view as a print-size PNG. */
  exporter?: { current: ((width: number, frame: PngFrame) => Promise<Blob>) | null };
  onSelect(projectId: string): void;
  /** Several projects under the pointer: let the user choose. */
  onChoose(projectIds: string[], at: { x: number; y: number }): void;
  onHoverMunicipality(id: string | null): void;
  onToggleMunicipality(id: string): void;
  onCamera(camera: Camera): void;
  /** The map shows a new area ([west, south, east, north]), after any move. */
  onBounds(bounds: [number, number, number, number]): void;
  /** The map has drawn its first complete frame (once). */
  onDrawn(): void;
  /** The map failed before it could draw (bad style, no WebGL). */
  onError(message: string): void;
}
