/** The project under the pointer, the one focused in a list and the open one, highlighted (with their partner lines) by the sources' marks. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapViewProps } from '../props';
import type { SourcesRef } from '../sources';
import type { MapSync } from './sync';

export class HighlightSync implements MapSync {
  private map!: MapLibreMap;
  private selected: string | null = null;
  private focused: string | null = null;
  private hovered: string | null = null;
  /** Projects highlighted now. */
  private lit: string[] = [];

  constructor(private readonly sources: SourcesRef) {}

  onAdd(map: MapLibreMap, props: MapViewProps): void {
    [this.map, this.selected, this.focused] = [map, props.selected, props.focused];
    this.write();
  }

  /** The pointer is over a site of this project (null: over none). */
  hover(project: string | null): void {
    if (project === this.hovered) return;
    this.hovered = project;
    this.write();
  }

  update(props: MapViewProps): void {
    if (props.selected === this.selected && props.focused === this.focused) return;
    [this.selected, this.focused] = [props.selected, props.focused];
    this.write();
  }

  restyle(): void {
    this.write();
  }

  onRemove(): void {}

  private write(): void {
    const next = [...new Set([this.hovered, this.focused, this.selected])].filter((x): x is string => !!x);
    const set = (project: string, highlight: boolean) => this.sources.current.mark(this.map, project, 'highlight', highlight);
    for (const p of this.lit.filter((p) => !next.includes(p))) set(p, false);
    for (const p of next) set(p, true);
    this.lit = next;
  }
}
