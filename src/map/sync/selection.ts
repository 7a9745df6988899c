/**
 * The filter selection on the map, and in dense data the overview's bubbles recounted, written by
 * the sources in use (sources.ts: feature state on GeoJSON sites and lines, a byte per site of a
 * packed dataset's points).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mark } from '../../core/marks';
import type { MapViewProps } from '../props';
import type { Selection, SourcesRef } from '../sources';
import type { MapSync } from './sync';

/** The selection a map's props show. */
export const selectionOf = ({ sites, visible, mask, filters, placeCounts }: MapViewProps): Selection => ({ projects: sites.projects, visible, mask, filters, placeCounts });

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
    this.sources.current.writeSelection(this.map, selectionOf(this.props), this.shown);
    this.shown = this.props.visible;
  }
}
