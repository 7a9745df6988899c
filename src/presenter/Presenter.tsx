/**
 * Presenter overlay: large type for the back of a room, a step counter and progress bar, and
 * keyboard or clicker control (→ ← PageDown PageUp Space Home End Esc). Everything it says is on
 * screen: nothing depends on hovering.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Story } from '../core/stories';
import type { I18n } from '../i18n';
import { storyTitle } from '../i18n/labels';
import type { StepView } from './steps';

interface Props {
  story: Story;
  step: number;
  view: StepView;
  i18n: I18n;
  /** In a kiosk the keys belong to the visitor: no keyboard control, no leave button. */
  kiosk: boolean;
  onStep(step: number): void;
  onLeave(): void;
}

export function Presenter({ story, step, view, i18n, kiosk, onStep, onLeave }: Props) {
  const { t } = i18n;
  const total = story.steps.length;
  // One listener for the presentation, reading the step it is at now: a key pressed right after
  // the previous one moves on from the new step, never from a stale one.
  const latest = useRef({ step, total, onStep, onLeave });
  latest.current = { step, total, onStep, onLeave };
  useEffect(() => {
    if (kiosk) return;
    const onKey = (e: KeyboardEvent) => {
      const { step, total, onStep, onLeave } = latest.current;
      const go = (n: number) => {
        e.preventDefault();
        onStep(Math.min(total, Math.max(1, n)));
      };
      if (['ArrowRight', 'PageDown', ' ', 'Spacebar'].includes(e.key)) go(step + 1);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) go(step - 1);
      else if (e.key === 'Home') go(1);
      else if (e.key === 'End') go(total);
      else if (e.key === 'Escape') {
        e.preventDefault();
        onLeave();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [kiosk]);

  return (
    <section class="presenter" aria-labelledby="presenter-title" aria-live="polite">
      <header class="presenter-bar">
        <span class="presenter-story">{storyTitle(story, i18n)}</span>
        <span class="presenter-count">{t('stepOf', { n: step, total })}</span>
      </header>
      <div class="presenter-progress" role="progressbar" aria-valuemin={1} aria-valuemax={total} aria-valuenow={step} aria-label={t('stepOf', { n: step, total })}>
        <span style={{ width: `${(step / total) * 100}%` }} />
      </div>
      <div class="presenter-card">
        <h2 id="presenter-title">{view.title}</h2>
        <p class="presenter-number">
          <strong>{view.number}</strong> <span>{view.numberLabel}</span>
        </p>
        <p class="presenter-body">{view.body}</p>
        {!kiosk && (
          <nav class="presenter-controls">
            <button type="button" onClick={() => onStep(Math.max(1, step - 1))} disabled={step === 1}>
              ← {t('previous')}
            </button>
            <button type="button" onClick={() => onStep(Math.min(total, step + 1))} disabled={step === total}>
              {t('next')} →
            </button>
            <button type="button" onClick={() => document.documentElement.requestFullscreen?.().catch(() => undefined)}>
              {t('fullScreen')}
            </button>
            <button type="button" onClick={onLeave}>
              {t('leavePresentation')}
            </button>
            <span class="presenter-keys">{t('presenterKeys')}</span>
          </nav>
        )}
        {kiosk && <p class="presenter-keys">{t('kioskHint')}</p>}
      </div>
    </section>
  );
}
