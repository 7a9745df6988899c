/**
 * npm run import stopped at any moment, or run twice at once, never loses data: real processes on a
 * real folder. A killed import leaves the old dataset or the new one, each whole, and the next
 * import adds to it; of two imports at once, one waits its turn or says why not, and neither
 * reports success for data the folder does not then have. The moments of the kills are chosen by
 * watching the folder change, not by delays.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvFormatRows, csvParseRows } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_DATA, readCompiled, readProgramme, readRecords, programmeOf } from '../../data/dataset-dir';

const ROOT = new URL('../..', import.meta.url).pathname;
const SITES = 1500;
const work = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
const programme = readProgramme(programmeOf(PUBLISHED_DATA));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Changes seen in the folder while it ran. */
  events: number;
}

/**
 * npm run import into `dir`; with `killAt`, the process is killed (SIGKILL) at the `killAt`-th
 * change the folder shows.
 */
function runImport(dir: string, files: string[], killAt?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--out', dir, ...files], { cwd: ROOT });
    const run: Run = { code: null, signal: null, stdout: '', stderr: '', events: 0 };
    // The folder's own entries: the lock, the staged generation, its rename, the links, the switch, the clean-up.
    // (Not recursive: Node's recursive watcher on Linux throws when a folder it found is already gone.)
    const watcher = watch(dir, () => {
      if (++run.events === killAt) child.kill('SIGKILL');
    });
    child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
    child.on('close', (code, signal) => {
      watcher.close();
      resolve({ ...run, code, signal });
    });
  });
}

/** What the folder holds, checked as every reader checks it: the compiled data's digest and the records' codes. */
function holding(dir: string) {
  const data = readCompiled(dir);
  const codes = readRecords(dir, programme).map((r) => r.value.code!);
  return { digest: createHash('sha256').update(JSON.stringify(data)).digest('hex'), codes };
}

/** A copy of a dataset folder beside it (its programme is named relative to the folder). */
const copy = (from: string, name: string) => {
  const to = join(work, name);
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  return to;
};

let input: Record<'old' | 'rest' | 'x' | 'y', string[]>;
let ops: Record<'old' | 'rest' | 'x' | 'y', string[]>;
let oldDir: string;
let before: ReturnType<typeof holding>;
let after: ReturnType<typeof holding>;
let events: number;

beforeAll(async () => {
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ['--import', 'tsx', 'scripts/synthetic.ts', '--sites', String(SITES), '--seed', '3', '--out', join(work, 'input')], { cwd: ROOT, stdio: 'ignore' }).on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`synthetic: exit ${code}`)),
    ),
  );
  // The operations in four parts, each with its partners: the dataset before, the rest, and two halves of the rest.
  const [opHeader, ...opRows] = csvParseRows(readFileSync(join(work, 'input/operations.csv'), 'utf8'));
  const [pHeader, ...pRows] = csvParseRows(readFileSync(join(work, 'input/partners.csv'), 'utf8'));
  const third = Math.floor(opRows.length / 3);
  const parts = { old: opRows.slice(0, third), rest: opRows.slice(third), x: opRows.slice(third, 2 * third), y: opRows.slice(2 * third) };
  input = {} as typeof input;
  ops = {} as typeof ops;
  for (const [name, rows] of Object.entries(parts) as [keyof typeof parts, string[][]][]) {
    const codes = new Set(rows.map((r) => r[0]));
    writeFileSync(join(work, `${name}-operations.csv`), csvFormatRows([opHeader, ...rows]));
    writeFileSync(join(work, `${name}-partners.csv`), csvFormatRows([pHeader, ...pRows.filter((r) => codes.has(r[0]))]));
    input[name] = [join(work, `${name}-operations.csv`), join(work, `${name}-partners.csv`)];
    ops[name] = [...codes];
  }
  oldDir = join(work, 'old');
  mkdirSync(oldDir);
  const made = await runImport(oldDir, input.old);
  expect(made.code, made.stderr).toBe(0);
  before = holding(oldDir);
  // The whole import once, to completion: the dataset after, and how many changes its write shows.
  const reference = copy(oldDir, 'reference');
  const run = await runImport(reference, input.rest);
  expect(run.code, run.stderr).toBe(0);
  after = holding(reference);
  events = run.events;
}, 240_000);

describe('npm run import, killed or doubled', () => {
  it('killed at any moment of its write, leaves the old dataset or the new one, and the next import adds to it', async () => {
    expect(before.codes).toEqual(ops.old);
    expect(new Set(after.codes)).toEqual(new Set([...ops.old, ...ops.rest]));
    expect(events).toBeGreaterThan(8);
    // Every third change the whole import made to the folder, and its last but one.
    const moments = [...new Set([...Array.from({ length: Math.ceil((events - 1) / 3) }, (_, i) => 1 + 3 * i), events - 1])];
    const outcomes: string[] = [];
    for (const moment of moments) {
      const dir = copy(oldDir, `kill-${moment}`);
      const killed = await runImport(dir, input.rest, moment);
      const now = holding(dir);
      const state = now.digest === before.digest ? 'old' : now.digest === after.digest ? 'new' : 'neither';
      outcomes.push(`change ${moment} of ${events}: ${killed.signal ?? `exit ${killed.code}`}, ${state}`);
      expect(state, outcomes.at(-1)).not.toBe('neither');
      const next = await runImport(dir, input.rest);
      expect(next.code, next.stderr).toBe(0);
      expect(holding(dir).digest, `${outcomes.at(-1)}, then imported again`).toBe(after.digest);
    }
    // Both outcomes were met: the kills fell before and after the switch.
    expect(outcomes.some((o) => o.endsWith('old')) && outcomes.some((o) => /SIGKILL, new$/.test(o)), outcomes.join('\n')).toBe(true);
  }, 240_000);

  it('two at once: each either writes (keeping the other\'s data) or exits 2 naming the folder and the import that holds it', async () => {
    const dir = copy(oldDir, 'twice');
    const [x, y] = await Promise.all([runImport(dir, input.x), runImport(dir, input.y)]);
    const codes = new Set(holding(dir).codes);
    for (const [run, added] of [[x, ops.x], [y, ops.y]] as const) {
      if (run.code === 0) expect(added.every((c) => codes.has(c))).toBe(true);
      else {
        expect(run.code).toBe(2);
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^import failed: ${dir}: another import is writing this folder \\(process \\d+ on .+, since .+\\)`))]);
      }
    }
    expect(x.code === 0 || y.code === 0).toBe(true);
    expect(ops.old.every((c) => codes.has(c))).toBe(true);
  }, 120_000);

  it('refuses to merge into a dataset with a cut file, naming it; the folder stays as it was', async () => {
    const dir = copy(oldDir, 'cut');
    const file = join(dir, 'current', 'atlas-data.json');
    truncateSync(file, 5000);
    const run = await runImport(dir, input.x);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^import failed: ${join(dir, 'atlas-data.json')}: does not belong to this dataset .*: cut: 5000 of its \\d+ bytes`))]);
    expect(() => readCompiled(dir)).toThrowError(/cut: 5000/);
  }, 60_000);
});
