/** The charts column: every chart reads the selection; bars drive the filters. */
import { useEffect } from 'preact/hooks';
import type { Attribution } from '../core/attribution';
import { toggle, type Filters } from '../core/filters';
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { BudgetHistogram } from '../charts/BudgetHistogram';
import { MunicipalityChart } from '../charts/MunicipalityChart';
import { ThemeChart } from '../charts/ThemeChart';
import { Timeline } from '../charts/Timeline';
import { light } from '../map/palette';

interface Props {
  selection: readonly Project[];
  /** The selection without its budget filter, for the budget histogram. */
  forBudget: readonly Project[];
  attribution: Attribution;
  filters: Filters;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  hoveredMunicipality: string | null;
  onHoverMunicipality(id: string | null): void;
  onToggleMunicipality(id: string): void;
  onFilters(f: Filters): void;
}

export function Charts(props: Props) {
  const { selection, filters, i18n } = props;
  // Effects run after the charts are in the DOM: the benchmark's "charts updated" point.
  useEffect(() => {
    performance.mark('atlas:charts-updated');
  }, [selection]);
  return (
    <aside class="charts" aria-label={i18n.t('charts')}>
      <MunicipalityChart
        attribution={props.attribution}
        municipalities={props.municipalities}
        i18n={i18n}
        flavor={light}
        hovered={props.hoveredMunicipality}
        chosen={filters.municipalities}
        onHover={props.onHoverMunicipality}
        onToggle={props.onToggleMunicipality}
      />
      <ThemeChart projects={selection} i18n={i18n} flavor={light} chosen={filters.themes} onToggle={(theme) => props.onFilters(toggle(filters, 'themes', theme))} />
      <Timeline projects={selection} i18n={i18n} flavor={light} />
      <BudgetHistogram projects={props.forBudget} budget={filters.budget} i18n={i18n} flavor={light} onBrush={(budget) => props.onFilters({ ...filters, budget })} />
    </aside>
  );
}
