/**
 * Search over a large dataset from static files: every word of every project's search text (core's
 * `searchText`, as match keys), sorted, each with the projects it is in, cut by the build into
 * shards of about the same size. A query word needs only the shards whose range of words can hold
 * words starting with it; a project matches when each query word starts one of its words — core's
 * rule (`applyFilters` with `q`), to the bit.
 */
import { columnFromArray, tableFromColumns, tableFromIPC, tableToIPC, utf8 } from '@uwdata/flechette';
import { listColumn, listsOf } from './arrow';
import type { Lists } from './columns';

/** Sorted words and, for each, the ascending indexes of the projects whose text has it. */
export interface WordIndex {
  words: string[];
  projects: Lists;
}

/** Where each shard's words begin: shard i holds the words from first[i] up to first[i + 1]. */
export interface ShardRanges {
  first: string[];
}

/** The words of a search text ("|" only separates its parts). */
const wordsOf = (text: string) => new Set(text.split(' ').filter((w) => w && w !== '|'));

export function wordIndex(texts: readonly string[]): WordIndex {
  const byWord = new Map<string, number[]>();
  texts.forEach((text, i) => {
    for (const w of wordsOf(text)) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  // In UTF-16 code-unit order, as `<` compares them when a shard is searched.
  const words = [...byWord.keys()].sort();
  const offsets = new Int32Array(words.length + 1);
  let total = 0;
  words.forEach((w, k) => (offsets[k + 1] = total += byWord.get(w)!.length));
  const values = new Uint32Array(total);
  words.forEach((w, k) => values.set(byWord.get(w)!, offsets[k]));
  return { words, projects: { offsets, values } };
}

/** The index cut into shards of about `bytes` each (a word and its projects are never split). */
export function cutShards(index: WordIndex, bytes: number): WordIndex[] {
  const shards: WordIndex[] = [];
  let from = 0;
  let size = 0;
  const cut = (to: number) => {
    const base = index.projects.offsets[from];
    shards.push({
      words: index.words.slice(from, to),
      projects: { offsets: index.projects.offsets.slice(from, to + 1).map((o) => o - base), values: index.projects.values.slice(base, index.projects.offsets[to]) },
    });
    from = to;
    size = 0;
  };
  index.words.forEach((w, k) => {
    size += w.length + 4 * (index.projects.offsets[k + 1] - index.projects.offsets[k]);
    if (size >= bytes) cut(k + 1);
  });
  if (from < index.words.length || !shards.length) cut(index.words.length);
  return shards;
}

/** The shards that can hold words starting with `word`. */
export function shardsFor(ranges: ShardRanges, word: string): number[] {
  const { first } = ranges;
  const out: number[] = [];
  for (let i = 0; i < first.length; i++) {
    // Shard i reaches past `word`, and does not begin after every word that starts with it.
    const reaches = i === first.length - 1 || first[i + 1] > word;
    const begins = first[i] <= word || first[i].startsWith(word);
    if (reaches && begins) out.push(i);
  }
  return out;
}

/** Marks in `into` the projects with a word of the shard that starts with `word`. */
export function markWord(shard: WordIndex, word: string, into: Uint8Array): void {
  const { words, projects } = shard;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < words.length && words[k].startsWith(word); k++) {
    for (let j = projects.offsets[k]; j < projects.offsets[k + 1]; j++) into[projects.values[j]] = 1;
  }
}

/** The projects every word matches (each word's marks, from all its shards), as the kernel takes them. */
export function intersect(marks: readonly Uint8Array[]): Uint8Array {
  const out = marks[0].slice();
  for (const m of marks.slice(1)) for (let i = 0; i < out.length; i++) out[i] &= m[i];
  return out;
}

export function shardToArrow(shard: WordIndex): Uint8Array {
  const table = tableFromColumns({ word: columnFromArray(shard.words, utf8()), projects: listColumn(shard.projects) });
  return tableToIPC(table, { format: 'file' })!;
}

export function shardFromArrow(bytes: Uint8Array, file: string): WordIndex {
  const table = tableFromIPC(bytes);
  const projects = table.getChild('projects');
  if (!projects || projects.data.length !== 1 || !table.getChild('word')) throw new Error(`${file}: not a search shard (a word and a projects column, one record batch)`);
  return { words: table.getChild('word')!.toArray() as string[], projects: listsOf(projects.data[0]) };
}
