/**
 * Vite plugins: the atlas's offline cache, a Workbox service worker (src/offline/sw.ts) built by
 * vite-plugin-pwa. It precaches what a visitor needs to use the atlas offline after one visit:
 * the page, its scripts and styles (the entry and its static imports; the message catalogues are
 * in them), the dialogs the page fetches apart once it has drawn (src/app/dialogs.ts), the map's
 * worker, the fonts cut for the data, and the first frame's data and base map.
 * Everything else (the import code and gazetteer, the QR encoder, detail shards, a large
 * dataset's columns, points, projects and search shards) is cached when first used.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption, Rolldown } from 'vite';
import { firstFrameData } from './data-plugin.ts';

/** The module whose dynamic imports are the page's dialogs, fetched apart from the entry. */
const DIALOGS = '/src/app/dialogs.ts';

/** The emitted files to precache, from the build's bundle (`dynamicImports`: a module's, by its id). */
function precached(bundle: Rolldown.OutputBundle, dynamicImports: (id: string) => readonly string[]): string[] {
  const files = Object.values(bundle);
  const entry = files.find((f): f is Rolldown.OutputChunk => f.type === 'chunk' && f.isEntry);
  if (!entry) throw new Error('offline cache: the build has no entry chunk');
  const page = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (page.has(chunk)) return;
    page.add(chunk);
    for (const name of chunk.imports) visit(bundle[name] as Rolldown.OutputChunk);
  };
  visit(entry);
  const dialogs = files.flatMap((f) => (f.type === 'chunk' ? Object.keys(f.modules).filter((id) => id.endsWith(DIALOGS)) : []));
  if (dialogs.length !== 1) throw new Error(`offline cache: ${DIALOGS} is in ${dialogs.length} chunks of the build, not one`);
  const lazy = new Set(dynamicImports(dialogs[0]));
  for (const f of files) if (f.type === 'chunk' && f.facadeModuleId && lazy.has(f.facadeModuleId)) visit(f);
  return [
    'index.html',
    ...[...page].flatMap((chunk) => [chunk.fileName, ...(chunk.viteMetadata?.importedCss ?? [])]),
    // The service worker's page side (workbox-window), which every visit loads once the page has drawn.
    ...files.filter((f) => f.type === 'chunk' && /[\\/]workbox-window[\\/]/.test(f.facadeModuleId ?? '')).map((f) => f.fileName),
    ...files.filter((f) => f.type === 'asset' && /\.(mjs|woff2)$/.test(f.fileName)).map((f) => f.fileName),
    ...firstFrameData(bundle),
  ];
}

/** A plugin of the offline cache (the benchmark's floor page builds without them). */
export const isOfflinePlugin = (plugin: unknown): boolean =>
  !!plugin && typeof plugin === 'object' && 'name' in plugin && typeof plugin.name === 'string' && (plugin.name === PRECACHE_LIST || plugin.name.startsWith('vite-plugin-pwa'));

const PRECACHE_LIST = 'atlas-precache-list';

export function offlineCache(): PluginOption[] {
  let list: string[] = [];
  return [
    {
      name: PRECACHE_LIST,
      apply: 'build',
      generateBundle(_options, bundle) {
        list = precached(bundle, (id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []);
      },
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      // src/offline/register.ts registers it once the page has drawn.
      injectRegister: false,
      manifest: false,
      injectManifest: { globPatterns: [] },
      integration: {
        // The precache manifest lists exactly these files (content-hashed ones under their name, the page by its revision).
        beforeBuildServiceWorker(options) {
          options.injectManifest.globPatterns = list;
        },
      },
    }),
  ];
}
