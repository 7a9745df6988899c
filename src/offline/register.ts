/**
 * Offline use after one visit: registers the service worker (src/offline/sw.ts) through
 * vite-plugin-pwa's register (Workbox's window side), and reports a new version that has been
 * installed and waits, so that the page can offer to reload into it.
 */
import { registerSW } from 'virtual:pwa-register';

let registered = false;

/** `onUpdateReady` gets the reload into the new version; nothing happens where service workers are not available (the dev server, a file opened from disk). */
export function registerOffline(onUpdateReady: (reload: () => void) => void): void {
  if (registered) return;
  registered = true;
  const update = registerSW({
    // Called once the page has drawn: the page's own files come first, the cache's after.
    immediate: true,
    onNeedRefresh: () => onUpdateReady(() => void update(true)),
    // Offline support is a bonus: the atlas works without it.
    onRegisterError: () => undefined,
  });
}

