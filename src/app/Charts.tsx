/** The charts column: every chart shows rows of the derived view; bars drive the filters. */
import { useEffect } from 'preact/hooks';
import { mark } from '../core/marks';
import { exportName } from '../core/export';
import { toggle, type Filters } from '../core/filters';
import type { MunicipalityRecord } from '../core/types';
import type { I18n } from '../i18n';
import { municipalityName } from '../i18n/labels';
import { BudgetHistogram } from '../charts/BudgetHistogram';
import { MunicipalityChart } from '../charts/MunicipalityChart';
import { PerInhabitantChart } from '../charts/PerInhabitantChart';
import { ThemeChart } from '../charts/ThemeChart';
import { Timeline } from '../charts/Timeline';
import type { Flavor } from '../palette/flavors';
import type { Pair } from '../core/network';
import { ChartTable } from '../charts/ChartTable';
import { NETWORK_PAIRS, type View } from '../state/view';

interface Props {
  view: View;
  /** The link's filters (a story step may show others). */
  filters: Filters;
  flavor: Flavor;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  hoveredMunicipality: string | null;
  onHoverMunicipality(id: string | null): void;
  onToggleMunicipality(id: string): void;
  onFilters(f: Filters): void;
  /** Cooperation pairs of the selection when the network is shown, else null. */
  pairs: readonly Pair[] | null;
  onOpenProfile(municipalityId: string): void;
}

export function Charts(props: Props) {
  const { view, filters, i18n, flavor } = props;
  const { charts } = view;
  const fileBase = exportName(filters, props.municipalities, props.i18n.programme);
  const place = (id: string) => municipalityName(id, props.municipalities, i18n);
  // The charts by municipality: one hover and one choice with the map.
  const byMunicipality = {
    fileBase,
    municipalities: props.municipalities,
    i18n,
    flavor,
    hovered: props.hoveredMunicipality,
    chosen: filters.municipalities,
    onHover: props.onHoverMunicipality,
    onToggle: props.onToggleMunicipality,
  };
  // Effects run after the charts are in the DOM: the benchmark's "charts updated" point.
  useEffect(() => {
    mark('atlas:charts-updated');
  }, [view.selection]);
  return (
    <aside class="charts" aria-label={i18n.t('charts')}>
      {filters.municipalities.length === 1 && (
        <button type="button" class="open-profile" onClick={() => props.onOpenProfile(filters.municipalities[0])}>
          {i18n.t('openProfile', { name: place(filters.municipalities[0]) })} →
        </button>
      )}
      {props.pairs && <StrongestPairs pairs={props.pairs} place={place} i18n={i18n} />}
      {view.choropleth?.metric === 'per-inhabitant' && <PerInhabitantChart values={view.choropleth.values} {...byMunicipality} />}
      <MunicipalityChart attribution={view.attribution} {...byMunicipality} />
      <ThemeChart fileBase={fileBase} rows={charts.themes} i18n={i18n} flavor={flavor} chosen={filters.themes} onToggle={(theme) => props.onFilters(toggle(filters, 'themes', theme))} />
      <Timeline fileBase={fileBase} columns={charts.years} i18n={i18n} flavor={flavor} />
      <BudgetHistogram fileBase={fileBase} bins={charts.budgets} budget={filters.budget} i18n={i18n} flavor={flavor} onBrush={(budget) => props.onFilters({ ...filters, budget })} />
    </aside>
  );
}

const TOP_PAIRS = 10;

/** The strongest cross-border pairs of the selection, as a ranked list with its table. */
function StrongestPairs({ pairs, place, i18n }: { pairs: readonly Pair[]; place(id: string): string; i18n: I18n }) {
  const { t } = i18n;
  return (
    <section class="chart" aria-labelledby="strongest-pairs">
      <h3 id="strongest-pairs">{t('strongestPairs')}</h3>
      <ol class="pairs">
        {pairs.slice(0, TOP_PAIRS).map((p) => (
          <li key={`${p.a}|${p.b}`}>
            {place(p.a)} – {place(p.b)}: {t('jointProjects', { n: p.projects })}
          </li>
        ))}
      </ol>
      {pairs.length > NETWORK_PAIRS && <p class="note">{t('pairsShown', { n: i18n.count(NETWORK_PAIRS), of: i18n.count(pairs.length) })}</p>}
      <ChartTable
        summary={t('chartTable')}
        caption={t('strongestPairs')}
        head={[t('colPair'), t('colProjects'), t('colTotalEur')]}
        rows={pairs.slice(0, NETWORK_PAIRS).map((p) => [`${place(p.a)} – ${place(p.b)}`, p.projects, i18n.money(p.budget)])}
      />
    </section>
  );
}
