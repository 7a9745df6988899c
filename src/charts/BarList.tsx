/** A small labelled bar list (the profile's per-period and per-theme figures), with its table. */
import { scaleLinear } from 'd3';
import type { I18n } from '../i18n';
import { ChartTable } from './ChartTable';
import { useWidth } from './useWidth';

export interface Bar {
  key: string;
  label: string;
  value: number;
  count: number;
  color: string;
}

const ROW = 26;

export function BarList({ title, bars, i18n, valueHead }: { title: string; bars: Bar[]; i18n: I18n; valueHead: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const labelWidth = Math.round(width * 0.38);
  const x = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.value))]).range([0, width - labelWidth - 90]);
  return (
    <section class="chart">
      <h4>{title}</h4>
      <div ref={ref} class="chart-body">
        <svg width={width} height={bars.length * ROW + 2} role="img" aria-label={title}>
          {bars.map((b, i) => (
            <g key={b.key} transform={`translate(0, ${i * ROW})`}>
              <text x={0} y={17} class="bar-label">
                {b.label}
              </text>
              <rect x={labelWidth} y={5} width={Math.max(1, x(b.value))} height={ROW - 10} fill={b.color} />
              <text x={labelWidth + x(b.value) + 4} y={17} class="bar-value">
                {i18n.moneyShort(b.value)} · {b.count}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ChartTable summary={i18n.t('chartTable')} caption={title} head={['', valueHead, i18n.t('colProjects')]} rows={bars.map((b) => [b.label, i18n.money(b.value), b.count])} />
    </section>
  );
}
