/**
 * A side panel that is a non-modal dialog labelled by its heading: the heading takes focus when
 * it opens (or its subject changes), Escape and the × button close it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

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
  useEffect(() => heading.current?.focus(), [focusKey]);
  return (
    <div class={`panel ${kind}`} role="dialog" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
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
