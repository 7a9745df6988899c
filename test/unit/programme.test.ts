import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryCodes, periodIds, ProgrammeError, validateProgramme } from '../../src/core/programme';
import { PROGRAMME } from './fixtures';

const raw = JSON.parse(readFileSync(new URL('../../data/programmes/bg-rs/programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const trio = JSON.parse(readFileSync(new URL('../fixtures/trio/programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const check = (change: (p: Record<string, any>) => void) => {
  const copy = structuredClone(raw) as Record<string, any>;
  change(copy);
  return () => validateProgramme(copy, 'programme.json');
};

describe('the programme descriptor', () => {
  it('describes Bulgaria–Serbia and the three-country fixture', () => {
    expect(countryCodes(PROGRAMME)).toEqual(['BG', 'RS']);
    expect(periodIds(PROGRAMME)).toEqual(['2004-2006', '2007-2013', '2014-2020', '2021-2027']);
    expect(PROGRAMME.languages.map((l) => [l.id, l.script])).toEqual([['en', 'Latn'], ['bg', 'Cyrl'], ['sr-Cyrl', 'Cyrl'], ['sr-Latn', 'Latn']]);
    const other = validateProgramme(trio, 'trio/programme.json');
    expect(countryCodes(other)).toHaveLength(3);
    expect(other.languages.find((l) => l.script === 'Grek')?.messages).toBe('en');
  });

  it.each([
    ['a country code', (p: Record<string, any>) => (p.countries[1].code = 'Serbia'), 'programme.json: countries[1].code: expected an ISO 3166-1 alpha-2 code'],
    ['a missing name', (p: Record<string, any>) => delete p.countries[0].names['sr-Latn'], 'programme.json: countries[0].names.sr-Latn: expected a non-empty text'],
    ['one country', (p: Record<string, any>) => p.countries.splice(1), 'programme.json: countries: expected a list of at least 2'],
    ['a period id', (p: Record<string, any>) => (p.periods[0].id = '2004'), 'programme.json: periods[0].id: expected the years as yyyy-yyyy'],
    ['a theme', (p: Record<string, any>) => (p.periods[2].themes['1.1'] = 'sports'), 'programme.json: periods[2].themes.1.1: unknown theme "sports"'],
    ['a script', (p: Record<string, any>) => (p.languages[1].script = 'Grek'), 'programme.json: languages[1].script: "Grek" is not one of the scripts (Latn, Cyrl)'],
    ['a title language', (p: Record<string, any>) => (p.languages[0].titles = ['de']), 'programme.json: languages[0].titles[0]: "de" is not one of the title languages'],
    ['a duplicate language', (p: Record<string, any>) => p.languages.push(p.languages[0]), 'programme.json: languages: "en" appears twice'],
    ['the budget period', (p: Record<string, any>) => (p.largestBudget.period = '2028-2034'), 'programme.json: largestBudget.period: "2028-2034" is not one of the periods'],
    ['a credit link', (p: Record<string, any>) => (p.credits[0].url = 'javascript:alert(1)'), 'programme.json: credits[0].url: expected an http(s) address'],
  ])('names the file, the field and the reason: %s', (_, change, message) => {
    const validate = check(change);
    expect(validate).toThrowError(ProgrammeError);
    expect(validate).toThrowError(message);
  });
});
