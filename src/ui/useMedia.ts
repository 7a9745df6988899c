/** Whether a media query matches, following its changes (rotation, resizing). */
import { useEffect, useState } from 'preact/hooks';

/** Phones, upright (below a tablet's 768 px) or on their side (a short screen): the map first, everything else in sheets. */
export const PHONE = '(max-width: 47.99rem), (max-height: 31rem)';

/** The visitor asks for less motion: nothing plays by itself. */
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
