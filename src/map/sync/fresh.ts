/** The sites of the projects new in the year shown, ringed (feature state, or a GPU site's state byte) (cleared on the next year). */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapViewProps } from '../props';
import type { SourcesRef } from '../sources';
import type { MapSync } from './sync';

export class FreshSync implements MapSync {
  private map!: MapLibreMap;
  private fresh: readonly string[] = [];
  /** Projects ringed now. */
  private lit: readonly string[] = [];

  constructor(private readonly sources: SourcesRef) {}

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.fresh] = [map, props.fresh];
    this.write();
  }

  update(props: MapViewProps): void {
    if (props.fresh === this.fresh) return;
    this.fresh = props.fresh;
    this.write();
  }

  restyle(): void {
    this.lit = [];
    this.write();
  }

  onRemove(): void {}

  private write(): void {
    const set = (project: string, fresh: boolean) => this.sources.current.mark(this.map, project, 'fresh', fresh);
    const next = new Set(this.fresh);
    for (const p of this.lit) if (!next.has(p)) set(p, false);
    for (const p of next) set(p, true);
    this.lit = this.fresh;
  }
}
