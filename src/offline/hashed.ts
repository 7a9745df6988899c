/**
 * Which of the built site's files carry a content hash in their name or folder (Vite's
 * `assets/name-HASH.ext`, the pack's `details/HASH/…` and `search/HASH/…`): such a file never
 * changes under its name, so a copy of it, in any cache, stays right for good.
 */
const CONTENT_HASHED = /^(assets\/.+-[\w-]{8}\.\w+|(details|search)\/[0-9a-f]{12}\/.+)$/;

/** `path`: relative to the site's root (its folder), without a leading slash. */
export const isContentHashed = (path: string): boolean => CONTENT_HASHED.test(path);
