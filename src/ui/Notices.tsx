/** What the page tells above its body: a new version ready, the opened file, and what the link could not use. */
import type { I18n } from '../i18n';
import type { Notice } from '../state/url';

export function UpdateNotice({ i18n, onReload }: { i18n: I18n; onReload(): void }) {
  return (
    <div class="notices update" role="status">
      <span>{i18n.t('updateReady')}</span>
      <button type="button" onClick={onReload}>
        {i18n.t('reloadNow')}
      </button>
    </div>
  );
}

interface LocalProps {
  i18n: I18n;
  opening: { busy: boolean; error: string | null };
  /** The opened files and what came of them, while their data is shown. */
  local: { names: string[]; projects: number; problems: number; reportUrl: string | null } | null;
  onBack(): void;
}

/** The banner of a file opened in the page: reading it, why it failed, or whose data is shown and the way back. */
export function LocalNotice({ i18n, opening, local, onBack }: LocalProps) {
  const { t } = i18n;
  if (!local && !opening.busy && !opening.error) return null;
  return (
    <section class="notices local" aria-label={t('localData')}>
      {opening.busy && <p>{t('opening')}</p>}
      {opening.error && <p role="alert">{t('openFailed', { reason: opening.error })}</p>}
      {local && (
        <>
          <p>{t('localBanner', { files: local.names.join(', '), n: local.projects, problems: local.problems })}</p>
          <a href={local.reportUrl ?? undefined} download="import-report.md">
            {t('downloadReport')}
          </a>
          <button type="button" onClick={onBack}>
            {t('backToPublished')}
          </button>
        </>
      )}
    </section>
  );
}

export function LinkNotices({ i18n, notices, onDismiss }: { i18n: I18n; notices: readonly Notice[]; onDismiss(): void }) {
  const { t } = i18n;
  if (!notices.length) return null;
  return (
    <div class="notices" role="note" aria-label={t('notices')}>
      <ul>
        {notices.map((n) => (
          <li>
            {n.reason === 'unknown-parameter'
              ? t('noticeUnknownParam', { param: n.param })
              : t(n.reason === 'unknown-id' ? 'noticeUnknownId' : 'noticeInvalidValue', { param: n.param, value: n.value })}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
