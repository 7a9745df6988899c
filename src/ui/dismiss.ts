/**
 * How an opened dialog or panel lets go: Escape closes it (the innermost open one only, however
 * soon after opening it is pressed and wherever the focus is), and when it closes, the focus goes
 * back to the control that opened it.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Closers of the open dialogs, innermost last. */
const open: (() => void)[] = [];

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || !open.length) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  open[open.length - 1]();
}

/**
 * `dialog`: the dialog's element; `first`: what takes the focus when it opens (and again when
 * `focusKey` changes, e.g. another project in the same panel).
 */
export function useDismiss(dialog: RefObject<HTMLElement | null>, onClose: () => void, first: () => HTMLElement | null | undefined, focusKey?: unknown): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  // Registered as the dialog is put in the page, not after the next paint: an Escape pressed at once still closes it.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    const close = () => latest.current();
    if (!open.length) document.addEventListener('keydown', onKey, true);
    open.push(close);
    return () => {
      open.splice(open.indexOf(close), 1);
      if (!open.length) document.removeEventListener('keydown', onKey, true);
      const focused = document.activeElement;
      // Back to the opener, unless the user has already moved the focus somewhere else.
      if (opener?.isConnected && (!focused || focused === document.body || element?.contains(focused))) opener.focus();
    };
  }, []);
  useLayoutEffect(() => first()?.focus(), [focusKey]);
}
