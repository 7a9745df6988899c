/** "104 projects · 81 on the map · €26.9M, budget known for 60" for the current selection. */
import type { Summary } from '../core/summary';
import type { I18n } from '../i18n';

export function statusText(summary: Summary, { t, moneyShort }: I18n): string {
  return t('statusLine', {
    projects: t('projectsCount', { n: summary.projects }),
    onMap: summary.onMap,
    budget: summary.budgetKnown ? moneyShort(summary.budget) : t('budgetNone'),
    known: summary.budgetKnown,
  });
}

export function StatusLine({ summary, i18n }: { summary: Summary; i18n: I18n }) {
  return (
    <p class="status" role="status">
      {statusText(summary, i18n)}
    </p>
  );
}
