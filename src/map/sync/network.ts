/** The cooperation network: its lines, shown or hidden. */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapViewProps } from '../props';
import { LAYER } from '../style';
import type { MapSync } from './sync';

export function writeNetwork(map: MapLibreMap, network: MapViewProps['network']): void {
  map.setLayoutProperty(LAYER.network, 'visibility', network ? 'visible' : 'none');
  if (network) (map.getSource('network') as GeoJSONSource).setData(network);
}

export class NetworkSync implements MapSync {
  private map!: MapLibreMap;
  private network: MapViewProps['network'] = null;

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.network] = [map, props.network];
    this.restyle();
  }

  update(props: MapViewProps): void {
    if (props.network === this.network) return;
    this.network = props.network;
    this.restyle();
  }

  restyle(): void {
    writeNetwork(this.map, this.network);
  }

  onRemove(): void {}
}
