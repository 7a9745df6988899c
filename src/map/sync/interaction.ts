/**
 * The pointer on the map: hovering a site highlights its project, hovering a municipality reports
 * it; a click opens the project under the pointer (or lets the user choose among several), zooms
 * into a dense overview's bubble, or toggles the municipality.
 */
import type { Map as MapLibreMap, MapLayerMouseEvent, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { Point } from 'geojson';
import type { MapViewProps } from '../props';
import { DETAIL_ZOOM } from '../../sites/tiers';
import type { SourcesRef } from '../sources';
import { LAYER } from '../style';
import type { HighlightSync } from './highlight';
import { reducedMotion, type MapSync } from './sync';

export class InteractionSync implements MapSync {
  private map!: MapLibreMap;
  private props!: MapViewProps;

  constructor(
    private readonly sources: SourcesRef,
    private readonly highlight: HighlightSync,
  ) {}

  /** Selected projects with a site under a point. */
  private projectsAt(point: { x: number; y: number }): string[] {
    return this.sources.current.projectsAt(this.map, point, this.props.visible);
  }

  private bubbleAt(point: PointLike) {
    return this.sources.current.counter ? this.map.queryRenderedFeatures(point, { layers: [LAYER.siteCounts] })[0] : undefined;
  }

  private municipalityAt(point: PointLike): string | null {
    return (this.map.queryRenderedFeatures(point, { layers: [LAYER.municipalities] })[0]?.properties.id as string | undefined) ?? null;
  }

  private readonly onMove = (e: MapMouseEvent) => {
    const site = this.projectsAt(e.point)[0] ?? null;
    const municipality = site ? null : this.municipalityAt(e.point);
    this.map.getCanvas().style.cursor = site || municipality || this.bubbleAt(e.point) ? 'pointer' : '';
    this.highlight.hover(site);
    if (municipality !== this.props.hoveredMunicipality) this.props.onHoverMunicipality(municipality);
  };

  private readonly onOut = () => {
    this.highlight.hover(null);
    this.props.onHoverMunicipality(null);
  };

  private readonly onClick = (e: MapLayerMouseEvent | MapMouseEvent) => {
    const ids = this.projectsAt(e.point);
    if (ids.length === 1) return this.props.onSelect(ids[0]);
    if (ids.length > 1) return this.props.onChoose(ids, { x: e.originalEvent.clientX, y: e.originalEvent.clientY });
    const bubble = this.bubbleAt(e.point);
    if (bubble) {
      // A municipality's bubble opens onto its sites; the event marks the move as the user's.
      const center = (bubble.geometry as Point).coordinates as [number, number];
      return void this.map.easeTo({ center, zoom: DETAIL_ZOOM, duration: reducedMotion() ? 0 : 600 }, { originalEvent: e.originalEvent });
    }
    const municipality = this.municipalityAt(e.point);
    if (municipality) this.props.onToggleMunicipality(municipality);
  };

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.props] = [map, props];
    map.on('mousemove', this.onMove);
    map.on('mouseout', this.onOut);
    map.on('click', this.onClick);
  }

  update(props: MapViewProps): void {
    this.props = props;
  }

  restyle(): void {}

  onRemove(): void {
    this.map.off('mousemove', this.onMove);
    this.map.off('mouseout', this.onOut);
    this.map.off('click', this.onClick);
  }
}
