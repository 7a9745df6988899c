/** The details of one project: a non-modal dialog labelled by the project's title. */
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { Panel } from './Panel';
import { ThemeSwatch } from './ThemeSwatch';
import { municipalityName } from '../i18n/labels';
import { projectTitle } from '../i18n/projectTitle';
import { amountText, safeHref } from './format';

interface Props {
  project: Project;
  /** The summary, links and notes are still loading (null), or could not load (the reason). */
  details?: { loading: boolean; error: string | null };
  municipalities: Map<string, MunicipalityRecord>;
  i18n: I18n;
  onClose(): void;
}

export function ProjectDialog({ project: p, details, municipalities, i18n, onClose }: Props) {
  const { t } = i18n;
  const period = p.period ?? t('periodUnknown');
  const dates = [p.startDate, p.endDate].map((d) => (d ? i18n.date(d) : '…')).join(' – ');
  const place = (municipalityId: string) => municipalityName(municipalityId, municipalities, i18n);
  return (
    <Panel kind="details" titleId="project-title" title={projectTitle(p, i18n)} closeLabel={t('closeDetails')} focusKey={p.id} onClose={onClose}>
      {p.untitled && <p class="note">{t('untitledNote')}</p>}
      {p.acronym && <p class="acronym">{p.acronym}</p>}
      <dl class="facts">
        {p.code && (
          <>
            <dt>{t('code')}</dt>
            <dd>{p.code}</dd>
          </>
        )}
        <dt>{t('period')}</dt>
        <dd>{period}</dd>
        {(p.priorityAxis || p.specificObjective) && (
          <>
            <dt>{t('priority')}</dt>
            <dd>{[p.priorityAxis, p.specificObjective].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        <dt>{t('theme')}</dt>
        <dd>
          <ThemeSwatch theme={p.theme} /> {i18n.theme(p.theme)}{' '}
          <span class="basis">({t(`themeBasis_${p.themeBasis}`, { because: p.themeBecause })})</span>
        </dd>
        {p.type && (
          <>
            <dt>{t('type')}</dt>
            <dd>{t(`type_${p.type}`)}</dd>
          </>
        )}
        {(p.startDate || p.endDate || p.durationMonths) && (
          <>
            <dt>{t('dates')}</dt>
            <dd>
              {p.startDate || p.endDate ? dates : ''}
              {p.durationMonths ? ` (${t('duration', { n: p.durationMonths })})` : ''}
            </dd>
          </>
        )}
        <dt>{t('totalBudget')}</dt>
        <dd>{amountText(p.total, i18n)}</dd>
        <dt>{t('euBudget')}</dt>
        <dd>
          {p.eu?.derived && p.eu.value !== null && p.euRate !== null
            ? t('derivedEu', { amount: i18n.money(p.eu.value), rate: i18n.percent(p.euRate) })
            : amountText(p.eu, i18n)}
        </dd>
      </dl>

      <h3>{t('partners')}</h3>
      {p.partners.length ? (
        <ul class="partners">
          {p.partners.map((partner) => {
            const loc = partner.location === null ? null : p.locations[partner.location];
            return (
              <li>
                <strong>{partner.name}</strong> — {t(partner.role ? `role_${partner.role}` : 'role_unknown')}
                {partner.budget && <> · {amountText(partner.budget, i18n)}</>}
                <br />
                <span class="where">
                  {loc
                    ? `${i18n.place(loc.names)}, ${place(loc.municipalityId)}, ${i18n.country(loc.country)}`
                    : [partner.town, partner.country && i18n.country(partner.country), t('partnerNotPlaced')].filter(Boolean).join(', ')}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('unknown')}</p>
      )}

      {p.locations.length > 0 && (
        <>
          <h3>{t('locations')}</h3>
          <ul class="locations">
            {p.locations.map((l) => (
              <li>
                {i18n.place(l.names)} ({place(l.municipalityId)}, {i18n.country(l.country)}) — {t(`method_${l.method}`)}
                {l.site && <> · “{l.site}”</>}
              </li>
            ))}
          </ul>
        </>
      )}

      {p.sites.length > 0 && (
        <>
          <h3>{t('sites')}</h3>
          <ul>
            {p.sites.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </>
      )}

      {details?.loading && (
        <p class="note" aria-busy="true">
          {t('detailsLoading')}
        </p>
      )}
      {details?.error && (
        <p class="note" role="alert">
          {t('detailsFailed', { reason: details.error })}
        </p>
      )}
      {p.summary && (
        <>
          <h3>
            {t('summary')} <span class="basis">({t('summaryLanguageNote')})</span>
          </h3>
          <p class="summary">{p.summary}</p>
        </>
      )}

      {p.links.length > 0 && <LinkList title={t('links')} urls={p.links} />}
      <LinkList title={t('sources')} urls={p.sources} />
      {p.notes && (
        <details>
          <summary>{t('notes')}</summary>
          <p class="notes">{p.notes}</p>
        </details>
      )}
    </Panel>
  );
}

function LinkList({ title, urls }: { title: string; urls: string[] }) {
  return (
    <>
      <h3>{title}</h3>
      <ul class="links">
        {urls.map((url) => {
          const href = safeHref(url);
          return <li>{href ? <a href={href} target="_blank" rel="noopener noreferrer">{url}</a> : url}</li>;
        })}
      </ul>
    </>
  );
}
