/**
 * The year beside the map: a slider with Play/Pause and the year in large type. The map, charts,
 * list, status line and facet counts show the projects started by the end of that year (how the
 * cooperation grew), or those running in it. Playing steps a year at a time, passes years with
 * nothing new quickly and holds the last; each step replaces the history entry the first one made,
 * so Back leaves the play as a whole. Space plays and pauses; the arrow keys move the slider.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Summary } from '../core/summary';
import { YEAR_MODES, type YearFilter, type YearMode, type YearSpan } from '../core/years';
import type { I18n } from '../i18n';

/** Time on a year with new projects at 1×, and on a year with none. */
const YEAR_MS = 1200;
const QUIET_MS = 250;
export const SPEEDS = [0.5, 1, 2, 4] as const;

interface Props {
  span: YearSpan;
  value: YearFilter | null;
  summary: Summary;
  i18n: I18n;
  /** A new year (null: all years); `replace` while playing, after the play's first step. */
  onChange(value: YearFilter | null, options: { replace: boolean }): void;
  /** Start playing at once (a tour step that plays its years). */
  autoplay?: boolean;
  /** The play reached the last year. */
  onPlayed?(): void;
}

/** The next year of a play from `year` (before the first: the first), or null at the end. */
export const nextYear = (span: YearSpan, year: number | null): number | null => (year === null || year < span.first ? span.first : year < span.last ? year + 1 : null);

/** How long a play shows `year`: years in which nothing starts pass quickly. */
export const dwell = (span: YearSpan, year: number, speed: number) => ((span.starts.get(year) ?? 0) > 0 ? YEAR_MS : QUIET_MS) / speed;

export function YearControl({ span, value, summary, i18n, onChange, autoplay = false, onPlayed }: Props) {
  const { t } = i18n;
  const [playing, setPlaying] = useState(autoplay);
  const [speed, setSpeed] = useState<number>(1);
  const mode: YearMode = value?.mode ?? 'started';
  const year = value?.year ?? null;
  const started = useRef(false);

  // One timer per shown year while playing: the step to the next year, or the end of the play.
  useEffect(() => {
    if (!playing) return;
    if (!started.current) {
      started.current = true;
      // A play starts at the first year unless it is partway through.
      const from = year !== null && year < span.last ? year : null;
      onChange({ year: nextYear(span, from)!, mode }, { replace: false });
      return;
    }
    const next = nextYear(span, year);
    const timer = setTimeout(
      () => {
        if (next === null) {
          setPlaying(false);
          onPlayed?.();
        } else onChange({ year: next, mode }, { replace: true });
      },
      dwell(span, year ?? span.first, speed),
    );
    return () => clearTimeout(timer);
  }, [playing, year, speed]);
  useEffect(() => {
    if (!playing) started.current = false;
  }, [playing]);

  const toggle = () => setPlaying(!playing);
  const counters = [
    t('projectsCount', { n: summary.projects }),
    summary.budgetKnown ? i18n.moneyShort(summary.budget) : t('budgetNone'),
    t('partnersCount', { n: summary.partners }),
    t('municipalitiesCount', { n: summary.municipalities }),
  ];
  return (
    <section
      class="year-control"
      aria-label={t('yearControl')}
      onKeyDown={(e) => {
        const target = (e.target as HTMLElement).tagName;
        // Keys the control uses are its own, not the presenter's (→ and Space also turn its pages).
        if (target === 'INPUT' && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) e.stopPropagation();
        if (e.key === ' ' && target !== 'SELECT') {
          e.stopPropagation();
          if (target === 'BUTTON') return;
          e.preventDefault();
          toggle();
        }
      }}
    >
      <div class="year-row">
        <button type="button" class="play" aria-pressed={playing} onClick={toggle}>
          {playing ? `❚❚ ${t('yearPause')}` : `▶ ${t('yearPlay')}`}
        </button>
        <label class="year-slider">
          <span class="visually-hidden">{t('yearControl')}</span>
          <input
            type="range"
            min={span.first}
            max={span.last}
            step={1}
            value={year ?? span.last}
            aria-valuetext={year === null ? t('yearAll') : String(year)}
            onInput={(e) => onChange({ year: Number((e.target as HTMLInputElement).value), mode }, { replace: false })}
          />
        </label>
        {/* Large for the room; the slider says the same to assistive technology. */}
        <span class={`year-big${year === null ? ' all' : ''}`} aria-hidden="true">
          {year ?? t('yearAll')}
        </span>
      </div>
      <div class="year-row">
        <fieldset class="year-mode">
          <legend class="visually-hidden">{t('yearModeLegend')}</legend>
          {YEAR_MODES.map((m) => (
            <label key={m}>
              <input type="radio" name="year-mode" checked={mode === m} onChange={() => year !== null && onChange({ year, mode: m }, { replace: false })} /> {t(`yearMode_${m}`)}
            </label>
          ))}
        </fieldset>
        <label class="year-speed">
          {t('yearSpeed')}{' '}
          <select value={String(speed)} onChange={(e) => setSpeed(Number((e.target as HTMLSelectElement).value))}>
            {SPEEDS.map((s) => (
              <option value={String(s)}>{`${s}×`}</option>
            ))}
          </select>
        </label>
        {year !== null && (
          <button type="button" class="link" onClick={() => (setPlaying(false), onChange(null, { replace: false }))}>
            {t('yearAll')}
          </button>
        )}
      </div>
      {/* With a year shown: its counters, and how many projects are dated by their period (the status line has the totals). */}
      {year !== null && <p class="year-counters">{counters.join(' · ')}</p>}
      {year !== null && span.byPeriod > 0 && <p class="note">{t('yearByPeriod', { n: span.byPeriod })}</p>}
    </section>
  );
}
