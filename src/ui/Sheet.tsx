/**
 * A phone's bottom sheet: one at a time over the lower part of the map, with a close button; Back
 * (button or gesture) closes it too, since opening it made a history entry (state/store.ts), and
 * Escape does, with the focus going back to the tab that opened it.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useDismiss } from './dismiss';

export function Sheet({ label, closeLabel, onClose, children }: { label: string; closeLabel: string; onClose(): void; children: ComponentChildren }) {
  const sheet = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useDismiss(sheet, onClose, () => heading.current);
  return (
    <section ref={sheet} class="sheet" role="dialog" aria-labelledby="sheet-title">
      <header class="sheet-head">
        <h2 id="sheet-title" ref={heading} tabIndex={-1}>
          {label}
        </h2>
        <button type="button" class="close" onClick={onClose}>
          {closeLabel}
        </button>
      </header>
      <div class="sheet-body">{children}</div>
    </section>
  );
}
