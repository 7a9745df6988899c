/**
 * The filter selection on the map: sites and lines of projects outside it are hidden through
 * feature state ('out'), and in dense data the overview's bubbles are recounted. Feature state is
 * a repaint, no re-tiling as a filter would be; only what differs from the shown selection is written.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mark } from '../../core/marks';
import type { Project } from '../../core/types';
import type { MapViewProps } from '../props';
import { selectionMask } from '../sites';
import type { ProjectSources } from '../sources';
import type { MapSync } from './sync';

/** Writes the selection `visible` over `before` (null: a map with no feature state yet, everything shown). */
export function writeSelection(map: MapLibreMap, sources: ProjectSources, projects: readonly Project[], visible: ReadonlySet<string>, before: ReadonlySet<string> | null): void {
  for (const { id } of projects) {
    const now = visible.has(id);
    if (now !== (before?.has(id) ?? true)) for (const feature of sources.featuresOf(id)) map.setFeatureState(feature, { out: !now });
  }
  const counts = sources.counter?.count(selectionMask(projects, visible)) ?? [];
  counts.forEach((count, id) => map.setFeatureState({ source: 'site-counts', id }, { count }));
}

export class SelectionSync implements MapSync {
  private map!: MapLibreMap;
  private props!: MapViewProps;
  /** The selection the map shows now (feature state written for it). */
  private shown: ReadonlySet<string> | null = null;

  constructor(private readonly sources: ProjectSources) {}

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
    writeSelection(this.map, this.sources, this.props.projects, this.props.visible, this.shown);
    this.shown = this.props.visible;
  }
}
