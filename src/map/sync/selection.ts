/**
 * The filter selection on the map, and in dense data the overview's bubbles recounted. GeoJSON
 * sites and lines of projects outside it are hidden through feature state ('out'): a repaint, and
 * only what differs from the shown selection is written. Tiled sites take it as the site layers'
 * filter (one expression, however many sites; src/map/sites.ts selectionFilter).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mark } from '../../core/marks';
import type { MapViewProps } from '../props';
import { selectionFilter, selectionMask, tileFilter } from '../sites';
import { siteFilter, siteLayerId } from '../style';
import type { ProjectSources, SourcesRef } from '../sources';
import type { MapSync } from './sync';

/** Writes the selection `visible` over `before` (null: a map with no feature state yet, everything shown). */
export function writeSelection(map: MapLibreMap, sources: ProjectSources, { projects, visible, filters }: Pick<MapViewProps, 'projects' | 'visible' | 'filters'>, before: ReadonlySet<string> | null): void {
  if (sources.tiled) {
    // Filters on project properties stay a small expression; others list the selected projects.
    const selection = (projects.length ? tileFilter(filters) : null) ?? selectionFilter(projects, visible);
    // Expressions made here, not by a user: maplibre's validation would only cost time on long lists.
    for (const slot of sources.slots) map.setFilter(siteLayerId(slot), siteFilter(slot, selection), { validate: false });
  } else {
    for (const { id } of projects) {
      const now = visible.has(id);
      if (now !== (before?.has(id) ?? true)) for (const feature of sources.featuresOf(id)) map.setFeatureState(feature, { out: !now });
    }
  }
  const counts = sources.counter?.count(selectionMask(projects, visible)) ?? [];
  counts.forEach((count, id) => map.setFeatureState({ source: 'site-counts', id }, { count }));
}

export class SelectionSync implements MapSync {
  private map!: MapLibreMap;
  private props!: MapViewProps;
  /** The selection the map shows now (feature state written for it). */
  private shown: ReadonlySet<string> | null = null;

  constructor(private readonly sources: SourcesRef) {}

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.props] = [map, props];
    this.write();
  }

  update(props: MapViewProps): void {
    const changed = props.visible !== this.props.visible;
    this.props = props;
    if (!changed) return;
    this.write();
    // The benchmark's "map shows the new selection" point.
    this.map.once('idle', () => mark('atlas:map-idle'));
    this.map.triggerRepaint();
  }

  restyle(): void {
    this.shown = null;
    this.write();
  }

  onRemove(): void {}

  private write(): void {
    writeSelection(this.map, this.sources.current, this.props, this.shown);
    this.shown = this.props.visible;
  }
}
