/** The fuzz loop: hostile inputs through the whole import (read, check, merge, compile), crashes and wrong values counted. */
import { programmeFacts } from '../../data/dataset-dir';
import { importFiles, type InputFile } from '../../src/import';
import { random } from '../../scripts/random';
import { hostileInput, hostileWorkbooks, largeInputs, unmetIntents, wrongValues, type RowIntent } from './hostile';

export interface FuzzResult {
  inputs: number;
  byKind: Record<string, number>;
  crashes: string[];
  /** Inputs that took longer than the 20 s a run may take. */
  hangs: string[];
  wrong: string[];
  medianMs: number;
  maxMs: number;
}

const HANG_MS = 20_000;

export async function fuzz(count: number, seed: number, { large = false } = {}): Promise<FuzzResult> {
  const { programme, facts, gazetteer } = programmeFacts();
  const rnd = random(seed);
  const workbooks = await hostileWorkbooks(rnd);
  const inputs: { kind: string; files: InputFile[]; intent?: RowIntent[] }[] = [...Array.from({ length: count }, () => hostileInput(rnd, workbooks)), ...(large ? largeInputs() : [])];
  const result: FuzzResult = { inputs: inputs.length, byKind: {}, crashes: [], hangs: [], wrong: [], medianMs: 0, maxMs: 0 };
  const times: number[] = [];
  for (const [i, { kind, files, intent }] of inputs.entries()) {
    result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
    const started = performance.now();
    try {
      const { built, problems } = await importFiles(files, [], facts, { programme, gazetteer });
      // The output itself must be clean, whatever the importer said about it.
      result.wrong.push(...wrongValues(built.data).map((w) => `#${i} ${kind}: ${w}`));
      // And where the input's meaning is known, it reached the dataset or the report.
      if (intent) result.wrong.push(...unmetIntents(intent, built.data, problems, built.issues).map((w) => `#${i} ${kind}: ${w}`));
      JSON.stringify(built.data);
    } catch (error) {
      result.crashes.push(`#${i} ${kind}: ${String((error as Error)?.stack ?? error).slice(0, 300)}`);
    }
    const ms = performance.now() - started;
    times.push(ms);
    if (ms > HANG_MS) result.hangs.push(`#${i} ${kind}: ${Math.round(ms)} ms`);
  }
  times.sort((a, b) => a - b);
  result.medianMs = times[Math.floor(times.length / 2)];
  result.maxMs = times[times.length - 1];
  return result;
}
