/**
 * Packs a dataset (ATLAS_DATA) and its programme for the web, into files the app imports through
 * `virtual:atlas-dataset` and `virtual:atlas-fonts.css` (data-plugin.ts serves and emits them):
 *  - the base map as quantized TopoJSON (boundaries share their arcs with the polygons);
 *  - the dataset's first-frame part (slim projects) and its details in shards (src/core/pack.ts);
 *  - for a large dataset, its first view, its projects as columns for the data worker
 *    (src/engine/arrow.ts), its search index in word shards (src/engine/search.ts) and its sites as points
 *    (src/sites/points.ts);
 *  - the UI and label fonts cut down to the characters the catalogues, the programme and the data
 *    use, one file per weight and Unicode block of the fontsource files (others fall back to the
 *    system font).
 * The files are written once per input into node_modules/.atlas-build/<key>/; Vite hashes their
 * names when it emits them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import subsetFont from 'subset-font';
import { topology } from 'topojson-server';
import { quantize } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import { dataJson, readCompiledLines, writeChunked } from './dataset-dir';
import type { BasemapData } from '../src/core/basemap';
import { packDataset, shardOf, withDetails, type DetailShard } from '../src/core/pack';
import type { AtlasData, Project } from '../src/core/types';
import { seatsOf, siteCounter } from '../src/sites/layout';
import { pointsToArrow } from '../src/sites/points';
import { overviewFile, type Overview } from '../src/sites/source';
import { siteCount, tierOf } from '../src/sites/tiers';
import { PREVIEW_INPUT, toPreview } from '../src/state/preview';
import { deriveView, indexData } from '../src/state/view';
import { searchText } from '../src/core/filters';
import { columnsToArrow } from '../src/engine/arrow';
import { rowsToArrow } from '../src/engine/rows';
import { toColumns } from '../src/engine/columns';
import { cutShards, shardToArrow, wordIndex } from '../src/engine/search';

const root = new URL('..', import.meta.url).pathname;
/** Grid of the base map's TopoJSON: about 30 m over a programme area and its neighbours. */
const QUANTIZATION = 5e4;
const FONT_DIR = join(root, 'node_modules/@fontsource/noto-sans');
const WEIGHTS = [400, 700];
/** Fontsource's files in the order a character is looked up (a few code points are in several). */
const BLOCKS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

export interface Inputs {
  dataFile: string;
  programmeDir: string;
  /** The largest records file a columnar dataset ships (RECORDS_MAX_BYTES unless a deployment says). */
  recordsMaxBytes?: number;
}

type Range = [number, number];
const parseRanges = (text: string): Range[] =>
  text.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
const inRanges = (cp: number, ranges: Range[]) => ranges.some(([a, b]) => cp >= a && cp <= b);
/** Code points as a unicode-range list, consecutive ones joined. */
function toRanges(points: number[]): string[] {
  const out: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    out.push(i === j ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j + 1;
  }
  return out;
}

/** Each fontsource block file with its unicode-range, from the package's stylesheet of a weight. */
function fontsourceBlocks(weight: number): { block: string; file: string; ranges: Range[] }[] {
  const css = readFileSync(join(FONT_DIR, `${weight}.css`), 'utf8');
  const found = [...css.matchAll(/url\(\.\/files\/(noto-sans-([a-z-]+)-\d+-normal\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)];
  return BLOCKS.flatMap((block) => found.filter((m) => m[2] === block).map((m) => ({ block, file: join(FONT_DIR, 'files', m[1]), ranges: parseRanges(m[3]) })));
}

/** Every character the page may draw in the bundled font (a pass of charCodeAt: the texts may be hundreds of megabytes). */
function charactersOf(texts: Iterable<string>): number[] {
  const seen = new Uint8Array(0x110000);
  for (let c = 0x20; c < 0x7f; c++) seen[c] = 1;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) seen[text.codePointAt(i++)!] = 1;
      else seen[c] = 1;
    }
  }
  const points: number[] = [];
  for (let c = 0x20; c < seen.length; c++) if (seen[c]) points.push(c);
  return points;
}

async function writeFonts(dir: string, points: number[]): Promise<{ css: string; labelFaces: { file: string; range: string[] }[] }> {
  const rules: string[] = [];
  const labelFaces: { file: string; range: string[] }[] = [];
  for (const weight of WEIGHTS) {
    const blocks = fontsourceBlocks(weight);
    const taken = new Set<number>();
    for (const { block, file, ranges } of blocks) {
      const mine = points.filter((cp) => !taken.has(cp) && inRanges(cp, ranges));
      if (!mine.length) continue;
      mine.forEach((cp) => taken.add(cp));
      const name = `noto-sans-${block}-${weight}.woff2`;
      writeFileSync(join(dir, name), await subsetFont(readFileSync(file), String.fromCodePoint(...mine), { targetFormat: 'woff2' }));
      const range = toRanges(mine);
      rules.push(`@font-face{font-family:'Noto Sans';font-style:normal;font-display:swap;font-weight:${weight};src:url(./${name}) format('woff2');unicode-range:${range.join(',')}}`);
      if (weight === 400) labelFaces.push({ file: name, range });
    }
  }
  return { css: `${rules.join('\n')}\n`, labelFaces };
}

/** Files the build emits under a content-hashed folder, by their paths inside it: many small ones, no module each. */
export interface Folder {
  hash: string;
  files: string[];
}

/** Writes files into `dir`/`name`/ and hashes their names and contents together. */
function writeFolder(dir: string, name: string, files: Iterable<[string, string | Uint8Array]>): Folder {
  const hash = createHash('sha256');
  const written: string[] = [];
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, name, path)), { recursive: true });
    writeFileSync(join(dir, name, path), content);
    hash.update(path).update(content);
    written.push(path);
  }
  return { hash: hash.digest('hex').slice(0, 12), files: written };
}

export interface Packed {
  dir: string;
  details: Folder;
  search: Folder | null;
}

/** The code of `virtual:atlas-dataset`: single files through `?url` imports (Vite emits and hashes them), folders by their hashed path. */
function datasetModule(dir: string, details: Folder & { whole: boolean }, records: boolean, columnar: ColumnarMeta | null, labelFaces: { file: string; range: string[] }[]): string {
  const url = (file: string) => JSON.stringify(`${join(dir, file)}?url`);
  return [
    `import basemapUrl from ${url('basemap.topo.json')};`,
    records ? `import dataUrl from ${url('atlas-data.json')};` : 'const dataUrl = null;',
    ...(columnar ? [`import previewUrl from ${url('atlas-preview.json')};`, `import columnsUrl from ${url('atlas-columns.arrow')};`, `import listsUrl from ${url('atlas-lists.arrow')};`, `import pointsUrl from ${url('atlas-points.arrow')};`, `import rowsUrl from ${url('atlas-rows.arrow')};`] : []),
    ...labelFaces.map((f, i) => `import face${i} from ${url(f.file)};`),
    'export { basemapUrl, dataUrl };',
    `export const details = ${JSON.stringify({ path: `details/${details.hash}/`, shards: details.files.length, whole: details.whole })};`,
    `export const columnar = ${columnar ? `{ previewUrl, columnsUrl, listsUrl, pointsUrl, rowsUrl, ...${JSON.stringify(columnar)} }` : 'null'};`,
    `export const labelFaces = [${labelFaces.map((f, i) => `{ url: face${i}, range: ${JSON.stringify(f.range)} }`).join(', ')}];`,
  ].join('\n');
}

/** What the page needs to find a large dataset's search shards. */
interface ColumnarMeta {
  /** The search shards' page-relative folder (`${path}${i}.arrow`) and the first word of each. */
  search: { path: string; first: string[] };
}

/**
 * The largest records file (the slim projects as JSON) a columnar dataset ships for its profiles'
 * budgets by period and theme and roles: parsed, it takes about one and a half times its
 * size of the page's memory. At 100,000 sites it is about 58 MB; at a million, 578 MB, more than a
 * browser parses as one text.
 */
const RECORDS_MAX_BYTES = 100e6;

/** About this many bytes of words and project numbers per search shard: a query's word reads one or two. */
const SEARCH_SHARD_BYTES = 256 * 1024;

/** A large dataset's first view (src/state/preview.ts) and overview, its columns and search shards, and its sites as points. */
function packColumnar(work: string, head: AtlasData, basemap: BasemapData): { search: Folder; meta: ColumnarMeta } {
  const located = head.projects.filter((p) => p.locations.length > 0);
  const seats = seatsOf(basemap, head.municipalities);
  const counter = siteCounter(located, seats);
  const overview: Overview = { places: counter.places, counts: counter.count(located.map(() => 1)), sites: siteCount(located) };
  const indexed = indexData(head);
  const view = toPreview(deriveView(indexed, PREVIEW_INPUT));
  const columns = columnsToArrow(toColumns(indexed.index));
  writeFileSync(join(work, 'atlas-columns.arrow'), columns.projects);
  writeFileSync(join(work, 'atlas-lists.arrow'), columns.lists);
  const shards = cutShards(wordIndex(indexed.index.map(searchText)), SEARCH_SHARD_BYTES);
  const search = writeFolder(work, 'search', shards.map((shard, i) => [`${i}.arrow`, shardToArrow(shard)] as [string, Uint8Array]));
  writeFileSync(join(work, 'atlas-preview.json'), JSON.stringify({ data: { ...head, projects: [] }, view, overview: overviewFile(overview, seats) }));
  writeFileSync(join(work, 'atlas-points.arrow'), pointsToArrow(head.projects));
  return { search, meta: { search: { path: `search/${search.hash}/`, first: shards.map((s) => s.words[0] ?? '') } } };
}

/** Shards of whole projects (slim and details together), gzip-compressed: a dialog needs no record in the page. */
function* wholeShards(slim: readonly Project[], shards: readonly DetailShard[]): Generator<[string, Uint8Array]> {
  const byShard = shards.map((): Project[] => []);
  for (const p of slim) byShard[shardOf(p.id, shards.length)].push(p);
  for (const [i, projects] of byShard.entries()) yield [`${i}.json.gz`, gzipSync(JSON.stringify(Object.fromEntries(projects.map((p) => [p.id, withDetails(p, shards[i][p.id])]))))];
}

/** Every file whose change changes the pack. */
const PACK_INPUTS = ['src/core', 'src/state', 'src/i18n', 'src/sites', 'src/engine', 'data/dataset-dir.ts', 'data/pack-site.ts'].flatMap((path) => {
  const full = join(root, path);
  return statSync(full).isDirectory() ? readdirSync(full).map((f) => join(full, f)) : [full];
});

export async function pack({ dataFile, programmeDir, recordsMaxBytes = RECORDS_MAX_BYTES }: Inputs): Promise<Packed> {
  const basemapFile = join(programmeDir, 'geo/basemap.json');
  const sources = [dataFile, basemapFile, join(programmeDir, 'programme.json'), join(programmeDir, 'geo/municipalities.json')];
  const key = createHash('sha256');
  for (const file of [...sources, ...PACK_INPUTS]) key.update(`${file}\0${statSync(file).size}\0${statSync(file).mtimeMs}\0`);
  key.update(`records ${recordsMaxBytes}`);
  const dir = join(root, 'node_modules/.atlas-build', key.digest('hex').slice(0, 16));
  const doneFile = join(dir, 'packed.json');
  if (existsSync(doneFile)) return { dir, ...(JSON.parse(readFileSync(doneFile, 'utf8')) as Omit<Packed, 'dir'>) };

  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const basemapText = readFileSync(basemapFile, 'utf8');
  const basemap = JSON.parse(basemapText) as BasemapData;
  writeFileSync(join(work, 'basemap.topo.json'), JSON.stringify(quantize(topology(basemap as never) as Topology<Objects<object>>, QUANTIZATION)));
  const data = await readCompiledLines(dataFile);
  const characters = charactersOf((function* () {
    for (const p of data.projects) yield JSON.stringify(p);
    yield JSON.stringify({ ...data, projects: [] });
    yield basemapText;
    for (const f of [...sources.slice(2), ...PACK_INPUTS.filter((f) => f.includes('/i18n/'))]) yield readFileSync(f, 'utf8');
  })());
  const { head, shards } = packDataset(data);
  // The whole projects are in the slim ones and the shards now: a million projects need the room.
  data.projects.length = 0;
  const recordsFile = join(work, 'atlas-data.json');
  writeChunked(recordsFile, dataJson(head));
  const columnar = tierOf(siteCount(head.projects)) === 'columnar' ? packColumnar(work, head, basemap) : null;
  // A columnar dataset's lists come from its worker's rows, and a project's dialog and the downloads
  // read the shards of whole projects: the records are for a profile's budgets by period and theme
  // and its roles, and beyond what a page holds they are left out.
  const records = !columnar || statSync(recordsFile).size <= recordsMaxBytes;
  if (!records) rmSync(recordsFile);
  if (columnar) writeFileSync(join(work, 'atlas-rows.arrow'), rowsToArrow(head.projects));
  const details = writeFolder(work, 'details', columnar ? wholeShards(head.projects, shards) : shards.map((shard, i) => [`${i}.json`, JSON.stringify(shard)] as [string, string]));
  shards.length = 0;
  const { css, labelFaces } = await writeFonts(work, characters);
  writeFileSync(join(work, 'fonts.css'), css);
  writeFileSync(join(work, 'dataset.js'), datasetModule(dir, { ...details, whole: !!columnar }, records, columnar?.meta ?? null, labelFaces));
  const packed = { details, search: columnar?.search ?? null };
  writeFileSync(join(work, 'packed.json'), JSON.stringify(packed));
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  pruneCache(dirname(dir));
  return { dir, ...packed };
}

/** Packs of inputs that changed since: the newest few stay (other datasets built alongside). */
function pruneCache(cache: string, keep = 6): void {
  const packs = readdirSync(cache)
    .map((name) => join(cache, name))
    .filter((dir) => existsSync(join(dir, 'packed.json')))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of packs.slice(keep)) rmSync(old, { recursive: true, force: true });
}

