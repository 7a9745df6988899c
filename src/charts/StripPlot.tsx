/**
 * One value against all the others on a line: a dot per member, the chosen one larger and named,
 * the median marked. Members without a value are left out (said in the table). With its table.
 */
import { scaleLinear } from 'd3';
import type { ComponentChildren } from 'preact';
import { rankOf } from '../core/population';
import type { I18n } from '../i18n';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

export interface StripPoint {
  key: string;
  label: string;
  value: number | null;
}

interface Props {
  title: string;
  points: readonly StripPoint[];
  chosen: string;
  median: number | null;
  format(value: number): string;
  /** The table's columns after the name, its value and rank. */
  extraHead: string[];
  extra(point: StripPoint): ComponentChildren[];
  i18n: I18n;
  /** Dot colours: the others, and the chosen one. */
  colors: { dot: string; chosen: string };
}

const HEIGHT = 64;
const AXIS_Y = 34;
const MARGIN = 10;

export function StripPlot({ title, points, chosen, median, format, extraHead, extra, i18n, colors }: Props) {
  const { t } = i18n;
  const [ref, width] = useWidth<HTMLDivElement>();
  const known = points.filter((p): p is StripPoint & { value: number } => p.value !== null).sort((a, b) => b.value - a.value);
  const x = scaleLinear()
    .domain([0, Math.max(1e-9, ...known.map((p) => p.value))])
    .range([MARGIN, width - MARGIN]);
  const mine = known.find((p) => p.key === chosen);
  // Labels stay inside the plot: anchored at their end near the right edge, at their start near the left.
  const anchor = (v: number) => (x(v) > width * 0.7 ? 'end' : x(v) < width * 0.3 ? 'start' : 'middle');
  const values = new Map(points.map((p) => [p.key, p.value]));
  const keys = points.map((p) => p.key);
  return (
    <section class="chart strip">
      <h4>{title}</h4>
      <div ref={ref} class="chart-body">
        <svg width={width} height={HEIGHT} role="img" aria-label={`${title}: ${mine ? `${mine.label} ${format(mine.value)}` : ''}${median !== null ? `, ${t('stripMedian')} ${format(median)}` : ''}`}>
          <line x1={MARGIN} x2={width - MARGIN} y1={AXIS_Y} y2={AXIS_Y} class="strip-axis" />
          {known
            .filter((p) => p.key !== chosen)
            .map((p) => (
              <circle key={p.key} cx={x(p.value)} cy={AXIS_Y} r={4} fill={colors.dot} fill-opacity={0.4} />
            ))}
          {median !== null && (
            <g class="strip-median">
              <line x1={x(median)} x2={x(median)} y1={AXIS_Y - 12} y2={AXIS_Y + 12} />
              <text x={x(median)} y={AXIS_Y + 26} text-anchor={anchor(median)} class="axis-label">
                {t('stripMedian')} {format(median)}
              </text>
            </g>
          )}
          {mine && (
            <g class="strip-chosen">
              <circle cx={x(mine.value)} cy={AXIS_Y} r={7} fill={colors.chosen} stroke="#fff" stroke-width={2} />
              <text x={x(mine.value)} y={AXIS_Y - 13} text-anchor={anchor(mine.value)} class="bar-label">
                {mine.label} {format(mine.value)}
              </text>
            </g>
          )}
        </svg>
      </div>
      <ChartTable
        summary={t('chartTable')}
        caption={title}
        head={[t('colMunicipality'), t('budgetPerInhabitant'), t('colRank'), ...extraHead]}
        rows={[...known, ...points.filter((p) => p.value === null)].map((p) => [
          p.key === chosen ? <strong>{p.label}</strong> : p.label,
          p.value === null ? t('noData') : format(p.value),
          rankOf(p.key, values, keys).rank ?? '—',
          ...extra(p),
        ])}
      />
    </section>
  );
}
