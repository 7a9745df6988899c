/**
 * The Markdown reports of the data build and of an import. Every text copied from the data is
 * escaped: a title cannot become a link, an image, HTML or a heading in a Markdown viewer.
 */
import type { Issue } from '../core/compile';
import { formatProblem, type Problem } from '../core/problems';
import type { Project } from '../core/types';
import type { Imported } from './index';

/** Data text as inert Markdown: one line, every markup character escaped. */
function mdText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/**
 * The most items a list of the report shows. Its heading counts them all; past this, a line says how
 * many are not listed. A million-site import placed 705,193 partners outside the programme area: a
 * 95-million-character list no one reads, which held 200 MB at the import's peak.
 */
export const LISTED = 1000;

const notListed = (items: readonly unknown[]) => `_… and ${items.length - LISTED} more, not listed here_`;

/** One item a line, each made only if listed. */
function list<T>(items: readonly T[], line: (item: T) => string): string {
  if (!items.length) return '_none_';
  const lines = items.slice(0, LISTED).map((item) => `- ${line(item)}`);
  if (items.length > LISTED) lines.push(`- ${notListed(items)}`);
  return lines.join('\n');
}

/** Project ids on one line. */
const ids = (list: readonly string[]) =>
  list.length ? [...list.slice(0, LISTED).map((id) => `\`${id}\``), ...(list.length > LISTED ? [notListed(list)] : [])].join(', ') : '_none_';

/** Problems of the input files, rejected first. */
export function problemsSection(problems: readonly Problem[]): string {
  const order = { rejected: 0, fixed: 1, note: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.outcome] - order[b.outcome]);
  const label = { rejected: 'left out', fixed: 'kept, value unknown or corrected', note: 'note' } as const;
  return `## Problems in the input (${problems.length})\n\n${list(sorted, (p) => `**${label[p.outcome]}** — ${mdText(formatProblem(p))}`)}\n`;
}

/** What the compiler could not read or place, and how projects were placed and themed. */
export function compileSections(projects: readonly Project[], issues: readonly Issue[]): string[] {
  const count = (pred: (p: Project) => boolean) => projects.filter(pred).length;
  const tally = (values: string[]) => Object.entries(values.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
  const section = (title: string, kind: Issue['kind']) => {
    const found = issues.filter((i) => i.kind === kind);
    return `## ${title} (${found.length})\n\n${list(found, (i) => `\`${i.project}\` (${mdText(i.at)}): ${mdText(i.detail)}`)}\n`;
  };
  const unplaced = projects.filter((p) => p.locations.length === 0);
  const inferred = projects.filter((p) => p.themeBasis !== 'programme');
  return [
    `- projects: ${projects.length} (on the map: ${projects.length - unplaced.length}; not on the map: ${unplaced.length})`,
    `- total budget known: ${count((p) => p.total?.value != null)}; approximate: ${count((p) => !!p.total?.approximate)}; EU amount derived from total × rate: ${count((p) => !!p.eu?.derived)}`,
    `- locations by method: ${tally(projects.flatMap((p) => p.locations.map((l) => l.method)))}`,
    `- theme basis: ${tally(projects.map((p) => p.themeBasis))}`,
    '',
    section('Partners not placed', 'unresolved'),
    section('Ambiguous names', 'ambiguous'),
    section('Outside the programme area', 'outside-area'),
    section('Gazetteer and polygon disagree', 'polygon'),
    section('Amounts that cannot be read', 'amount'),
    section('Site names not placed', 'site'),
    `## Not on the map (${unplaced.length})\n`,
    list(unplaced, (p) => `\`${p.id}\`: ${p.partners.length ? `${p.partners.length} partner(s), none placed` : 'no partner list in the source'}`),
    '',
    `## Themes inferred from title and summary (${inferred.length})\n`,
    list(inferred, (p) => `\`${p.id}\`: ${p.theme} (${mdText(p.themeBecause)})`),
    '',
  ];
}

const cut = (v: unknown) => {
  const text = typeof v === 'string' ? v : JSON.stringify(v ?? null);
  return mdText(text.length > 120 ? `${text.slice(0, 120)}…` : text);
};

/** The report of one import: what was read, what the merge did, what was left out and why. */
export function importReport(files: readonly string[], imported: Imported, { target, written = true }: { target: string; written?: boolean }): string {
  const { merge, read, built } = imported;
  const rejected = imported.problems.filter((p) => p.outcome === 'rejected').length;
  return [
    '# Import report',
    '',
    `Files: ${files.map((f) => mdText(f)).join(', ')}. Into: ${mdText(target)}${written ? '' : ' (nothing written but this report: the dataset is as it was)'}.`,
    '',
    `- records read: ${read.records.length}; problems: ${imported.problems.length} (${rejected} left out)`,
    `- added: ${merge.added.length}; changed: ${new Set(merge.changed.map((c) => c.id)).size}; unchanged: ${merge.unchanged.length}; in the dataset but not in the import: ${merge.missing.length} (${merge.removed ? 'removed (--replace)' : 'kept'})`,
    `- the dataset now holds ${built.data.projects.length} projects`,
    '',
    `## Added (${merge.added.length})\n\n${ids(merge.added)}\n`,
    `## Changed (${merge.changed.length} fields)\n\n${list(merge.changed, (c) => `\`${c.id}\` ${c.field}: ${cut(c.before)} → ${cut(c.after)}`)}\n`,
    `## Unchanged (${merge.unchanged.length})\n\n${ids(merge.unchanged)}\n`,
    `## In the dataset but not in the import (${merge.missing.length}, ${merge.removed ? 'removed' : 'kept'})\n\n${ids(merge.missing)}\n`,
    problemsSection(imported.problems),
    `## Columns and sheets not read (${read.unused.length})\n\n${list(read.unused, mdText)}\n`,
    '# The dataset after the import',
    '',
    ...compileSections(built.data.projects, built.issues),
  ].join('\n');
}
