/**
 * Projects by total budget on a logarithmic scale, with a d3 brush that sets the budget filter.
 * It shows the selection without its own budget filter, so the whole range stays choosable.
 */
import { brushX, scaleLog, select, type D3BrushEvent } from 'd3';
import { useEffect, useRef } from 'preact/hooks';
import { BUDGET_EDGES, type BudgetBin } from '../core/aggregate';
import type { I18n } from '../i18n';
import type { Flavor } from '../palette/flavors';
import { ChartDownloads } from './ChartDownloads';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

const HEIGHT = 110;

/** Snaps a brushed euro value to two significant digits, so that URLs stay readable. */
const snap = (v: number) => {
  const p = 10 ** (Math.floor(Math.log10(v)) - 1);
  return Math.round(v / p) * p;
};

interface Props {
  fileBase: string;
  /** Projects per budget bin, of the selection without its own budget range. */
  bins: readonly BudgetBin[];
  budget: { min: number | null; max: number | null } | null;
  i18n: I18n;
  flavor: Flavor;
  onBrush(budget: { min: number | null; max: number | null } | null): void;
}

export function BudgetHistogram({ fileBase, bins, budget, i18n, flavor, onBrush }: Props) {
  const { t } = i18n;
  const [ref, width] = useWidth<HTMLDivElement>();
  const brushLayer = useRef<SVGGElement>(null);
  const x = scaleLog().domain([BUDGET_EDGES[0], BUDGET_EDGES[BUDGET_EDGES.length - 1]]).range([0, width]).clamp(true);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const latest = useRef(onBrush);
  latest.current = onBrush;

  useEffect(() => {
    const g = select(brushLayer.current!);
    const brush = brushX<unknown>()
      .extent([[0, 0], [width, HEIGHT]])
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by code below, not by the user
        const s = event.selection as [number, number] | null;
        if (!s) return latest.current(null);
        const [lo, hi] = s.map((px) => snap(x.invert(px)));
        latest.current({ min: s[0] <= 0 ? null : lo, max: s[1] >= width ? null : hi });
      });
    g.call(brush);
    const sel = budget ? ([budget.min === null ? 0 : x(budget.min), budget.max === null ? width : x(budget.max)] as [number, number]) : null;
    g.call(brush.move, sel);
    return () => {
      g.on('.brush', null);
    };
  }, [width, budget?.min, budget?.max]);

  const label = (from: number, to: number) => `${i18n.moneyShort(from)} – ${i18n.moneyShort(to)}`;
  return (
    <section class="chart" aria-labelledby="chart-budget">
      <h3 id="chart-budget">{t('chartBudget')}</h3>
      <p class="note">{t('brushHint')}</p>
      <div ref={ref} class="chart-body">
        <svg width={width} height={HEIGHT + 20} aria-label={t('chartBudget')} role="group">
          {bins.map((b) => {
            const h = (b.count / max) * (HEIGHT - 14);
            return (
              <g key={b.from}>
                <rect x={x(b.from) + 1} y={HEIGHT - h} width={Math.max(1, x(b.to) - x(b.from) - 2)} height={h} fill={flavor.chart_total} />
                {b.count > 0 && (
                  <text x={(x(b.from) + x(b.to)) / 2} y={HEIGHT - h - 3} text-anchor="middle" class="bar-value">
                    {b.count}
                  </text>
                )}
              </g>
            );
          })}
          {[1e4, 1e5, 1e6, 1e7].map((v) => (
            <text x={Math.min(width - 14, Math.max(14, x(v)))} y={HEIGHT + 14} text-anchor="middle" class="axis-label">
              {i18n.moneyShort(v)}
            </text>
          ))}
          <g ref={brushLayer} class="brush" />
        </svg>
      </div>
      <ChartDownloads name={`${fileBase}-budgets`} title={t('chartBudget')} i18n={i18n} />
      <ChartTable
        summary={t('chartTable')}
        caption={t('chartBudget')}
        head={[t('colRange'), t('colProjects')]}
        rows={bins.map((b) => [label(b.from, b.to), b.count])}
      />
    </section>
  );
}
