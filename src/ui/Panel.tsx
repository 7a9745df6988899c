/**
 * A side panel (full screen on a phone) that is a non-modal dialog labelled by its heading: the
 * heading takes focus when it opens (or its subject changes); Escape and the × button close it,
 * and the focus goes back to what opened it.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useDismiss } from './dismiss';

interface Props {
  /** Extra class: details, about, share. */
  kind: string;
  titleId: string;
  title: ComponentChildren;
  closeLabel: string;
  /** Focus moves to the heading again when this changes. */
  focusKey?: string;
  onClose(): void;
  children: ComponentChildren;
}

export function Panel({ kind, titleId, title, closeLabel, focusKey, onClose, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useDismiss(dialog, onClose, () => heading.current, focusKey);
  return (
    <div ref={dialog} class={`panel ${kind}`} role="dialog" aria-labelledby={titleId}>
      <button type="button" class="close" onClick={onClose} aria-label={closeLabel}>
        ×
      </button>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </div>
  );
}
