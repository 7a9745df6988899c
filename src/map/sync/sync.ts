/**
 * A part of the map that follows some of the props, in the manner of maplibre's controls: added
 * once the style has loaded (it writes all it owns and installs its listeners), given every new
 * props (it writes only what changed), asked to write everything again after a style change (a
 * new flavour), and removed with the map (its listeners with it).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapViewProps } from '../props';

export interface MapSync {
  onAdd(map: MapLibreMap, props: MapViewProps): void;
  update(props: MapViewProps): void;
  restyle(): void;
  onRemove(): void;
}

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
