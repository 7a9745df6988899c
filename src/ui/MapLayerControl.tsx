/** Choosing what the map colours municipalities by, and the legend of its classes. */
import type { I18n } from '../i18n';
import type { Flavor } from '../palette/flavors';
import { LAYERS, type MapLayer } from '../state/url';

interface Props {
  layer: MapLayer;
  network: boolean;
  onNetwork(on: boolean): void;
  breaks: number[];
  flavor: Flavor;
  i18n: I18n;
  onChange(layer: MapLayer): void;
}

/** The legend of a choropleth, in the map's colour order, "no data" last (also drawn into the PNG). */
export function choroplethClasses(layer: Exclude<MapLayer, 'sites'>, breaks: readonly number[], flavor: Flavor, i18n: I18n): { color: string; label: string }[] {
  const format = (v: number) => (layer === 'projects' ? String(Math.round(v)) : layer === 'per-inhabitant' ? i18n.money(Math.round(v * 100) / 100) : i18n.moneyShort(v));
  // Colour 0: nothing recorded; then one class per break interval of the positive values.
  const classes = [{ color: flavor.choropleth[0], label: format(0) }];
  const edges = [0, ...breaks];
  edges.forEach((from, i) =>
    classes.push({
      color: flavor.choropleth[Math.min(i + 1, flavor.choropleth.length - 1)],
      label: i < edges.length - 1 ? `${i === 0 ? '>' : ''} ${format(from)} – ${format(edges[i + 1])}` : `≥ ${format(from)}`,
    }),
  );
  return [...classes, { color: flavor.no_data, label: i18n.t('noData') }];
}

export const layerName = (layer: MapLayer, i18n: I18n) => i18n.t(`layer_${layer.replace('-', '_') as 'sites' | 'budget' | 'projects' | 'per_inhabitant'}`);

export function MapLayerControl({ layer, network, breaks, flavor, i18n, onChange, onNetwork }: Props) {
  const { t } = i18n;
  return (
    <div class="map-layer">
      <label>
        {t('mapColour')}{' '}
        <select value={layer} onChange={(e) => onChange((e.target as HTMLSelectElement).value as MapLayer)}>
          {LAYERS.map((l) => (
            <option value={l}>{layerName(l, i18n)}</option>
          ))}
        </select>
      </label>
      <label class="network-toggle">
        <input type="checkbox" checked={network} onChange={(e) => onNetwork((e.target as HTMLInputElement).checked)} /> {t('networkToggle')}
      </label>
      {layer !== 'sites' && (
        <ul class="choropleth-legend" aria-label={layerName(layer, i18n)}>
          {choroplethClasses(layer, breaks, flavor, i18n).map((c) => (
            <li key={c.label}>
              <span class="key" style={{ background: c.color }} />
              {c.label}
            </li>
          ))}
          {layer === 'per-inhabitant' && <li class="note">{t('perInhabitantNote')}</li>}
        </ul>
      )}
    </div>
  );
}
