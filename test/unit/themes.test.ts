import { describe, expect, it } from 'vitest';
import { themeRules } from '../../src/core/programme';
import { assignTheme as assign, axisCode, inferTheme as infer, objectiveCode, THEME_IDS } from '../../src/core/themes';
import { PROGRAMME } from './fixtures';

// The Bulgaria–Serbia programme's rules (programme.json): its objective tables and keywords.
const RULES = themeRules(PROGRAMME);
const assignTheme = (...args: [string | null, string | null, string | null, string[], string | null]) => assign(...args, RULES);
const inferTheme = (titles: string[], summary: string | null) => infer(titles, summary, RULES.keywords);

describe('programme objective codes', () => {
  it.each([
    ['1.1 Tourist Attractiveness', '1.1'],
    ['2.3. People to people actions', '2.3'],
    ['2.3 Пројекти директне сарадње међу људима', '2.3'],
    ['RSO2.4 - Promoting climate change adaptation', 'RSO2.4'],
    ['Links and networking', null],
  ])('%s → %s', (text, code) => expect(objectiveCode(text)).toBe(code));

  it.each([
    ['3 Environment', 'PA3'],
    ['Priority Axis 2', 'PA2'],
    ['Приоритетна оса 1: Подршка развоју малих инфраструктура (Priority axis 1)', 'PA1'],
    ['Priority 3 - A more resilient border region', 'PA3'],
    ['Axis 2: Enhancing capacity', 'PA2'],
  ])('%s → %s', (text, code) => expect(axisCode(text)).toBe(code));
});

describe('assignTheme', () => {
  it('follows the table for each period, with the programme as basis', () => {
    expect(assignTheme('2014-2020', '3 Environment', '3.2 Nature Protection', [], null)).toEqual({ theme: 'environment-risk', basis: 'programme', because: '3.2' });
    expect(assignTheme('2014-2020', '2 Youth', null, [], null)).toMatchObject({ theme: 'youth-education', because: 'PA2' });
    expect(assignTheme('2007-2013', 'Priority Axis 2', '2.3 People to people projects', [], null).theme).toBe('people-to-people');
    expect(assignTheme('2007-2013', 'Priority Axis 1', '1.1 Physical and information infrastructure', [], null).theme).toBe('infrastructure');
    expect(assignTheme('2021-2027', 'Priority 3 - A more resilient border region', 'RSO2.4 - …', [], null).theme).toBe('environment-risk');
  });

  it('does not take a 2007-2013 axis 2 without its measure: it spans three themes', () => {
    expect(assignTheme('2007-2013', 'Priority Axis 2', null, ['Walking together'], null).basis).not.toBe('programme');
  });

  it('maps only to the six theme ids', () => {
    for (const table of RULES.tables.values()) for (const theme of Object.values(table)) expect(THEME_IDS).toContain(theme);
  });
});

describe('inferTheme', () => {
  it('infers from title keywords in any script, marked as inferred', () => {
    expect(inferTheme(['Мрежа за културни събития'], null)).toMatchObject({ theme: 'tourism-heritage', basis: 'inferred' });
    expect(inferTheme(['Improvement of the waste management system'], null)).toMatchObject({ theme: 'environment-risk', basis: 'inferred' });
  });

  it('leaves a tie or no keyword unclassified', () => {
    expect(inferTheme(['Project X'], 'Nothing to go on.')).toEqual({ theme: 'unclassified', basis: 'unclassified', because: 'no priority and no clear keyword majority' });
    expect(inferTheme(['Tourism and waste'], null).theme).toBe('unclassified');
  });
});
