import { describe, expect, it } from 'vitest';
import { deriveShare, parseAmount, parseRate } from '../../src/core/amount';

describe('parseAmount', () => {
  it.each([
    ['581 345,46', 581345.46],
    ['545.775.61', 545775.61],
    ['7.289.816,15', 7289816.15],
    ['135 274, 61', 135274.61],
    ['644 388, 58', 644388.58],
    ['136,664.55', 136664.55],
    ['92431.03', 92431.03],
    ['330.000', 330000],
    ['388.144', 388144],
    ['108 888', 108888],
    ['201.387.96', 201387.96],
    ['167,730 EUR (325, 459 BGN)', 167730],
  ])('reads %s as %d', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ raw, value, approximate: false, derived: false });
  });

  it('marks "близо" (nearly) as approximate and keeps the original string', () => {
    expect(parseAmount('близо 1 043 000')).toEqual({ raw: 'близо 1 043 000', value: 1043000, approximate: true, derived: false });
    expect(parseAmount('nearly 2.000.000').approximate).toBe(true);
  });

  it.each(['69.693,oo', '1,234.567', '12,34,567', 'n/a', '', '1 2345', '1.234,567'])('leaves %j unknown', (raw) => {
    expect(parseAmount(raw).value).toBeNull();
  });
});

describe('EU share', () => {
  it('parses rates written on the pages', () => {
    expect(parseRate('85.00 %')).toBe(0.85);
    expect(parseRate('85%')).toBe(0.85);
    expect(parseRate('185 %')).toBeNull();
    expect(parseRate('eighty')).toBeNull();
  });

  it('derives total × rate to the cent and flags it as derived', () => {
    const eu = deriveShare(parseAmount('306052.76'), 0.85);
    expect(eu.value).toBe(260144.85);
    expect(eu.derived).toBe(true);
    expect(deriveShare(parseAmount('близо 1 043 000'), 0.85)).toMatchObject({ value: 886550, approximate: true });
  });
});
