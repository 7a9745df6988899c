/** A dataset folder's generations, their check and the write lock (real files in a temporary folder). */
import { spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetBusy, DEFAULT_PROGRAMME, lockDataset, programmeOf, PUBLISHED_DATA, readCompiled, readRecords, writeDataset } from '../../data/dataset-dir';
import { PROGRAMME } from './fixtures';

const folder = () => mkdtempSync(join(tmpdir(), 'atlas-dataset-'));
const published = readCompiled(PUBLISHED_DATA);
const records = readRecords(PUBLISHED_DATA, PROGRAMME).map((r) => r.value);
const generations = (dir: string) => readdirSync(dir).filter((f) => /^data-/.test(f));
/** A file or a link (even one pointing nowhere) by that name. */
const present = (path: string) => {
  try {
    return !!lstatSync(path);
  } catch {
    return false;
  }
};

describe('dataset generations', () => {
  it('writes a generation, links the files through current, and reads them back', () => {
    const dir = folder();
    writeDataset(dir, records, published, DEFAULT_PROGRAMME, { report: '# Report\n' });
    expect(generations(dir)).toHaveLength(1);
    expect(readlinkSync(join(dir, 'current'))).toBe(generations(dir)[0]);
    for (const name of ['projects.jsonl', 'atlas-data.json', 'dataset.json', 'IMPORT-REPORT.md']) expect(readlinkSync(join(dir, name))).toBe(`current/${name}`);
    expect(readCompiled(dir).projects.length).toBe(published.projects.length);
    expect(readRecords(dir, PROGRAMME).length).toBe(records.length);
  });

  it('switches to the next generation and removes the previous one', () => {
    const dir = folder();
    writeDataset(dir, records, published, DEFAULT_PROGRAMME, { report: 'one' });
    const first = generations(dir)[0];
    writeDataset(dir, records.slice(1), { ...published, projects: published.projects.slice(1) }, DEFAULT_PROGRAMME);
    expect(generations(dir)).toHaveLength(1);
    expect(generations(dir)[0]).not.toBe(first);
    expect(readRecords(dir, PROGRAMME).length).toBe(records.length - 1);
    // The new generation has no report: the link to one goes.
    expect(present(join(dir, 'IMPORT-REPORT.md'))).toBe(false);
  });

  it('takes over a folder of side-by-side files without changing what it reads', () => {
    const dir = folder();
    for (const name of ['projects.jsonl', 'atlas-data.json']) writeFileSync(join(dir, name), readFileSync(join(PUBLISHED_DATA, name)));
    writeFileSync(join(dir, 'dataset.json'), JSON.stringify({ programme: join('..', '..', DEFAULT_PROGRAMME) }));
    const before = readFileSync(join(dir, 'atlas-data.json'), 'utf8');
    writeDataset(dir, records, published, DEFAULT_PROGRAMME);
    expect(lstatSync(join(dir, 'atlas-data.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'atlas-data.json'), 'utf8')).toBe(before);
  });

  it('names a cut file and a file changed by hand, and reads neither', () => {
    const dir = folder();
    writeDataset(dir, records, published, DEFAULT_PROGRAMME);
    const cut = join(folder(), 'cut');
    cpSync(dir, cut, { recursive: true, verbatimSymlinks: true });
    const data = join(cut, 'current', 'atlas-data.json');
    truncateSync(data, 1400);
    expect(() => readCompiled(cut)).toThrowError(new RegExp(`^${join(cut, 'atlas-data.json')}: does not belong to this dataset \\(.*dataset\\.json\\): cut: 1400 of its \\d+ bytes`));
    const edited = join(folder(), 'edited');
    cpSync(dir, edited, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(edited, 'current', 'projects.jsonl'), readFileSync(join(edited, 'current', 'projects.jsonl'), 'utf8').replace('"2014-2020"', '"2007-2013"'));
    expect(() => readRecords(edited, PROGRAMME)).toThrowError(/projects\.jsonl: does not belong to this dataset .*: changed since it was written/);
  });
});

describe('write lock', () => {
  it('lets one writer in and names it to the next', () => {
    const dir = folder();
    const release = lockDataset(dir);
    expect(() => lockDataset(dir)).toThrowError(DatasetBusy);
    expect(() => lockDataset(dir)).toThrowError(new RegExp(`^${dir}: another import is writing this folder \\(process ${process.pid} on .*, since .*\\)`));
    release();
    lockDataset(dir)();
  });

  it('takes over the lock of a process that has gone', async () => {
    const dir = folder();
    // A process that takes the lock and is killed before it can release it.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${new URL('../../data/dataset-files.ts', import.meta.url).pathname}').then((m) => { m.lockDataset(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`]);
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    expect(() => lockDataset(dir)).toThrowError(DatasetBusy);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    lockDataset(dir)();
  });

  it('clears what a taker killed mid-way left, once it is old and its process gone', () => {
    const dir = folder();
    const gone = 2 ** 22 + 12_345; // above the largest pid Linux allows: no such process
    const old = new Date(Date.now() - 5 * 60_000);
    for (const name of [`.import.lock.${gone}`, `.import.lock.stale.${gone}`]) {
      writeFileSync(join(dir, name), '{}');
      utimesSync(join(dir, name), old, old);
    }
    // A recent one may be a taker at work on another host: it stays.
    writeFileSync(join(dir, `.import.lock.${gone + 1}`), '{}');
    lockDataset(dir)();
    expect(readdirSync(dir)).toEqual([`.import.lock.${gone + 1}`]);
  });
});

describe('the programme a dataset names', () => {
  it('is found from the folder, and a folder moved away from it says so, naming the file and what to write', () => {
    const dir = folder();
    writeDataset(dir, records, published, DEFAULT_PROGRAMME);
    expect(programmeOf(dir)).toBe(DEFAULT_PROGRAMME.replace(/\/$/, ''));
    const moved = join(folder(), 'deeper', 'moved');
    cpSync(dir, moved, { recursive: true, verbatimSymlinks: true });
    expect(() => programmeOf(moved)).toThrowError(new RegExp(`^${moved}/dataset.json: programme: ".*" leads to .*, which holds no programme.json \\(was the dataset folder moved\\?\\)`));
  });
});
