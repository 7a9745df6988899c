/** Place labels in the UI language's script. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapViewProps } from '../props';
import { labelField, LAYER } from '../style';
import type { MapSync } from './sync';

export class LabelSync implements MapSync {
  private map!: MapLibreMap;
  private labels!: MapViewProps['labels'];

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.labels] = [map, props.labels];
    this.restyle();
  }

  update(props: MapViewProps): void {
    if (props.labels.script === this.labels.script && props.labels.fallback === this.labels.fallback) return;
    this.labels = props.labels;
    this.restyle();
  }

  restyle(): void {
    this.map.setLayoutProperty(LAYER.labels, 'text-field', labelField(this.labels));
  }

  onRemove(): void {}
}
