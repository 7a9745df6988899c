/**
 * The camera: the link's position (a jump when it changes), the user's moves reported back, the
 * places of a presenter step fitted beside the card, and the open project kept beside its panel.
 */
import type { Map as MapLibreMap, MapLibreEvent } from 'maplibre-gl';
import type { Project } from '../../core/types';
import { extent } from '../../sites/extent';
import type { MapViewProps } from '../props';
import { reducedMotion, type MapSync } from './sync';


/** Moves the camera only if some of the project's places are hidden (off screen or under the panel). */
function revealBesidePanel(map: MapLibreMap, project: Project, obscuredRight: number): void {
  const { clientWidth, clientHeight } = map.getContainer();
  const margin = 30;
  const hidden = project.locations.some((l) => {
    const { x, y } = map.project([l.lon, l.lat]);
    return x < margin || y < margin || x > clientWidth - obscuredRight - margin || y > clientHeight - margin;
  });
  if (!hidden) return;
  map.fitBounds(extent([], project.locations.map((l) => [l.lon, l.lat])), {
    padding: { top: 80, bottom: 80, left: 80, right: Math.min(obscuredRight + 80, clientWidth - 120) },
    maxZoom: Math.max(map.getZoom(), 8),
    duration: reducedMotion() ? 0 : 600,
  });
}

export class CameraSync implements MapSync {
  private map!: MapLibreMap;
  private props!: MapViewProps;
  /** Only a move the user made (it has an original event) is reported: the link follows the user, not itself. */
  private readonly onMoveEnd = (e: MapLibreEvent & { originalEvent?: Event }) => {
    this.reportBounds();
    if (!e.originalEvent) return;
    const { lng, lat } = this.map.getCenter();
    this.props.onCamera({ zoom: this.map.getZoom(), lat, lon: lng });
  };

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.props] = [map, props];
    map.on('moveend', this.onMoveEnd);
    this.reportBounds();
    // A tour opened by its link starts framed like every later step.
    if (props.fit) this.fit(props.fit);
  }

  /**
   * Fits a presenter step's places into the part of the frame the card leaves free (the card
   * covers the lower left, so the places go right of it, below the bar), or flies to its camera.
   */
  private fit({ points, camera }: NonNullable<MapViewProps['fit']>): void {
    const map = this.map;
    if (camera) {
      map.flyTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, duration: reducedMotion() ? 0 : 1800 });
      return;
    }
    if (!points.length) return;
    const { clientWidth, clientHeight } = map.getContainer();
    map.fitBounds(extent([], points), {
      padding: { top: clientHeight * 0.12, bottom: clientHeight * 0.1, left: Math.min(clientWidth * 0.45, clientWidth - 200), right: clientWidth * 0.05 },
      maxZoom: 9,
      duration: reducedMotion() ? 0 : 1800,
    });
  }

  private reportBounds(): void {
    this.props.onBounds(this.map.getBounds().toArray().flat() as [number, number, number, number]);
  }

  update(props: MapViewProps): void {
    const before = this.props;
    this.props = props;
    const map = this.map;
    if (props.selected !== before.selected || props.obscuredRight !== before.obscuredRight) {
      const project = props.sites.projects.find((p) => p.id === props.selected);
      if (project?.locations.length) revealBesidePanel(map, project, props.obscuredRight);
    }
    if (props.fit && props.fit.key !== before.fit?.key) this.fit(props.fit);
    const c = props.camera;
    if (c && c !== before.camera) {
      const { lng, lat } = map.getCenter();
      const same = Math.abs(map.getZoom() - c.zoom) < 0.01 && Math.abs(lat - c.lat) < 1e-4 && Math.abs(lng - c.lon) < 1e-4;
      if (!same) map.jumpTo({ center: [c.lon, c.lat], zoom: c.zoom });
    }
  }

  restyle(): void {}

  onRemove(): void {
    this.map.off('moveend', this.onMoveEnd);
  }
}
