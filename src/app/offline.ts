/**
 * Registers the service worker of the built app (offline use after one visit) and reports when a
 * new version is installed and waiting, so the app can offer to reload into it.
 */
export function registerOffline(onUpdateReady: (activate: () => void) => void): void {
  // The dev server has no sw.js: registration then fails quietly, as it should.
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(new URL('sw.js', location.href), { scope: './' })
    .then((registration) => {
      const offer = (worker: ServiceWorker) => onUpdateReady(() => worker.postMessage('activate-update'));
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          // A waiting worker while a page is controlled: a new version, not the first install.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading || !updateAccepted) return;
        reloading = true;
        location.reload();
      });
    })
    .catch(() => undefined); // offline support is a bonus: the app works without it
}

let updateAccepted = false;
export const acceptUpdate = (activate: () => void) => {
  updateAccepted = true;
  activate();
};
