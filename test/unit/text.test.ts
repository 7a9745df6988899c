import { describe, expect, it } from 'vitest';
import { matchKey, shortHash, slugify, srCyrToLat } from '../../src/core/text';

describe('matchKey', () => {
  it.each([
    ['Zaječar', 'Зајечар', 'zajecar'],
    ['Boychinovtsi', 'Бойчиновци', 'Boichinovtsi'],
    ['Niš', 'Ниш', 'NIS'],
    ['Vladičin Han', 'Владичин Хан', 'vladicin han'],
    ['Dragovishtitsa', 'Драговищица', 'Dragovištica'],
    ['Kyustendil', 'Кюстендил', 'Kjustendil'],
  ])('%s, %s and %s share one key', (a, b, c) => {
    expect(matchKey(a)).toBe(matchKey(b));
    expect(matchKey(a)).toBe(matchKey(c));
  });

  it('keeps different places apart', () => {
    expect(matchKey('Bor')).not.toBe(matchKey('Borovan'));
    expect(matchKey('Summer')).not.toBe(matchKey('Sumer'));
  });
});

describe('srCyrToLat', () => {
  it('uses the standard one-to-one digraphs and keeps case', () => {
    expect(srCyrToLat('Љубљана, Њива, Џеп, ЂУРЂЕВДАН')).toBe('Ljubljana, Njiva, Džep, ĐURĐEVDAN');
    expect(srCyrToLat('Пројекат без наслова (Пирот)')).toBe('Projekat bez naslova (Pirot)');
    expect(srCyrToLat('Latin stays {n}')).toBe('Latin stays {n}');
  });
});

describe('slugify and shortHash', () => {
  it('makes readable ASCII slugs cut at a word', () => {
    expect(slugify('Зона на приятелството')).toBe('zona-na-priyatelstvoto');
    expect(slugify('Let’s reach new tourism horizons')).toBe('let-s-reach-new-tourism-horizons');
    expect(slugify('a'.repeat(10) + ' ' + 'b'.repeat(60), 48)).toBe('a'.repeat(10) + '-' + 'b'.repeat(37));
  });

  it('hashes deterministically', () => {
    expect(shortHash('abc')).toBe(shortHash('abc'));
    expect(shortHash('abc')).not.toBe(shortHash('abd'));
    expect(shortHash('x')).toMatch(/^[0-9a-f]{8}$/);
  });
});
