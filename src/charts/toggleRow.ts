/**
 * A chart row that is a toggle button: focusable, pressed when chosen, Enter or Space toggles it,
 * and (where the map follows it) hover and focus highlight what it stands for.
 */
export function toggleRow(pressed: boolean, label: string, onToggle: () => void, onHover?: (on: boolean) => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    'aria-pressed': pressed,
    'aria-label': label,
    onClick: onToggle,
    onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onToggle()),
    ...(onHover && {
      onMouseEnter: () => onHover(true),
      onMouseLeave: () => onHover(false),
      onFocus: () => onHover(true),
      onBlur: () => onHover(false),
    }),
  };
}
