/**
 * Budget per municipality: horizontal bars, both sides of the border, total with the EU share over
 * it, and beside each bar its project count and how many have no known budget, so that an active
 * municipality never looks empty. Rows are buttons: click filters, hover highlights on the map.
 */
import { scaleLinear } from 'd3';
import { useState } from 'preact/hooks';
import type { Attribution } from '../core/attribution';
import type { MunicipalityRecord } from '../core/types';
import type { I18n } from '../i18n';
import { municipalityName } from '../i18n/labels';
import type { Flavor } from '../palette/flavors';
import { ChartDownloads } from './ChartDownloads';
import { toggleRow } from './toggleRow';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

const TOP = 12;
const ROW = 42;
/** Room right of the longest bar for its value. */
const VALUE_ROOM = 64;

interface Props {
  /** File name start for downloads, e.g. "atlas-pirot-2014-2020". */
  fileBase: string;
  attribution: Attribution;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  flavor: Flavor;
  hovered: string | null;
  chosen: readonly string[];
  onHover(id: string | null): void;
  onToggle(id: string): void;
}

export function MunicipalityChart({ fileBase, attribution, municipalities, i18n, flavor, hovered, chosen, onHover, onToggle }: Props) {
  const { t } = i18n;
  const [ref, width] = useWidth<HTMLDivElement>();
  const [all, setAll] = useState(false);
  const rows = all ? attribution.municipalities : attribution.municipalities.slice(0, TOP);
  const name = (id: string) => {
    const country = municipalities.get(id)?.country;
    return country ? `${municipalityName(id, municipalities, i18n)} (${country})` : id;
  };
  const x = scaleLinear()
    .domain([0, Math.max(1, ...attribution.municipalities.map((r) => r.total), attribution.unattributed.total)])
    .range([0, width - VALUE_ROOM]);
  const note = (projects: number, unknown: number) => t('barNote', { projects: t('projectsCount', { n: projects }), unknown });
  const extra = [
    { key: 'unattributed', label: t('unattributedRow'), total: attribution.unattributed.total, eu: attribution.unattributed.eu, projects: attribution.unattributed.projects, unknown: 0 },
    { key: 'unknown', label: t('unknownBudgetRow'), total: 0, eu: 0, projects: attribution.unknownBudget, unknown: attribution.unknownBudget },
  ];
  const height = (rows.length + extra.length) * ROW + 4;
  return (
    <section class="chart" aria-labelledby="chart-municipalities">
      <h3 id="chart-municipalities">{t('chartMunicipalities')}</h3>
      <p class="note">{t('attributionRule')}</p>
      <p class="chart-key">
        <span class="key" style={{ background: flavor.chart_total }} /> {t('legendTotal')} <span class="key" style={{ background: flavor.chart_eu }} /> {t('legendEu')}
      </p>
      <div ref={ref} class="chart-body">
        <svg width={width} height={height} role="group" aria-label={t('chartMunicipalities')}>
          {rows.map((r, i) => {
            const active = hovered === r.municipalityId || chosen.includes(r.municipalityId);
            const value = i18n.moneyShort(r.total);
            // The name says what the bar shows, in its order: a label that holds the visible text (WCAG 2.5.3).
            const label = `${name(r.municipalityId)}: ${note(r.projects, r.unknownBudget)} · ${value}`;
            return (
              <g
                key={r.municipalityId}
                transform={`translate(0, ${i * ROW})`}
                class={`bar-row${active ? ' active' : ''}`}
                data-municipality={r.municipalityId}
                {...toggleRow(chosen.includes(r.municipalityId), label, () => onToggle(r.municipalityId), (on) => onHover(on ? r.municipalityId : null))}
              >
                <rect class="hit" width={width} height={ROW - 2} fill={active ? flavor.chart_highlight : 'transparent'} fill-opacity={0.18} />
                <text x={0} y={14}>
                  <tspan class="bar-label">{name(r.municipalityId)}</tspan>
                  <tspan class="bar-note"> · {note(r.projects, r.unknownBudget)}</tspan>
                </text>
                <rect y={19} width={x(r.total)} height={16} fill={flavor.chart_total} />
                <rect y={19} width={x(r.eu)} height={16} fill={flavor.chart_eu} />
                {/* The leading space keeps the value a word of its own in the bar's text (its accessible name holds it). */}
                <text x={x(r.total) + 4} y={32} class="bar-value">{` ${value}`}</text>
              </g>
            );
          })}
          {extra.map((r, j) => (
            <g key={r.key} transform={`translate(0, ${(rows.length + j) * ROW})`} class="bar-row extra">
              <text x={0} y={14}>
                <tspan class="bar-label">{r.label}</tspan>
                <tspan class="bar-note"> · {t('projectsCount', { n: r.projects })}</tspan>
              </text>
              <rect y={19} width={x(r.total)} height={16} fill={flavor.no_data} />
              <text x={x(r.total) + 4} y={32} class="bar-value">{r.key === 'unattributed' ? i18n.moneyShort(r.total) : t('unknown')}</text>
            </g>
          ))}
        </svg>
      </div>
      {attribution.municipalities.length > TOP && (
        <button type="button" class="more" onClick={() => setAll(!all)}>
          {all ? t('showTop', { n: TOP }) : t('showAll', { n: attribution.municipalities.length })}
        </button>
      )}
      <ChartDownloads name={`${fileBase}-budget-per-municipality`} title={t('chartMunicipalities')} i18n={i18n} />
      <ChartTable
        summary={t('chartTable')}
        caption={t('chartMunicipalities')}
        head={[t('colMunicipality'), t('colTotalEur'), t('colEuEur'), t('colProjects'), t('colUnknownBudget')]}
        rows={[
          ...attribution.municipalities.map((r) => [name(r.municipalityId), i18n.money(r.total), i18n.money(r.eu), r.projects, r.unknownBudget]),
          [t('unattributedRow'), i18n.money(attribution.unattributed.total), i18n.money(attribution.unattributed.eu), attribution.unattributed.projects, 0],
          [t('unknownBudgetRow'), t('unknown'), t('unknown'), attribution.unknownBudget, attribution.unknownBudget],
        ]}
      />
    </section>
  );
}
