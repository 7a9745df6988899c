/** Choosing what the map colours municipalities by, and the key of its classes (drawn into the PNG too). */
import type { ChoroplethMetric } from '../core/aggregate';
import type { MunicipalityRecord } from '../core/types';
import type { I18n, MessageKey } from '../i18n';
import { perInhabitantMoney, populationUse } from '../i18n/labels';
import type { ChoroplethScale } from '../palette/scales';
import { COLOUR_BY, type ColourBy } from '../state/url';

interface Props {
  colourBy: ColourBy;
  network: boolean;
  onNetwork(on: boolean): void;
  /** The scale the map colours municipalities with (null: sites only). */
  scale: ChoroplethScale | null;
  /** For the per-inhabitant key: which population source each municipality's figure is from. */
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  onChange(colourBy: ColourBy): void;
}

export const colourByName = (colourBy: ColourBy, i18n: I18n) => i18n.t(`colourBy_${colourBy.replace('-', '_')}` as MessageKey);

/** The key of a choropleth scale, in its classes' order, "no data" last. */
export function choroplethKey(scale: ChoroplethScale, metric: ChoroplethMetric, i18n: I18n): { color: string; label: string }[] {
  const format = (v: number) => (metric === 'projects' ? String(Math.round(v)) : metric === 'per-inhabitant' ? perInhabitantMoney(v, i18n) : i18n.moneyShort(v));
  return scale.classes.map((c) => {
    switch (c.kind) {
      case 'zero':
        return { color: c.color, label: format(0) };
      case 'range':
        return { color: c.color, label: `${c.first ? '>' : ''} ${format(c.from)} – ${format(c.to)}` };
      case 'above':
        return { color: c.color, label: `≥ ${format(c.from)}` };
      case 'no-data':
        return { color: c.color, label: i18n.t('noData') };
    }
  });
}

export function ColourByControl({ colourBy, network, scale, municipalities, i18n, onChange, onNetwork }: Props) {
  const { t } = i18n;
  const populationNote = () => {
    const { uses, none } = populationUse(municipalities.values(), i18n);
    return t('perInhabitantNote', { uses: uses.map((u) => `${u.name} ${u.count}`).join(' · '), none });
  };
  return (
    <div class="colour-by">
      <label>
        {t('mapColour')}{' '}
        <select value={colourBy} onChange={(e) => onChange((e.target as HTMLSelectElement).value as ColourBy)}>
          {COLOUR_BY.map((c) => (
            <option value={c}>{colourByName(c, i18n)}</option>
          ))}
        </select>
      </label>
      <label class="network-toggle">
        <input type="checkbox" checked={network} onChange={(e) => onNetwork((e.target as HTMLInputElement).checked)} /> {t('networkToggle')}
      </label>
      {colourBy !== 'sites' && scale && (
        <ul class="choropleth-legend" aria-label={colourByName(colourBy, i18n)}>
          {choroplethKey(scale, colourBy, i18n).map((c) => (
            <li key={c.label}>
              <span class="key" style={{ background: c.color }} />
              {c.label}
            </li>
          ))}
          {colourBy === 'per-inhabitant' && <li class="note">{populationNote()}</li>}
        </ul>
      )}
    </div>
  );
}
