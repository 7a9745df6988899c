/**
 * Vite plugin: the dataset (ATLAS_DATA) and its programme packed for the web (data/pack-site.ts,
 * loaded through Vite's module runner: it shares the app's pure code) as `virtual:atlas-dataset`
 * and `virtual:atlas-fonts.css`; its many-file folders (detail shards, search shards) served by the dev
 * server and emitted by the build under content-hashed names.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runnerImport, type Plugin, type Rolldown } from 'vite';
import type { Inputs, Packed } from './data/pack-site.ts';

const packer = new URL('./data/pack-site.ts', import.meta.url).pathname;
const DATASET_ID = '\0virtual:atlas-dataset';
/** Arrow IPC files (a large dataset's columns and search shards). */
const ARROW_TYPE = 'application/vnd.apache.arrow.file';

/** The emitted name of a file the pack wrote as `name`. */
const emitted = (bundle: Rolldown.OutputBundle, name: string) => Object.values(bundle).find((f) => f.type === 'asset' && f.names?.includes(name))?.fileName;

/**
 * The data the first frame draws, as emitted: the base map and the first view (a large dataset's
 * preview, else the projects). The page preloads them; the offline cache keeps them from the start.
 */
export const firstFrameData = (bundle: Rolldown.OutputBundle): string[] =>
  [emitted(bundle, 'basemap.topo.json'), emitted(bundle, 'atlas-preview.json') ?? emitted(bundle, 'atlas-data.json')].filter((f): f is string => !!f);

/** ATLAS_RECORDS_MAX_MB as bytes (undefined: the default); anything but a number of megabytes is refused. */
export function recordsMaxBytes(megabytes: string | undefined): number | undefined {
  if (megabytes === undefined || megabytes === '') return undefined;
  const n = Number(megabytes);
  if (!Number.isFinite(n) || n < 0) throw new Error(`ATLAS_RECORDS_MAX_MB=${megabytes}: not a number of megabytes`);
  return n * 1e6;
}

export function datasetPlugin(inputs: Inputs): Plugin {
  let packing: Promise<Packed> | null = null;
  const packed = () =>
    (packing ??= runnerImport<typeof import('./data/pack-site.ts')>(packer, { configFile: false, logLevel: 'warn' }).then(({ module }) =>
      module.pack({ ...inputs, dataFile: resolve(inputs.dataFile), programmeDir: resolve(inputs.programmeDir) }),
    ));
  /** The folders by the page-relative path they are served at. */
  const folders = (p: Packed) => [
    { url: `details/${p.details.hash}/`, dir: join(p.dir, 'details'), folder: p.details },
    ...(p.search ? [{ url: `search/${p.search.hash}/`, dir: join(p.dir, 'search'), folder: p.search }] : []),
  ];
  return {
    name: 'atlas-dataset',
    // A virtual id for the module (not its file under node_modules, which the dev server's
    // dependency scan would try to bundle); the stylesheet is a real file, for its url()s.
    async resolveId(id) {
      if (id === 'virtual:atlas-dataset') return DATASET_ID;
      if (id === 'virtual:atlas-fonts.css') return join((await packed()).dir, 'fonts.css');
      return null;
    },
    async load(id) {
      return id === DATASET_ID ? readFileSync(join((await packed()).dir, 'dataset.js'), 'utf8') : null;
    },
    // The dev server serves the folders from the pack; a file not in it is a 404.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
        packed().then((p) => {
          const hit = folders(p).find((f) => path.startsWith(f.url));
          if (!hit) return next();
          const file = path.slice(hit.url.length);
          if (!hit.folder.files.includes(file)) {
            res.statusCode = 404;
            return res.end();
          }
          res.setHeader('Content-Type', file.endsWith('.arrow') ? ARROW_TYPE : file.endsWith('.gz') ? 'application/gzip' : 'application/json');
          res.end(readFileSync(join(hit.dir, file)));
        }, next);
      });
    },
    // What the first frame needs starts downloading with the page, not once its script has run:
    // the data and base map and the regular text font (a large dataset's projects come later:
    // not them; the map's worker cannot be preloaded as what it is).
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const link = (href: string | undefined, as: string, extra: Record<string, string> = {}) =>
          href ? [{ tag: 'link', attrs: { rel: 'preload', as, href: `./${href}`, crossorigin: '', ...extra }, injectTo: 'head' as const }] : [];
        return [...firstFrameData(ctx.bundle ?? {}).flatMap((file) => link(file, 'fetch')), ...link(emitted(ctx.bundle ?? {}, 'noto-sans-latin-400.woff2'), 'font', { type: 'font/woff2' })];
      },
    },
    async generateBundle() {
      for (const { url, dir, folder } of folders(await packed())) {
        for (const file of folder.files) this.emitFile({ type: 'asset', fileName: `${url}${file}`, source: readFileSync(join(dir, file)) });
      }
    },
  };
}
