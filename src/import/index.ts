/**
 * Reads any mix of files — workbooks and CSVs of the list of operations or of keep.eu's exports,
 * and the atlas's own JSONL — into raw records. The same code runs in `npm run import` and in the
 * page; nothing here touches the file system or the network.
 */
import type { CompileContext } from '../core/compile';
import type { Problem } from '../core/problems';
import type { Programme } from '../core/programme';
import { distinctRecords } from '../core/distinct';
import { readJsonLines, type Located, type RawRecord } from '../core/records';
import { buildDataset, type BuiltDataset, type ProgrammeFacts } from './dataset';
import { mergeRecords, type Merge } from './merge';
import { recordsFromTables } from './operations';
import { append, fileKind, readTables, type InputFile, type Table } from './tables';

export type { InputFile } from './tables';

export interface ReadResult {
  records: Located<RawRecord>[];
  problems: Problem[];
  /** Columns and sheets nothing was read from. */
  unused: string[];
}

/**
 * How far an import has come, as the page tells a person waiting on a large file ('receiving': the
 * page takes the projects from its worker).
 */
export type ImportProgress =
  | { step: 'reading'; file: string }
  | { step: 'rows' | 'placing' | 'receiving'; done: number; total: number }
  | { step: 'checking' };

export async function readFiles(files: readonly InputFile[], programme: Programme, progress?: (p: ImportProgress) => void): Promise<ReadResult> {
  const records: Located<RawRecord>[] = [];
  const problems: Problem[] = [];
  const unused: string[] = [];
  const tables: Table[] = [];
  for (const file of files) {
    progress?.({ step: 'reading', file: file.name });
    if (fileKind(file) === 'jsonl') {
      const read = readJsonLines(file.bytes, file.name, programme);
      append(problems, read.problems);
      append(records, read.records);
      continue;
    }
    const read = await readTables(file);
    append(tables, read.tables);
    append(problems, read.problems);
    append(unused, read.ignored);
  }
  // Operations of every file first, so a partner table may come in another file than its operations.
  const fromTables = recordsFromTables(tables, programme, progress && ((done, total) => progress({ step: 'rows', done, total })));
  if (tables.length && !tables.some((t) => t.kind === 'operations')) {
    problems.push({ file: tables.map((t) => t.file).join(', '), reason: 'partners but no operations: open the operations sheet or file with them', outcome: 'rejected' });
  }
  return { records: [...records, ...fromTables.records], problems: [...problems, ...fromTables.problems], unused: [...unused, ...fromTables.unusedColumns] };
}

export interface Imported {
  read: ReadResult;
  merge: Merge;
  built: BuiltDataset;
  /** Every problem: of the files, of duplicate ids, of the stories. */
  problems: Problem[];
}

/**
 * Files merged into a dataset's records (none: the files' data alone) and compiled. Duplicate ids
 * in the files are left out (reported) before the merge, so the merge never meets them.
 */
export async function importFiles(
  files: readonly InputFile[],
  base: readonly Located<RawRecord>[],
  facts: ProgrammeFacts,
  ctx: Omit<CompileContext, 'objectives' | 'amountCeiling'>,
  { replace = false, progress }: { replace?: boolean; progress?: (p: ImportProgress) => void } = {},
): Promise<Imported> {
  const read = await readFiles(files, ctx.programme, progress);
  progress?.({ step: 'checking' });
  const distinct = distinctRecords(read.records, ctx.programme);
  const merge = mergeRecords(base, distinct.records, ctx.programme, { replace });
  const built = buildDataset(merge.records, facts, ctx, { onProject: progress && ((done, total) => progress({ step: 'placing', done, total })) });
  return { read, merge, built, problems: [...read.problems, ...distinct.problems, ...merge.problems, ...built.problems] };
}
