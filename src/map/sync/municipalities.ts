/** Municipalities: the hovered and chosen ones outlined, and their fill by the choropleth's values and scale. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BasemapData } from '../../core/basemap';
import { FLAVORS } from '../../palette/flavors';
import { choroplethColor } from '../choropleth';
import type { MapChoropleth, MapViewProps } from '../props';
import { LAYER } from '../style';
import type { MapSync } from './sync';

/** Each municipality's value as feature state (-1: no data) and the fill from the scale, or the plain area colour. */
export function writeChoropleth(map: MapLibreMap, basemap: BasemapData, choropleth: MapChoropleth | null, area: string): void {
  for (const f of basemap.municipalities.features) {
    const value = choropleth?.values.get(f.properties.id);
    map.setFeatureState({ source: 'municipalities', id: f.properties.id }, { value: value === null || value === undefined ? -1 : value });
  }
  map.setPaintProperty(LAYER.municipalities, 'fill-color', choropleth ? choroplethColor(choropleth.scale) : area);
}

export class MunicipalitySync implements MapSync {
  private map!: MapLibreMap;
  private props!: MapViewProps;
  private outlined = { hover: null as string | null, chosen: [] as readonly string[] };

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.props] = [map, props];
    this.restyle();
  }

  update(props: MapViewProps): void {
    const before = this.props;
    this.props = props;
    if (props.choropleth !== before.choropleth) this.fill();
    if (props.hoveredMunicipality !== before.hoveredMunicipality || props.chosenMunicipalities !== before.chosenMunicipalities) this.outline();
  }

  restyle(): void {
    this.fill();
    this.outline();
  }

  onRemove(): void {}

  private fill(): void {
    writeChoropleth(this.map, this.props.basemap, this.props.choropleth, FLAVORS[this.props.flavor ?? 'light'].area);
  }

  private outline(): void {
    const { hoveredMunicipality: hover, chosenMunicipalities: chosen } = this.props;
    const set = (id: string, state: Record<string, boolean>) => this.map.setFeatureState({ source: 'municipalities', id }, state);
    const before = this.outlined;
    if (before.hover && before.hover !== hover) set(before.hover, { hover: false });
    if (hover) set(hover, { hover: true });
    for (const id of before.chosen) if (!chosen.includes(id)) set(id, { chosen: false });
    for (const id of chosen) set(id, { chosen: true });
    this.outlined = { hover, chosen };
  }
}
