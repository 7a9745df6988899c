/** "104 projects · 81 on the map · €26.9M, budget known for 60" for the current selection. */
import type { Summary } from '../core/summary';
import type { I18n } from '../i18n';

export function StatusLine({ summary, i18n }: { summary: Summary; i18n: I18n }) {
  const { t } = i18n;
  return (
    <p class="status" role="status">
      {t('statusLine', {
        projects: t('projectsCount', { n: summary.projects }),
        onMap: summary.onMap,
        budget: summary.budgetKnown ? i18n.moneyShort(summary.budget) : t('budgetNone'),
        known: summary.budgetKnown,
      })}
    </p>
  );
}
