/** Sources, licences, method and coverage against the official figures. */
import { allCredits } from '../core/credits';
import type { AtlasData } from '../core/types';
import type { I18n } from '../i18n';
import { populationUse } from '../i18n/labels';
import { Panel } from './Panel';

export function AboutDialog({ data, i18n, onClose }: { data: AtlasData; i18n: I18n; onClose(): void }) {
  const { t } = i18n;
  const found = (period: string | null) => data.projects.filter((p) => p.period === period).length;
  const population = populationUse(data.municipalities, i18n);
  return (
    <Panel kind="about" titleId="about-title" title={t('about')} closeLabel={t('close')} onClose={onClose}>
      <p>{t('aboutIntro')}</p>
      <h3>{t('coverage')}</h3>
      <ul class="coverage">
        {i18n.programme.periods.map(({ id: period }) => {
          const official = data.officialCounts.find((c) => c.period === period);
          return (
            <li key={period}>
              {official
                ? t('coverageRow', { period, found: found(period), official: official.min === official.max ? official.min : `${official.min}–${official.max}` })
                : t('coverageNoOfficial', { period, found: found(period) })}
              {official && (
                <ul class="sources">
                  {official.sources.map((s) => (
                    <li>
                      “{s.value}” — <a href={s.url} target="_blank" rel="noopener noreferrer">{new URL(s.url).hostname}</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
        <li>{t('coverageUnknownPeriod', { found: found(null) })}</li>
      </ul>
      <h3>{t('methodTitle')}</h3>
      <p>{t('methodPlaces')}</p>
      <p>{t('methodThemes')}</p>
      <p>{t('methodPopulation')}</p>
      <ul class="population-use">
        {population.uses.map((u) => (
          <li key={u.name}>{t('populationUse', { source: u.name, n: u.count })}</li>
        ))}
        <li>{t('populationNoneUse', { n: population.none })}</li>
      </ul>
      <p>
        {t('templateNote')} <a href="./list-of-operations-template.xlsx" download>{t('templateLink')}</a>
      </p>
      <h3>{t('sourcesTitle')}</h3>
      <ul class="credits">
        {allCredits(i18n.programme).map((c) => (
          <li key={c.what}>
            <strong>{c.what}:</strong> {c.who} — <a href={c.url} target="_blank" rel="noopener noreferrer">{c.licence}</a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
