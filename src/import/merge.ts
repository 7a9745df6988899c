/**
 * An import merged into a dataset: records are keyed by their id; a field the import leaves empty
 * keeps the dataset's value (nothing known is lost), a field it fills replaces it; sources are the
 * union. Partners of an imported operation replace the old list, each keeping what the old partner
 * of the same name knew of its place. Records the import lacks stay, unless `replace`. A merged
 * record passes the record checks again (an imported end date may fall before the dataset's start
 * date): one that fails keeps the dataset's record as it was, reported. Pure and idempotent:
 * merging the same import twice changes nothing.
 */
import type { Problem } from '../core/problems';
import type { Programme } from '../core/programme';
import type { Located, RawPartner, RawRecord } from '../core/records';
import { checkRecord, projectIds } from '../core/records';
import { matchKey } from '../core/text';

export interface Change {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface Merge {
  records: Located<RawRecord>[];
  added: string[];
  changed: Change[];
  unchanged: string[];
  /** In the dataset, not in the import: kept, or removed with `replace`. */
  missing: string[];
  removed: boolean;
  /** Imported operations whose merge with the dataset's record failed a check (that record kept as it was). */
  problems: Problem[];
}

const PLACE_FIELDS = ['town', 'municipality', 'district', 'country', 'address', 'postal_code', 'name_original'] as const;

function mergePartners(before: readonly RawPartner[] | null, after: readonly RawPartner[]): RawPartner[] {
  const old = new Map((before ?? []).map((p) => [matchKey(p.name), p]));
  return after.map((p) => {
    const known = old.get(matchKey(p.name));
    if (!known) return p;
    const merged: RawPartner = { ...p };
    for (const f of PLACE_FIELDS) if (merged[f] == null && known[f] != null) (merged as unknown as Record<string, unknown>)[f] = known[f];
    if (merged.role == null && known.role != null) merged.role = known.role;
    if (merged.budget_eur == null && known.budget_eur != null) merged.budget_eur = known.budget_eur;
    return merged;
  });
}

function mergeRecord(before: RawRecord, after: RawRecord): RawRecord {
  const merged: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(after)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (field === 'sources') merged.sources = [...new Set([...before.sources, ...after.sources])];
    else if (field === 'partners') merged.partners = mergePartners(before.partners, after.partners!);
    else merged[field] = value;
  }
  return merged as unknown as RawRecord;
}

/** Equal as data: key order and absent-or-null fields do not count. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x != null).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
      : (v ?? null);
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export function mergeRecords(existing: readonly Located<RawRecord>[], imported: readonly Located<RawRecord>[], programme: Programme, { replace = false } = {}): Merge {
  const existingIds = projectIds(existing.map((r) => r.value), programme);
  const importedIds = projectIds(imported.map((r) => r.value), programme);
  const incoming = new Map(importedIds.map((id, i) => [id, imported[i]]));
  const result: Merge = { records: [], added: [], changed: [], unchanged: [], missing: [], removed: replace, problems: [] };
  const seen = new Set<string>();
  existing.forEach((r, i) => {
    const id = existingIds[i];
    const next = incoming.get(id);
    if (!next) {
      result.missing.push(id);
      if (!replace) result.records.push(r);
      return;
    }
    seen.add(id);
    const checked = checkRecord(mergeRecord(r.value, next.value), next.at, programme);
    if (checked.problems.length || !checked.record) {
      // What each value says is right alone, and wrong together: the dataset keeps what it had.
      for (const p of checked.problems) result.problems.push({ ...p, reason: `with the dataset's values, ${p.reason.replace(/: [^:]*$/, '')}: this operation's changes left out, the dataset keeps its record`, outcome: 'rejected' });
      result.unchanged.push(id);
      result.records.push(r);
      return;
    }
    const merged = checked.record;
    const fields = [...new Set([...Object.keys(r.value), ...Object.keys(merged)])].filter((f) => !same((r.value as unknown as Record<string, unknown>)[f], (merged as unknown as Record<string, unknown>)[f]));
    if (fields.length) {
      for (const field of fields) result.changed.push({ id, field, before: (r.value as unknown as Record<string, unknown>)[field], after: (merged as unknown as Record<string, unknown>)[field] });
    } else result.unchanged.push(id);
    // An unchanged record stays byte for byte as it was.
    result.records.push({ value: fields.length ? merged : r.value, at: next.at });
  });
  importedIds.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    result.added.push(id);
    result.records.push(imported[i]);
  });
  return result;
}
