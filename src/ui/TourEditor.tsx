/**
 * Writing a tour in the page: each "Add this view as a step" records what the atlas shows (filters,
 * year, camera, open project); the presenter gives the tour and each step a title and a text, in
 * any of the UI languages, reorders, deletes and previews steps in the presenter, and saves the
 * tour as a file or a link. The draft survives a reload (the app keeps it in the browser).
 */
import type { Written } from '../core/stories';
import type { Project } from '../core/types';
import type { Draft, DraftStep } from '../tours/tours';
import { filterWords, type LabelContext } from '../i18n/labels';
import { projectTitle } from '../i18n/projectTitle';
import { parseUrl } from '../state/url';
import { LanguageOptions } from './LanguageOptions';
import { Panel } from './Panel';

interface Props {
  draft: Draft;
  ctx: LabelContext;
  projectOf(id: string): Project | undefined;
  /** What saving or linking said last (a link, or why there is none). */
  outcome: { link?: string; message?: string } | null;
  onChange(draft: Draft): void;
  onAddStep(): void;
  /** Presents the tour from this step (1-based). */
  onPresent(step: number): void;
  onSave(): void;
  onLink(): void;
  onDiscard(): void;
  onClose(): void;
}

export function TourEditor({ draft, ctx, projectOf, outcome, onChange, onAddStep, onPresent, onSave, onLink, onDiscard, onClose }: Props) {
  const { i18n } = ctx;
  const { t, programme } = i18n;
  const lang = draft.language;
  const set = (w: Written, text: string): Written => ({ ...w, [lang]: text });
  const setStep = (i: number, patch: Partial<DraftStep>) => onChange({ ...draft, steps: draft.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const move = (i: number, by: number) => {
    const steps = [...draft.steps];
    [steps[i], steps[i + by]] = [steps[i + by], steps[i]];
    onChange({ ...draft, steps });
  };
  /** What a step shows, in words: its filters and year, its project, whether it has a camera. */
  const shows = (step: DraftStep) => {
    const filters = parseUrl(`?${step.filters ?? ''}`, programme).state.filters;
    const project = step.project ? projectOf(step.project) : undefined;
    return [
      ...filterWords(filters, ctx).map((w) => w.words),
      ...(step.project ? [project ? projectTitle(project, i18n) : step.project] : []),
      ...(step.camera ? [t('tourStepCamera')] : []),
    ].join(' · ') || t('allProjects');
  };
  const ready = draft.steps.length > 0;
  return (
    <Panel kind="tour-editor" titleId="tour-editor-title" title={t('tourEditor')} closeLabel={t('close')} onClose={onClose}>
      <p class="note">{t('tourEditorIntro')}</p>
      <label class="field">
        {t('tourLanguage')}{' '}
        <select value={lang} onChange={(e) => onChange({ ...draft, language: (e.target as HTMLSelectElement).value })}>
          <LanguageOptions programme={programme} />
        </select>
      </label>
      <label class="field">
        {t('tourTitle')}
        <input type="text" lang={lang} value={draft.title[lang] ?? ''} maxLength={200} onInput={(e) => onChange({ ...draft, title: set(draft.title, (e.target as HTMLInputElement).value) })} />
      </label>
      <button type="button" class="primary" onClick={onAddStep}>
        {t('tourAddStep')}
      </button>
      <ol class="tour-steps">
        {draft.steps.map((step, i) => {
          const n = i + 1;
          return (
            <li key={i}>
              <h3>{t('tourStepN', { n })}</h3>
              <p class="meta">{shows(step)}</p>
              <label class="field">
                {t('tourStepTitle', { n })}
                <input type="text" lang={lang} value={step.title[lang] ?? ''} maxLength={200} onInput={(e) => setStep(i, { title: set(step.title, (e.target as HTMLInputElement).value) })} />
              </label>
              <label class="field">
                {t('tourStepText', { n })}
                <textarea lang={lang} rows={3} value={step.body[lang] ?? ''} maxLength={2000} onInput={(e) => setStep(i, { body: set(step.body, (e.target as HTMLTextAreaElement).value) })} />
              </label>
              <div class="tour-step-actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('tourMoveUp', { n })}>
                  ↑
                </button>
                <button type="button" disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)} aria-label={t('tourMoveDown', { n })}>
                  ↓
                </button>
                <button type="button" onClick={() => onPresent(n)} aria-label={t('tourPreviewStep', { n })}>
                  {t('tourPreview')}
                </button>
                <button type="button" onClick={() => onChange({ ...draft, steps: draft.steps.filter((_, k) => k !== i) })} aria-label={t('tourDeleteStep', { n })}>
                  {t('tourDelete')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {!ready && <p class="empty">{t('tourNoSteps')}</p>}
      <div class="tour-actions">
        <button type="button" disabled={!ready} onClick={() => onPresent(1)}>
          {t('tourPresent')}
        </button>
        <button type="button" disabled={!ready} onClick={onSave}>
          {t('tourSave')}
        </button>
        <button type="button" disabled={!ready} onClick={onLink}>
          {t('tourLink')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('tourDiscard')}
        </button>
      </div>
      {outcome?.link && (
        <label class="field">
          {t('tourLinkLabel')}
          <input type="text" readOnly value={outcome.link} onFocus={(e) => (e.target as HTMLInputElement).select()} />
        </label>
      )}
      {outcome?.message && <p role="status">{outcome.message}</p>}
    </Panel>
  );
}
