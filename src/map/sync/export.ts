/**
 * The map leaving the screen: a print-size PNG of the current view (a second, offscreen map with
 * the same style and overlays), and for printing an image of the canvas that only the print
 * stylesheet shows (a WebGL canvas does not print reliably).
 */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { FLAVORS } from '../../palette/flavors';
import { renderMapPng } from '../exportPng';
import type { MapViewProps } from '../props';
import type { SourcesRef } from '../sources';
import { writeChoropleth } from './municipalities';
import { writeNetwork } from './network';
import { selectionOf } from './selection';
import type { MapSync } from './sync';

export class ExportSync implements MapSync {
  private map!: MapLibreMap;
  private props!: MapViewProps;
  private readonly snapshot = document.createElement('img');
  private readonly beforePrint = () => {
    this.map.redraw();
    this.snapshot.src = this.map.getCanvas().toDataURL('image/png');
  };

  constructor(
    private readonly sources: SourcesRef,
    /** The style of the current props (flavour, script). */
    private readonly style: () => StyleSpecification,
  ) {}

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.props] = [map, props];
    this.snapshot.className = 'print-snapshot';
    this.snapshot.alt = props.label;
    map.getContainer().after(this.snapshot);
    addEventListener('beforeprint', this.beforePrint);
    if (props.exporter) {
      props.exporter.current = (width, frame) =>
        renderMapPng({
          style: this.style(),
          bounds: map.getBounds(),
          cssWidth: map.getContainer().clientWidth,
          cssHeight: map.getContainer().clientHeight,
          width,
          prepare: (copy) => {
            const { basemap, choropleth, network, flavor } = this.props;
            this.sources.current.writeSelection(copy, selectionOf(this.props), null);
            writeChoropleth(copy, basemap, choropleth, FLAVORS[flavor ?? 'light'].area);
            writeNetwork(copy, network);
          },
          frame,
        });
    }
  }

  update(props: MapViewProps): void {
    this.props = props;
    this.snapshot.alt = props.label;
  }

  restyle(): void {}

  onRemove(): void {
    if (this.props.exporter) this.props.exporter.current = null;
    removeEventListener('beforeprint', this.beforePrint);
    this.snapshot.remove();
  }
}
