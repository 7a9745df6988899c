/** Projects by start year, stacked by theme; projects without a start date get their own column. */
import { scaleBand, scaleLinear } from 'd3';
import { UNKNOWN_YEAR, type YearColumn } from '../core/aggregate';
import { ALL_THEMES } from '../core/themes';
import type { I18n } from '../i18n';
import type { Flavor } from '../palette/flavors';
import { ChartDownloads } from './ChartDownloads';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

const HEIGHT = 150;
const UNKNOWN = UNKNOWN_YEAR;

export function Timeline({ fileBase, columns, i18n, flavor }: { fileBase: string; columns: readonly YearColumn[]; i18n: I18n; flavor: Flavor }) {
  const { t } = i18n;
  const [ref, width] = useWidth<HTMLDivElement>();
  const label = (year: string) => (year === UNKNOWN ? t('startUnknown') : year);
  const x = scaleBand<string>().domain(columns.map((c) => c.year)).range([0, width]).padding(0.15);
  const y = scaleLinear().domain([0, Math.max(1, ...columns.map((c) => c.total))]).range([HEIGHT, 0]);
  const order = ALL_THEMES;
  return (
    <section class="chart" aria-labelledby="chart-timeline">
      <h3 id="chart-timeline">{t('chartTimeline')}</h3>
      <div ref={ref} class="chart-body">
        <svg width={width} height={HEIGHT + 34} role="img" aria-label={t('chartTimeline')}>
          {columns.map((c) => {
            let top = HEIGHT;
            return (
              <g key={c.year} transform={`translate(${x(c.year)}, 0)`}>
                {order.map((theme) => {
                  const n = c.byTheme.get(theme) ?? 0;
                  if (!n) return null;
                  const h = HEIGHT - y(n);
                  top -= h;
                  return <rect key={theme} y={top} width={x.bandwidth()} height={h} fill={flavor.themes[theme]} />;
                })}
                {c.total > 0 && (
                  <text x={x.bandwidth() / 2} y={top - 3} text-anchor="middle" class="bar-value">
                    {c.total}
                  </text>
                )}
                {(columns.length <= 14 || Number(c.year) % 2 === 0 || c.year === UNKNOWN) && (
                  <text x={x.bandwidth() / 2} y={HEIGHT + 14} text-anchor="middle" class="axis-label">
                    {c.year === UNKNOWN ? '?' : `’${c.year.slice(2)}`}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ChartDownloads name={`${fileBase}-timeline`} title={t('chartTimeline')} i18n={i18n} />
      <ChartTable
        summary={t('chartTable')}
        caption={t('chartTimeline')}
        head={[t('colYear'), t('colProjects'), ...order.map((th) => i18n.theme(th))]}
        rows={columns.map((c) => [label(c.year), c.total, ...order.map((th) => c.byTheme.get(th) ?? 0)])}
      />
    </section>
  );
}
