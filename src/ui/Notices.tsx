/** What the page tells above its body: a new version ready, the opened file, and what the link could not use. */
import { useEffect, useState } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { ImportProgress } from '../import';
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
  /** `watch` tells how far the reading has come (and returns the way to stop listening). */
  opening: { busy: boolean; watch: ((listener: (p: ImportProgress | null) => void) => () => void) | null; error: string | null };
  /** The opened files and what came of them, while their data is shown. */
  local: { names: string[]; projects: number; problems: number; reportUrl: string | null } | null;
  onBack(): void;
  onCancel(): void;
}

/**
 * The banner of a file opened in the page: why it failed, or whose data is shown and the way back.
 * While a file is read, a card floats over the page instead (how far, and a way to stop): a banner
 * would push the map down, and the map redrawn at its new size would hold the page's thread.
 */
export function LocalNotice({ i18n, opening, local, onBack, onCancel }: LocalProps) {
  const { t } = i18n;
  return (
    <>
      {opening.busy && opening.watch && <ReadingCard i18n={i18n} watch={opening.watch} onCancel={onCancel} />}
      {(local || opening.error) && (
        <section class="notices local" aria-label={t('localData')}>
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
      )}
    </>
  );
}

function ReadingCard({ i18n, watch, onCancel }: { i18n: I18n; watch: NonNullable<LocalProps['opening']['watch']>; onCancel(): void }) {
  const { t } = i18n;
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => watch(setProgress), [watch]);
  const counted = progress && 'done' in progress ? progress : null;
  return (
    <section class="reading-card" aria-label={t('readingFile')}>
      {/* Announced once; the count changes many times a second, so it is shown, not spoken. */}
      <p aria-live="polite">{t('opening')}</p>
      {progress && <p>{progressText(i18n, progress)}</p>}
      {/* Without a count (a file being unpacked), the bar shows that work goes on. */}
      <progress aria-label={t('openingProgress')} max={counted?.total} value={counted?.done} />
      <button type="button" onClick={onCancel}>
        {t('cancelOpening')}
      </button>
    </section>
  );
}

const COUNTED = { rows: 'importRows', placing: 'importPlacing', receiving: 'importReceiving' } as const;

function progressText({ t, count }: I18n, progress: ImportProgress): string {
  if ('done' in progress) return t(COUNTED[progress.step], { done: count(progress.done), total: count(progress.total) });
  return progress.step === 'reading' ? t('importReading', { file: progress.file }) : t('importChecking');
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

/** What opening a tour said: a problem (alert) or notes (status), until dismissed. */
export function TourNotices({ i18n, messages, onDismiss }: { i18n: I18n; messages: readonly { kind: 'problem' | 'note'; text: string }[]; onDismiss(): void }) {
  if (!messages.length) return null;
  const problem = messages.some((m) => m.kind === 'problem');
  return (
    <div class="notices tour-notices" role={problem ? 'alert' : 'status'}>
      <ul>
        {messages.map((m) => (
          <li>{m.text}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {i18n.t('dismiss')}
      </button>
    </div>
  );
}
