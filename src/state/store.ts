/**
 * The one owner of the link and the browser history: the state the URL encodes, the notices about
 * what it could not read, and where a tour stands (the presenter's step from the link, the
 * kiosk's from its attract loop). Components read it and call its actions; nothing else writes
 * the history.
 */
import type { Programme } from '../core/programme';
import type { Story } from '../core/stories';
import { DEFAULT_STATE, parseUrl, toSearch, type Notice, type UrlState } from './url';

/** Time on each step of the kiosk's loop: the first change comes well within 20 s of opening. */
const KIOSK_STEP_MS = 8000;
/** A step that plays years holds its last year this long; if its play never ends, it moves on after the longest play. */
const KIOSK_HOLD_MS = 4000;
const KIOSK_PLAY_MAX_MS = 90_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** A phone's bottom sheet: the filters or the charts, over the lower part of the map. */
export type Sheet = 'filters' | 'charts';

interface Kiosk {
  playing: boolean;
  story: number;
  step: number;
}

export class AtlasStore {
  state: UrlState;
  notices: Notice[];
  /** The open sheet, kept in the history entry (not the link), so that Back closes it. */
  sheet: Sheet | null = (history.state as { sheet?: Sheet } | null)?.sheet ?? null;
  private kiosk: Kiosk;
  /** What the kiosk does when the shown step's years have played. */
  private afterPlay: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly programme: Programme) {
    ({ state: this.state, notices: this.notices } = parseUrl(location.search, programme));
    this.kiosk = { playing: this.state.kiosk, story: 0, step: 1 };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** A new history entry (or, with `replace`, the current one rewritten) for the state with `patch`. */
  navigate(patch: Partial<UrlState>, { replace = false } = {}): void {
    this.state = { ...this.state, ...patch };
    const search = toSearch(this.state) || location.pathname;
    if (replace) history.replaceState({ sheet: this.sheet }, '', search);
    else history.pushState({ sheet: this.sheet }, '', search);
    this.changed();
  }

  /** Opens a sheet as a new history entry: Back (button or gesture) closes it again. */
  openSheet(sheet: Sheet): void {
    this.sheet = sheet;
    history.pushState({ sheet }, '', location.href);
    this.changed();
  }

  closeSheet(): void {
    this.sheet = null;
    history.replaceState({ sheet: null }, '', location.href);
    this.changed();
  }

  /** Another state in place of the current entry, with notices about what was dropped (the canonical link after loading). */
  replace(state: UrlState, notices: Notice[] = []): void {
    this.state = state;
    this.notices = [...this.notices, ...notices];
    history.replaceState({ sheet: this.sheet }, '', toSearch(state) || location.pathname);
    this.changed();
  }

  dismissNotices(): void {
    this.notices = [];
    this.changed();
  }

  /** Follows the browser's back and forward buttons; returns the way to stop. */
  listen(): () => void {
    const onPop = (e: PopStateEvent) => {
      this.state = parseUrl(location.search, this.programme).state;
      this.sheet = (e.state as { sheet?: Sheet } | null)?.sheet ?? null;
      this.changed();
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }

  /** The story shown now and its step (1-based): the kiosk's loop, or the presenter's link. */
  tour(stories: readonly Story[]): { story: Story; step: number } | null {
    if (this.state.kiosk) return this.kiosk.playing && stories[this.kiosk.story] ? { story: stories[this.kiosk.story], step: this.kiosk.step } : null;
    const story = this.state.present ? stories.find((s) => s.id === this.state.present) : undefined;
    return story ? { story, step: Math.min(this.state.step, story.steps.length) } : null;
  }

  /** The presenter moves to a step (the link records it, without a history entry per step). */
  toStep(step: number): void {
    this.navigate({ step }, { replace: true });
  }

  /** The shown step's years have played to the last (the kiosk then moves on). */
  played(): void {
    const next = this.afterPlay;
    this.afterPlay = null;
    next?.();
  }

  leaveTour(): void {
    this.navigate({ present: null, step: 1 });
  }

  /**
   * The kiosk's attract loop: it plays the stories step by step while nobody touches the screen;
   * any input pauses it for exploring, and after the link's `idle` seconds without input the atlas
   * goes back to its start and the loop begins again. Returns the way to stop.
   */
  playKiosk(stories: readonly Story[]): () => void {
    if (!this.state.kiosk || !stories.length) return () => undefined;
    let step: ReturnType<typeof setTimeout> | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    // The next step after a while, or, for a step that plays years, once they have played.
    const schedule = () => {
      const k = this.kiosk;
      if (stories[k.story].steps[k.step - 1]?.play) {
        this.afterPlay = () => {
          clearTimeout(step);
          step = setTimeout(advance, KIOSK_HOLD_MS);
        };
        step = setTimeout(advance, KIOSK_PLAY_MAX_MS);
      } else step = setTimeout(advance, KIOSK_STEP_MS);
    };
    const advance = () => {
      const k = this.kiosk;
      this.afterPlay = null;
      this.kiosk = k.step < stories[k.story].steps.length ? { ...k, step: k.step + 1 } : { ...k, story: (k.story + 1) % stories.length, step: 1 };
      this.changed();
      schedule();
    };
    const onInput = () => {
      clearTimeout(step);
      clearTimeout(idle);
      this.afterPlay = null;
      if (this.kiosk.playing) {
        this.kiosk = { ...this.kiosk, playing: false };
        this.changed();
      }
      idle = setTimeout(() => {
        const { lang, idle: seconds } = this.state;
        this.kiosk = { playing: true, story: 0, step: 1 };
        this.replace({ ...DEFAULT_STATE, lang, kiosk: true, idle: seconds });
        schedule();
      }, this.state.idle * 1000);
    };
    schedule();
    for (const type of INPUT_EVENTS) addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(step);
      clearTimeout(idle);
      this.afterPlay = null;
      for (const type of INPUT_EVENTS) removeEventListener(type, onInput, { capture: true });
    };
  }
}
