/**
 * A dataset folder's files, as `npm run data` and `npm run import` write them and `ATLAS_DATA` names them:
 *   projects.jsonl      the records (the schema of src/core/records.ts): what the next import merges into
 *   atlas-data.json     the compiled dataset the atlas loads
 *   dataset.json        its programme folder (relative to the dataset folder) and the size and
 *                       SHA-256 of each file, so that a reader knows the files belong together
 *   IMPORT-REPORT.md    the report of the import that wrote it (none for `npm run data`)
 * Each of these is a link into `current/`, itself a link to the generation folder `data-<hash>/`
 * that holds the files. A write makes a new generation beside the old one (each file synced), then
 * switches `current` to it with one rename: a write stopped at any moment leaves the old dataset
 * or the new one, each whole. One write at a time (`.import.lock`). Only Node's own modules here:
 * vite.config.ts reads a dataset through this file.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync, closeSync, copyFileSync, linkSync, existsSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync,
  renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const PUBLISHED_DATA = new URL('./out/', import.meta.url).pathname;
export const DEFAULT_PROGRAMME = new URL('./programmes/bg-rs/', import.meta.url).pathname;
export const RECORDS_FILE = 'projects.jsonl';
export const DATA_FILE = 'atlas-data.json';
export const MANIFEST_FILE = 'dataset.json';
export const REPORT_FILE = 'IMPORT-REPORT.md';
const CURRENT = 'current';
const LOCK_FILE = '.import.lock';
const GENERATION = /^data-[0-9a-f]{12}$/;

/** A written file's size and SHA-256, as dataset.json lists them. */
export interface FileSum {
  bytes: number;
  sha256: string;
}

/**
 * Writes texts to a file in chunks of about 1 MB (100,000 projects never become one giant string)
 * and, with `sync`, flushes it to the disk before returning. Returns its size and SHA-256.
 */
export function writeChunked(file: string, parts: Iterable<string>, { sync = false } = {}): FileSum {
  const fd = openSync(file, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  const write = (text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    writeSync(fd, buffer);
  };
  let chunk = '';
  for (const part of parts) {
    chunk += part;
    if (chunk.length > 1_000_000) {
      write(chunk);
      chunk = '';
    }
  }
  write(chunk);
  if (sync) fsyncSync(fd);
  closeSync(fd);
  return { bytes, sha256: hash.digest('hex') };
}

/** Flushes a file's content, or a folder's entries (a rename or a new file in it), to the disk. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/** Points `link` at `target` in one step: a new link under a temporary name, renamed over the old one. */
function relink(dir: string, link: string, target: string): void {
  const path = join(dir, link);
  if (isLink(path) && readlinkSync(path) === target) return;
  const temporary = join(dir, `.${link}.${process.pid}.link`);
  rmSync(temporary, { force: true });
  symlinkSync(target, temporary);
  renameSync(temporary, path);
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};
/** The folder has the file, or a link by its name (which datasetFile then checks). */
export const listed = (dir: string, name: string) => existsSync(join(dir, name)) || isLink(join(dir, name));

/**
 * Writes a dataset's files into `dir` (see the top of this file): a new generation folder, each file
 * synced, then `current` switched to it in one rename; the previous generations are removed after.
 * The caller holds the folder's lock (lockDataset). `files`: each file's name and its text in parts.
 */
export function writeGeneration(dir: string, files: Record<string, Iterable<string>>, programmeDir: string): void {
  mkdirSync(dir, { recursive: true });
  adoptFlatLayout(dir);
  const staging = stagingFolder(dir);
  const sums = Object.fromEntries(Object.entries(files).map(([name, parts]) => [name, writeChunked(join(staging, name), parts, { sync: true })]));
  commitGeneration(dir, staging, { programme: relative(resolve(dir), resolve(programmeDir)) || '.', files: sums });
}

/** A new folder for a generation being written (readable by all, as the folder it goes into is). */
function stagingFolder(dir: string): string {
  const staging = mkdtempSync(join(dir, '.staging-'));
  chmodSync(staging, 0o755);
  return staging;
}

interface Manifest {
  programme: string;
  files: Record<string, FileSum>;
}

/** Writes the manifest into the staged folder, makes it a generation and switches `current` to it. */
function commitGeneration(dir: string, staging: string, manifest: Manifest): void {
  const text = `${JSON.stringify(manifest, null, 1)}\n`;
  writeChunked(join(staging, MANIFEST_FILE), [text], { sync: true });
  syncFile(staging);
  // Named by its content: writing the same data again makes the same folder (a reproducible `npm run data`).
  const generation = `data-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  if (existsSync(join(dir, generation))) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, join(dir, generation));
  syncFile(dir);
  const names = Object.keys(manifest.files).concat(MANIFEST_FILE);
  // The links the new generation needs exist before the switch (they point through `current`).
  for (const name of names) relink(dir, name, `${CURRENT}/${name}`);
  relink(dir, CURRENT, generation);
  syncFile(dir);
  // After the switch: what the new generation lacks, and every other generation, goes.
  if (!names.includes(REPORT_FILE) && isLink(join(dir, REPORT_FILE))) unlinkSync(join(dir, REPORT_FILE));
  for (const entry of readdirSync(dir)) {
    if ((GENERATION.test(entry) && entry !== generation) || entry.startsWith('.staging-')) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/**
 * A folder written before generations (its files side by side) becomes one generation of the same
 * files, switched to before any link replaces a file: stopped at any moment, it reads as before.
 */
function adoptFlatLayout(dir: string): void {
  const data = join(dir, DATA_FILE);
  if (existsSync(join(dir, CURRENT)) || !existsSync(data) || isLink(data)) return;
  const staging = stagingFolder(dir);
  const files: Record<string, FileSum> = {};
  for (const name of [RECORDS_FILE, DATA_FILE, REPORT_FILE]) {
    const from = join(dir, name);
    if (!existsSync(from) || isLink(from)) continue;
    // Copied, not read as text: a large dataset's file is longer than a string may be.
    const to = join(staging, name);
    copyFileSync(from, to);
    syncFile(to);
    files[name] = fileSum(to);
  }
  commitGeneration(dir, staging, { programme: programmeEntry(dir), files });
}

/** dataset.json's `programme` as written (the default programme's path where there is none). */
function programmeEntry(dir: string): string {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return relative(resolve(dir), DEFAULT_PROGRAMME) || '.';
  const manifest = readJson<{ programme?: unknown }>(file);
  if (typeof manifest.programme !== 'string') throw new Error(`${file}: programme: expected the programme folder's path`);
  return manifest.programme;
}

/**
 * The path of one of a dataset's files, once it is known to belong with the others: its size and
 * SHA-256 are the ones dataset.json lists (a cut file, a file from another import or edited by hand
 * is named, with the reason). A folder written before generations is read as it is.
 */
export function datasetFile(dir: string, name: typeof RECORDS_FILE | typeof DATA_FILE): string {
  const file = join(dir, name);
  if (!existsSync(join(dir, CURRENT))) return file;
  const manifestFile = join(dir, MANIFEST_FILE);
  const manifest = readJson<Partial<Manifest>>(manifestFile);
  const sum = manifest.files?.[name];
  if (!sum) throw new Error(`${manifestFile}: files: ${name} is not listed (the folder was not written by npm run import or npm run data)`);
  if (!existsSync(file)) throw new Error(`${file}: missing (${manifestFile} lists it): restore the folder from a backup or import again`);
  const actual = fileSum(file);
  if (actual.bytes !== sum.bytes || actual.sha256 !== sum.sha256) {
    const what = actual.bytes < sum.bytes ? `cut: ${actual.bytes} of its ${sum.bytes} bytes` : `changed since it was written (SHA-256 ${actual.sha256.slice(0, 12)}…, not ${sum.sha256.slice(0, 12)}…)`;
    throw new Error(`${file}: does not belong to this dataset (${manifestFile}): ${what}; restore the folder from a backup or import again`);
  }
  return file;
}

function fileSum(file: string): FileSum {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let bytes = 0;
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  closeSync(fd);
  return { bytes, sha256: hash.digest('hex') };
}

/** Another write holds the folder. */
export class DatasetBusy extends Error {}

/**
 * Takes the folder's write lock (a file made only if absent, naming its holder), or throws
 * DatasetBusy naming the folder and the holder. A lock whose process has gone (same machine) is
 * taken over. Returns the release.
 */
export function lockDataset(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const me = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // The lock appears whole or not at all: written under a name of its own, then linked to the lock's
  // name (which fails if the name is taken), so no reader ever meets a half-written lock.
  const mine = `${file}.${process.pid}`;
  clearLeftovers(dir);
  writeChunked(mine, [JSON.stringify(me)], { sync: true });
  try {
    for (;;) {
      try {
        linkSync(mine, file);
        return () => rmSync(file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let holder: typeof me | null = null;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as typeof me;
      } catch {
        // Gone this very moment (look again), or not a lock this code wrote (taken over below).
      }
      if (holder && (holder.host !== me.host || running(holder.pid))) {
        throw new DatasetBusy(`${dir}: another import is writing this folder (process ${holder.pid} on ${holder.host}, since ${holder.since}); run this one when it has finished${holder.host !== me.host ? `, or delete ${file} if it has stopped` : ''}`);
      }
      // The holder has gone: its lock moves aside in one rename, so that of two takers only one removes it.
      try {
        renameSync(file, `${file}.stale.${process.pid}`);
        rmSync(`${file}.stale.${process.pid}`, { force: true });
      } catch {
        // Another taker moved it first.
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/** A lock's own-name file (or a stale one moved aside) is left behind by a taker killed in the moment it exists. */
const LEFTOVER = /^\.import\.lock\.(?:stale\.)?(\d+)$/;
/** Older than this, a leftover of a process that has gone cannot be a taker at work, even on another host. */
const LEFTOVER_MS = 60_000;

function clearLeftovers(dir: string) {
  for (const name of readdirSync(dir)) {
    const pid = LEFTOVER.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || running(Number(pid))) continue;
    try {
      if (Date.now() - statSync(join(dir, name)).mtimeMs > LEFTOVER_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // Removed by another taker meanwhile.
    }
  }
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Writes a text file in one step (a temporary file, synced, renamed over it): never a half-written report. */
export function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeChunked(temporary, [text], { sync: true });
  renameSync(temporary, file);
}

/** The programme folder a dataset belongs to (a new folder: the default programme). */
export function programmeOf(dir: string): string {
  if (!existsSync(join(dir, MANIFEST_FILE))) return DEFAULT_PROGRAMME;
  const entry = programmeEntry(dir);
  const programme = resolve(dir, entry);
  // The path is relative to the dataset folder: a folder moved or copied elsewhere loses it.
  if (!existsSync(join(programme, 'programme.json'))) {
    throw new Error(`${join(dir, MANIFEST_FILE)}: programme: "${entry}" leads to ${programme}, which holds no programme.json (was the dataset folder moved?); write there the path of the programme folder relative to ${resolve(dir)}`);
  }
  return programme;
}

/** A JSON file, or an error naming it. */
export const readJson = <T>(file: string): T => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
};

