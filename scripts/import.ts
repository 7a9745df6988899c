/**
 * npm run import -- [--out DIR] [--replace] [--dry-run] FILE…
 * Merges lists of operations, keep.eu exports and JSONL files into a dataset folder (the published
 * data/out/ unless --out), with its report DIR/IMPORT-REPORT.md. Exits 0 whenever it wrote a
 * dataset; 2, with a one-line reason, when nothing could be written (the folder is then as it was;
 * the report of a failed import or a dry run goes beside the last good one).
 * One import at a time per folder: the folder is locked from reading it to writing it.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { formatProblem } from '../src/core/problems';
import { importFiles } from '../src/import';
import { importReport } from '../src/import/report';
import { DATA_FILE, lockDataset, programmeFacts, programmeOf, PUBLISHED_DATA, readRecords, REPORT_FILE, writeDataset, writeWhole } from '../data/dataset-dir';

const USAGE = 'usage: npm run import -- [--out DIR] [--replace] [--dry-run] FILE…';
const FAILED_REPORT = 'IMPORT-REPORT.failed.md';
const DRY_RUN_REPORT = 'IMPORT-REPORT.dry-run.md';

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
  const release = dryRun ? () => undefined : lockDataset(out);
  try {
    // A dataset keeps its programme; a new folder belongs to the published data's programme.
    const base = existsSync(join(out, DATA_FILE)) ? out : PUBLISHED_DATA;
    const programmeDir = programmeOf(base);
    const { programme, facts, gazetteer } = programmeFacts(programmeDir, base);
    const imported = await importFiles(inputs, readRecords(out, programme), facts, { programme, gazetteer }, { replace });
    const { merge } = imported;
    const summary = `${imported.read.records.length} records read, ${merge.added.length} added, ${new Set(merge.changed.map((c) => c.id)).size} changed, ${merge.unchanged.length} unchanged, ${merge.missing.length} not in the import (${replace ? 'removed' : 'kept'}); ${imported.problems.length} problems`;
    if (!imported.read.records.length || dryRun) {
      const file = join(out, dryRun && imported.read.records.length ? DRY_RUN_REPORT : FAILED_REPORT);
      mkdirSync(out, { recursive: true });
      writeWhole(file, importReport(files, imported, { target: out, written: false }));
      // Thrown, not exited: the lock is released on the way out, and main's catch says why in one line.
      if (!imported.read.records.length) {
        const why = imported.read.problems.find((p) => p.outcome === 'rejected');
        throw new Error(`nothing imported: no record could be read from ${files.join(', ')}${why ? ` (first: ${formatProblem(why)})` : ''}; see ${file}; the dataset is as it was`);
      }
      console.log(`import (dry run): ${summary}; report: ${file}`);
      return;
    }
    writeDataset(out, merge.records.map((r) => r.value), imported.built.data, programmeDir, { report: importReport(files, imported, { target: out }) });
    console.log(`import: ${summary}; report: ${join(out, REPORT_FILE)}`);
  } finally {
    release();
  }
}

function fail(reason: string): never {
  console.error(`import failed: ${reason}`);
  process.exit(2);
}

main(process.argv.slice(2)).catch((error: Error) => fail(error.message.split('\n')[0]));
