/** Budget (known totals) and number of projects per theme; a bar click filters by that theme. */
import { scaleLinear } from 'd3';
import type { ThemeRow } from '../core/aggregate';
import type { ThemeId } from '../core/themes';
import type { I18n } from '../i18n';
import type { Flavor } from '../palette/flavors';
import { ChartDownloads } from './ChartDownloads';
import { toggleRow } from './toggleRow';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

const ROW = 30;

interface Props {
  fileBase: string;
  rows: readonly ThemeRow[];
  i18n: I18n;
  flavor: Flavor;
  chosen: readonly string[];
  onToggle(theme: ThemeId): void;
}

export function ThemeChart({ fileBase, rows, i18n, flavor, chosen, onToggle }: Props) {
  const { t } = i18n;
  const [ref, width] = useWidth<HTMLDivElement>();
  const labelWidth = Math.round(width * 0.42);
  const x = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => r.budget))]).range([0, width - labelWidth - 60]);
  return (
    <section class="chart" aria-labelledby="chart-themes">
      <h3 id="chart-themes">{t('chartThemes')}</h3>
      <div ref={ref} class="chart-body">
        <svg width={width} height={rows.length * ROW + 4} role="group" aria-label={t('chartThemes')}>
          {rows.map((r, i) => (
            <g
              key={r.theme}
              transform={`translate(0, ${i * ROW})`}
              class={`bar-row${chosen.includes(r.theme) ? ' active' : ''}`}
              {...toggleRow(chosen.includes(r.theme), `${i18n.theme(r.theme)}: ${i18n.moneyShort(r.budget)} · ${t('projectsCount', { n: r.projects })}`, () => onToggle(r.theme))}
            >
              <rect class="hit" width={width} height={ROW - 2} fill={chosen.includes(r.theme) ? flavor.chart_highlight : 'transparent'} fill-opacity={0.18} />
              <text x={0} y={19} class="bar-label">
                {i18n.theme(r.theme)}
              </text>
              <rect x={labelWidth} y={5} width={Math.max(1, x(r.budget))} height={ROW - 12} fill={flavor.themes[r.theme]} />
              <text x={labelWidth + x(r.budget) + 4} y={19} class="bar-value">
                {` ${i18n.moneyShort(r.budget)} · ${r.projects}`}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ChartDownloads name={`${fileBase}-themes`} title={t('chartThemes')} i18n={i18n} />
      <ChartTable
        summary={t('chartTable')}
        caption={t('chartThemes')}
        head={[t('colTheme'), t('colProjects'), t('colTotalEur'), t('colUnknownBudget')]}
        rows={rows.map((r) => [i18n.theme(r.theme), r.projects, i18n.money(r.budget), r.unknownBudget])}
      />
    </section>
  );
}
