/** npm run import and ATLAS_DATA builds, as a secretariat runs them (real processes, real files). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAW } from './raw';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'test/fixtures/import/list-of-operations.xlsx');
const runImport = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run import', () => {
  it('writes a dataset into a new folder, changes nothing the second time, and ATLAS_DATA builds the atlas from it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'atlas-import-')), 'deployment');
    const csv = join(dir, '..', 'more.csv');
    writeFileSync(csv, 'Project code,Title,Programming period\nEXTRA.1,An extra operation,2021-2027\n');
    const first = runImport('--out', dir, FIXTURE, csv);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${RAW.length + 1} records read, ${RAW.length + 1} added`);
    const report = readFileSync(join(dir, 'IMPORT-REPORT.md'), 'utf8');
    expect(report).toContain('"Internal reference"');
    const second = runImport('--out', dir, FIXTURE, csv);
    expect(second.stdout).toContain(`0 added, 0 changed, ${RAW.length + 1} unchanged`);
    const dry = runImport('--out', dir, '--replace', '--dry-run', csv);
    expect(dry.stdout).toContain(`${RAW.length} not in the import (removed)`);
    expect(JSON.parse(readFileSync(join(dir, 'atlas-data.json'), 'utf8')).projects).toHaveLength(RAW.length + 1);

    const out = join(dir, '..', 'site');
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--logLevel', 'error'], { cwd: ROOT, env: { ...process.env, ATLAS_DATA: dir, NODE_ENV: 'production' } });
    const built = readdirSync(join(out, 'assets')).find((f) => f.startsWith('atlas-data-'))!;
    const data = JSON.parse(readFileSync(join(out, 'assets', built), 'utf8'));
    expect(data.projects.map((p: { id: string }) => p.id)).toContain('EXTRA.1');
    expect(readdirSync(out)).toContain('sw.js');
  }, 120_000);

  it('exits non-zero with one line when nothing could be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'nothing,here\n1,2\n');
    const result = runImport('--out', join(dir, 'out'), bad);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^import failed: nothing imported: no record could be read from .*bad\.csv/)]);
    expect(runImport('--out', join(dir, 'out')).stderr).toMatch(/^import failed: no file to import/);
  }, 60_000);
});
