/**
 * Nothing about a particular programme lives in the code: no string literal in src/ names a
 * country code, a period id or a title language of the Bulgaria–Serbia programme (they come
 * from data/programmes/bg-rs/programme.json). The message catalogues are the exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { PROGRAMME } from './fixtures';

const SRC = new URL('../../src/', import.meta.url).pathname;
const CATALOGUES = ['i18n/en.ts', 'i18n/bg.ts', 'i18n/sr-cyrl.ts', 'i18n/catalogues.ts'];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

/** The string literals of a TypeScript source (types included): quoted texts and the static parts of template literals. */
export function stringLiterals(source: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: unknown };
    if (n.type === 'StringLiteral') found.push(n.value as string);
    else if (n.type === 'TemplateElement') found.push((n.value as { cooked: string }).cooked);
    for (const [key, child] of Object.entries(node)) if (key !== 'loc' && key !== 'comments' && key !== 'leadingComments' && key !== 'trailingComments') visit(child);
  };
  visit(parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] }).program);
  return found.filter(Boolean);
}

/** What names the programme: a code or period as a literal, an id made from a country code, a title field. */
function namesProgramme(literal: string): string | null {
  const countries = PROGRAMME.countries.flatMap((c) => [c.code, c.iso3]);
  const values = [...countries, ...PROGRAMME.periods.map((p) => p.id), ...PROGRAMME.titleLanguages];
  if (values.includes(literal)) return literal;
  const country = PROGRAMME.countries.find((c) => literal.startsWith(`${c.code}-`));
  if (country) return country.code;
  const period = PROGRAMME.periods.find((p) => literal.includes(p.id));
  if (period) return period.id;
  const title = PROGRAMME.titleLanguages.find((l) => literal.includes(`title_${l}`));
  return title ? `title_${title}` : null;
}

describe('programme literals', () => {
  it('finds them where they are', () => {
    const source = `const a: 'BG' | 'x' = 'BG'; // 'RS'\nconst b = \`\${x}title_sr\`; /* "2014-2020" */ f("2007-2013", /"RS"/, 'ok');`;
    expect(stringLiterals(source).map(namesProgramme)).toEqual(['BG', null, 'BG', 'title_sr', '2007-2013', null]);
  });

  it('are in no source file outside the message catalogues', () => {
    const hits = files(SRC)
      .filter((f) => !CATALOGUES.includes(relative(SRC, f)))
      .flatMap((f) => stringLiterals(readFileSync(f, 'utf8')).flatMap((literal) => (namesProgramme(literal) ? [`${relative(SRC, f)}: ${JSON.stringify(literal)}`] : [])));
    expect(hits).toEqual([]);
  });
});
