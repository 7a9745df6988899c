/**
 * The kiosk's attract loop: it plays the stories step by step while nobody touches the screen;
 * any input pauses it for exploring, and after `idle` seconds without input it starts again.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Story } from '../core/stories';

/** Time on each step of the loop: the first change comes well within 20 s of opening. */
export const KIOSK_STEP_MS = 8000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface KioskState {
  playing: boolean;
  story: number;
  step: number;
}

export function useKiosk(enabled: boolean, idleSeconds: number, stories: readonly Story[], onResume: () => void): KioskState {
  const [state, setState] = useState<KioskState>({ playing: enabled, story: 0, step: 1 });

  useEffect(() => {
    if (!enabled || !state.playing || !stories.length) return;
    const timer = setTimeout(() => {
      setState((s) => {
        const story = stories[s.story];
        if (s.step < story.steps.length) return { ...s, step: s.step + 1 };
        return { ...s, story: (s.story + 1) % stories.length, step: 1 };
      });
    }, KIOSK_STEP_MS);
    return () => clearTimeout(timer);
  }, [enabled, state, stories]);

  useEffect(() => {
    if (!enabled) return;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      setState((s) => (s.playing ? { ...s, playing: false } : s));
      clearTimeout(idle);
      idle = setTimeout(() => {
        onResume();
        setState({ playing: true, story: 0, step: 1 });
      }, idleSeconds * 1000);
    };
    for (const type of INPUT_EVENTS) addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(idle);
      for (const type of INPUT_EVENTS) removeEventListener(type, onInput, { capture: true });
    };
  }, [enabled, idleSeconds]);

  return state;
}
