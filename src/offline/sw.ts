/// <reference lib="webworker" />
/**
 * The atlas's service worker, built with Workbox by vite-plugin-pwa (offline-plugin.ts): after one
 * visit the atlas works without a network.
 *  - Precached when it installs: the files its build listed (offline-plugin.ts says which), each
 *    under its revision, so that a new version downloads only what changed.
 *  - Cached the first time they are used, then served from the cache: every other file with a
 *    content hash in its name or folder (the import code and gazetteer, the QR encoder, a
 *    project's details, a large dataset's columns, points, projects and search shards).
 *  - Every visit to the page, whatever its link says, gets the precached page.
 *  - A new version installs beside the running one and waits until the page asks it to take over.
 */
import { clientsClaim } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { isContentHashed } from './hashed';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/** The site's folder, wherever it is hosted (every URL of the build is relative to it). */
const root = new URL('./', self.location.href).pathname;
const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first visit is offline-ready without a reload.
clientsClaim();

registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [new RegExp(`^${escaped}(index\\.html)?(\\?.*)?$`)] }));

registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith(root) && isContentHashed(url.pathname.slice(root.length)),
  new CacheFirst({
    cacheName: 'atlas-files',
    plugins: [
      // Whole files only: no 404 (a missing tile), no partial (206) answer.
      new CacheableResponsePlugin({ statuses: [200] }),
      // A large dataset has thousands of shards: the least recently used go first.
      new ExpirationPlugin({ maxEntries: 5000, purgeOnQuotaError: true }),
    ],
  }),
);

// The page's "Reload" (vite-plugin-pwa's register, through workbox-window) lets the waiting version take over.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
