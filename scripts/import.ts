/**
 * npm run import -- [--out DIR] [--replace] [--dry-run] FILE…
 * Merges lists of operations, keep.eu exports and JSONL files into a dataset folder (the published
 * data/out/ unless --out) and writes DIR/IMPORT-REPORT.md. Exits 0 whenever it wrote a dataset;
 * non-zero, with a one-line reason, only when nothing could be written.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importFiles } from '../src/import';
import { importReport } from '../src/import/report';
import { DATA_FILE, programmeFacts, programmeOf, PUBLISHED_DATA, readRecords, writeDataset } from '../data/dataset-dir';

const USAGE = 'usage: npm run import -- [--out DIR] [--replace] [--dry-run] FILE…';
export const REPORT_FILE = 'IMPORT-REPORT.md';

async function main(args: string[]): Promise<void> {
  let out = PUBLISHED_DATA;
  let replace = false;
  let dryRun = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out') out = resolve(args[++i] ?? fail(`--out needs a folder. ${USAGE}`));
    else if (a === '--replace') replace = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a.startsWith('--')) fail(`unknown option ${a}. ${USAGE}`);
    else files.push(a);
  }
  if (!files.length) fail(`no file to import. ${USAGE}`);
  const inputs = files.map((f) => {
    if (!existsSync(f) || !statSync(f).isFile()) fail(`${f}: no such file`);
    return { name: basename(f), bytes: new Uint8Array(readFileSync(f)) };
  });
  if (existsSync(out) && !statSync(out).isDirectory()) fail(`${out}: not a folder`);
  // A dataset keeps its programme; a new folder belongs to the published data's programme.
  const programmeDir = programmeOf(existsSync(join(out, DATA_FILE)) ? out : PUBLISHED_DATA);
  const { programme, facts, gazetteer } = programmeFacts(programmeDir, existsSync(join(out, DATA_FILE)) ? out : PUBLISHED_DATA);
  const imported = await importFiles(inputs, readRecords(out, programme), facts, { programme, gazetteer }, { replace });
  const report = importReport(files, imported, { target: out, dryRun });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, REPORT_FILE), report);
  const { merge } = imported;
  const summary = `${imported.read.records.length} records read, ${merge.added.length} added, ${new Set(merge.changed.map((c) => c.id)).size} changed, ${merge.unchanged.length} unchanged, ${merge.missing.length} not in the import (${replace ? 'removed' : 'kept'}); ${imported.problems.length} problems; report: ${join(out, REPORT_FILE)}`;
  if (!imported.read.records.length) fail(`nothing imported: no record could be read from ${files.join(', ')} (see ${join(out, REPORT_FILE)})`);
  if (!dryRun) writeDataset(out, merge.records.map((r) => r.value), imported.built.data, programmeDir);
  console.log(`import${dryRun ? ' (dry run)' : ''}: ${summary}`);
}

function fail(reason: string): never {
  console.error(`import failed: ${reason}`);
  process.exit(2);
}

main(process.argv.slice(2)).catch((error: Error) => fail(error.message.split('\n')[0]));
