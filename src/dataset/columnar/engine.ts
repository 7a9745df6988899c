/**
 * The columnar kernel (engine/kernel) as a view's engine (state/view's ViewEngine): a selection is
 * a byte per project. One failure pass per filters object serves every selection made from it
 * (the selection, the budget chart's without its range, the year control's without its year).
 */
import type { Filters } from '../../core/filters';
import type { Columns } from '../../engine/columns';
import { attributionOf, budgetBinsOf, facetCounts, failures, pairsIn, placeCountsOf, queryOf, selected, skipBit, spanOf, summaryOf, themeRowsOf, yearColumnsOf } from '../../engine/kernel';
import type { ViewEngine } from '../../state/view';

/** `matches`: the projects a search text matches (null: no search), found beforehand (the words' shards are fetched). */
export function columnEngine(columns: Columns, matches: (q: string) => Uint8Array | null): ViewEngine<Uint8Array> {
  const passes = new WeakMap<Filters, Uint16Array>();
  const failed = (filters: Filters) => {
    let fails = passes.get(filters);
    if (!fails) passes.set(filters, (fails = failures(columns, queryOf(columns, filters, matches(filters.q)))));
    return fails;
  };
  return {
    select: (filters, skip) => selected(failed(filters), skipBit(skip)),
    facetCounts: (filters) => facetCounts(columns, failed(filters)),
    summary: (set) => summaryOf(columns, set),
    attribution: (set) => attributionOf(columns, set),
    themeRows: (set) => themeRowsOf(columns, set),
    yearColumns: (set) => yearColumnsOf(columns, set),
    budgetBins: (set) => budgetBinsOf(columns, set),
    span: (set) => spanOf(columns, set),
    placeCounts: (set) => placeCountsOf(columns, set),
    pairs: (set) => pairsIn(columns, set),
    startingIn(set, year) {
      const ids: string[] = [];
      for (let i = 0; i < set.length; i++) if (set[i] && columns.yearStart[i] === year) ids.push(columns.ids[i]);
      return ids;
    },
  };
}

