/**
 * Budget per inhabitant of the programme-area municipalities, highest first: the figures the map is
 * coloured with while it shows per inhabitant. Municipalities whose population is not known come
 * last as "no data", never as zero. Rows are buttons: click filters, hover highlights on the map.
 */
import { scaleLinear } from 'd3';
import { useState } from 'preact/hooks';
import type { MunicipalityRecord } from '../core/types';
import type { I18n } from '../i18n';
import { municipalityName, perInhabitantMoney, populationWords } from '../i18n/labels';
import type { Flavor } from '../palette/flavors';
import { ChartDownloads } from './ChartDownloads';
import { toggleRow } from './toggleRow';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

const TOP = 12;
const ROW = 26;
const VALUE_ROOM = 80;

interface Props {
  fileBase: string;
  /** Per inhabitant by municipality id (null: population not known), as the choropleth has them. */
  values: ReadonlyMap<string, number | null>;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  flavor: Flavor;
  hovered: string | null;
  chosen: readonly string[];
  onHover(id: string | null): void;
  onToggle(id: string): void;
}

export function PerInhabitantChart({ fileBase, values, municipalities, i18n, flavor, hovered, chosen, onHover, onToggle }: Props) {
  const { t } = i18n;
  const [ref, width] = useWidth<HTMLDivElement>();
  const [all, setAll] = useState(false);
  const name = (id: string) => `${municipalityName(id, municipalities, i18n)} (${municipalities.get(id)?.country ?? ''})`;
  const money = (v: number) => perInhabitantMoney(v, i18n);
  const ranked = [...values].sort(([a, x], [b, y]) => (y ?? -1) - (x ?? -1) || name(a).localeCompare(name(b)));
  const rows = all ? ranked : ranked.slice(0, TOP);
  const labelWidth = Math.round(width * 0.42);
  const x = scaleLinear()
    .domain([0, Math.max(1e-9, ...ranked.map(([, v]) => v ?? 0))])
    .range([0, width - labelWidth - VALUE_ROOM]);
  const title = t('chartPerInhabitant');
  return (
    <section class="chart" aria-labelledby="chart-per-inhabitant">
      <h3 id="chart-per-inhabitant">{title}</h3>
      <p class="note">{t('perInhabitantChartNote')}</p>
      <div ref={ref} class="chart-body">
        <svg width={width} height={rows.length * ROW + 2} role="group" aria-label={title}>
          {rows.map(([id, v], i) => {
            const value = v === null ? t('noData') : money(v);
            return (
              <g
                key={id}
                transform={`translate(0, ${i * ROW})`}
                class={`bar-row${hovered === id || chosen.includes(id) ? ' active' : ''}`}
                data-municipality={id}
                {...toggleRow(chosen.includes(id), `${name(id)}: ${value}`, () => onToggle(id), (on) => onHover(on ? id : null))}
              >
                <rect class="hit" width={width} height={ROW - 2} fill={hovered === id || chosen.includes(id) ? flavor.chart_highlight : 'transparent'} fill-opacity={0.18} />
                <text x={0} y={17} class="bar-label">
                  {name(id)}
                </text>
                <rect x={labelWidth} y={5} width={v === null ? 0 : Math.max(1, x(v))} height={ROW - 10} fill={flavor.chart_eu} />
                <text x={labelWidth + (v === null ? 0 : x(v)) + 4} y={17} class="bar-value">{` ${value}`}</text>
              </g>
            );
          })}
        </svg>
      </div>
      {ranked.length > TOP && (
        <button type="button" class="more" onClick={() => setAll(!all)}>
          {all ? t('showTop', { n: TOP }) : t('showAll', { n: ranked.length })}
        </button>
      )}
      <ChartDownloads name={`${fileBase}-budget-per-inhabitant`} title={title} i18n={i18n} />
      <ChartTable
        summary={t('chartTable')}
        caption={title}
        head={[t('colMunicipality'), t('budgetPerInhabitant'), t('population')]}
        rows={ranked.map(([id, v]) => [name(id), v === null ? t('noData') : money(v), populationWords(municipalities.get(id)?.population ?? null, municipalities.get(id)?.country ?? '', i18n)])}
      />
    </section>
  );
}
