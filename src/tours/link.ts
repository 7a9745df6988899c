/**
 * A tour inside a link: its JSON deflated and written base64url in the URL's fragment
 * (`#tour=…`), which browsers never send to a server. Loaded only where a tour travels.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Story } from '../core/stories';
import { TOUR_LIMITS } from '../core/stories';

/** Longest link offered: longer ones break in chat apps, mail and QR codes. */
export const MAX_TOUR_LINK = 4000;
export const TOUR_FRAGMENT = 'tour';

const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The fragment that carries the tour ("tour=…"). */
export const tourFragment = (story: Story): string => `${TOUR_FRAGMENT}=${toBase64Url(deflateSync(strToU8(JSON.stringify(story)), { level: 9 }))}`;

/** The tour a fragment carries, parsed but not yet validated; null when it carries none; throws with the reason when it cannot be read. */
export function tourFromFragment(hash: string): unknown {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(TOUR_FRAGMENT);
  if (value === null) return null;
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(fromBase64Url(value), { out: new Uint8Array(TOUR_LIMITS.bytes) }).slice();
  } catch {
    throw new Error('the link’s tour is cut or damaged');
  }
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new Error('the link’s tour is not a tour');
  }
}

/** The page's link that presents the tour, with the tour in its fragment; or its length when too long for a link. */
export function tourLink(story: Story, page: { origin: string; pathname: string } = location): { link: string } | { tooLong: number } {
  const link = `${page.origin}${page.pathname}?present=${story.id}#${tourFragment(story)}`;
  return link.length <= MAX_TOUR_LINK ? { link } : { tooLong: link.length };
}
