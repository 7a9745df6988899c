/** "SVG" and "PNG" buttons that save the chart in the same section. */
import type { I18n } from '../i18n';
import { saveFile, standaloneSvg, svgToPng } from './download';

export function ChartDownloads({ name, title, i18n }: { name: string; title: string; i18n: I18n }) {
  const svgOf = (button: HTMLElement) => button.closest('section')!.querySelector<SVGSVGElement>('.chart-body svg')!;
  return (
    <p class="chart-downloads">
      <button type="button" aria-label={i18n.t('downloadChart', { chart: title, format: 'SVG' })} onClick={(e) => saveFile(`${name}.svg`, new Blob([standaloneSvg(svgOf(e.currentTarget as HTMLElement))], { type: 'image/svg+xml' }))}>
        SVG
      </button>
      <button
        type="button"
        aria-label={i18n.t('downloadChart', { chart: title, format: 'PNG' })}
        onClick={async (e) => saveFile(`${name}.png`, await svgToPng(standaloneSvg(svgOf(e.currentTarget as HTMLElement))))}
      >
        PNG
      </button>
    </p>
  );
}
