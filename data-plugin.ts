/**
 * Vite plugin: packs the dataset (ATLAS_DATA) and its programme for the web, into files the app
 * imports through `virtual:atlas-dataset` and `virtual:atlas-fonts.css`:
 *  - the base map as quantized TopoJSON (boundaries share their arcs with the polygons);
 *  - the dataset's first-frame part (slim projects) and its details in shards (src/core/pack.ts);
 *  - the UI and label fonts cut down to the characters the catalogues, the programme and the data
 *    use, one file per weight and Unicode block of the fontsource files (others fall back to the
 *    system font).
 * The files are written once per input into node_modules/.atlas-build/<key>/; Vite hashes their
 * names when it emits them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import { topology } from 'topojson-server';
import { quantize } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { packDataset } from './src/core/pack.ts';
import type { AtlasData } from './src/core/types.ts';

const root = new URL('.', import.meta.url).pathname;
/** Grid of the base map's TopoJSON: about 30 m over a programme area and its neighbours. */
const QUANTIZATION = 5e4;
const FONT_DIR = join(root, 'node_modules/@fontsource/noto-sans');
const WEIGHTS = [400, 700];
/** Fontsource's files in the order a character is looked up (a few code points are in several). */
const BLOCKS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

interface Inputs {
  dataFile: string;
  programmeDir: string;
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

/** Every character the page may draw in the bundled font. */
function charactersOf(texts: string[]): number[] {
  const points = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) points.add(c);
  for (const text of texts) for (const ch of text) points.add(ch.codePointAt(0)!);
  return [...points].filter((c) => c >= 0x20).sort((a, b) => a - b);
}

async function writeFonts(dir: string, texts: string[]): Promise<{ css: string; labelFaces: { file: string; range: string[] }[] }> {
  const points = charactersOf(texts);
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

/** The code of `virtual:atlas-dataset`: every URL through a `?url` import, so Vite emits and hashes the file. */
function datasetModule(dir: string, shards: number, labelFaces: { file: string; range: string[] }[]): string {
  const url = (file: string) => JSON.stringify(`${join(dir, file)}?url`);
  return [
    `import basemapUrl from ${url('basemap.topo.json')};`,
    `import dataUrl from ${url('atlas-data.json')};`,
    ...Array.from({ length: shards }, (_, i) => `import shard${i} from ${url(`atlas-details-${i}.json`)};`),
    ...labelFaces.map((f, i) => `import face${i} from ${url(f.file)};`),
    'export { basemapUrl, dataUrl };',
    `export const shardUrls = [${Array.from({ length: shards }, (_, i) => `shard${i}`).join(', ')}];`,
    `export const labelFaces = [${labelFaces.map((f, i) => `{ url: face${i}, range: ${JSON.stringify(f.range)} }`).join(', ')}];`,
  ].join('\n');
}

async function pack({ dataFile, programmeDir }: Inputs): Promise<string> {
  const basemapFile = join(programmeDir, 'geo/basemap.json');
  const sources = [dataFile, basemapFile, join(programmeDir, 'programme.json'), join(programmeDir, 'geo/municipalities.json'), ...readdirSync(join(root, 'src/i18n')).map((f) => join(root, 'src/i18n', f)), join(root, 'src/core/pack.ts'), new URL(import.meta.url).pathname];
  const key = createHash('sha256');
  for (const file of sources) key.update(`${file}\0${statSync(file).size}\0${statSync(file).mtimeMs}\0`);
  const dir = join(root, 'node_modules/.atlas-build', key.digest('hex').slice(0, 16));
  const moduleFile = join(dir, 'dataset.js');
  if (existsSync(moduleFile)) return dir;

  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const basemapText = readFileSync(basemapFile, 'utf8');
  writeFileSync(join(work, 'basemap.topo.json'), JSON.stringify(quantize(topology(JSON.parse(basemapText)) as Topology<Objects<object>>, QUANTIZATION)));
  const dataText = readFileSync(dataFile, 'utf8');
  const { head, shards } = packDataset(JSON.parse(dataText) as AtlasData);
  writeFileSync(join(work, 'atlas-data.json'), JSON.stringify(head));
  shards.forEach((shard, i) => writeFileSync(join(work, `atlas-details-${i}.json`), JSON.stringify(shard)));
  const texts = [dataText, basemapText, ...sources.slice(2).map((f) => readFileSync(f, 'utf8'))];
  const { css, labelFaces } = await writeFonts(work, texts);
  writeFileSync(join(work, 'fonts.css'), css);
  writeFileSync(join(work, 'dataset.js'), datasetModule(dir, shards.length, labelFaces));
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  pruneCache(dirname(dir));
  return dir;
}

/** Packs of inputs that changed since: the newest few stay (other datasets built alongside). */
function pruneCache(cache: string, keep = 6): void {
  const packs = readdirSync(cache)
    .map((name) => join(cache, name))
    .filter((dir) => existsSync(join(dir, 'dataset.js')))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of packs.slice(keep)) rmSync(old, { recursive: true, force: true });
}

export function datasetPlugin(inputs: Inputs): Plugin {
  let dir: Promise<string> | null = null;
  const packed = () => (dir ??= pack({ dataFile: resolve(inputs.dataFile), programmeDir: resolve(inputs.programmeDir) }));
  return {
    name: 'atlas-dataset',
    async resolveId(id) {
      if (id === 'virtual:atlas-dataset') return join(await packed(), 'dataset.js');
      if (id === 'virtual:atlas-fonts.css') return join(await packed(), 'fonts.css');
      return null;
    },
  };
}
