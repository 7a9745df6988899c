import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/filters';
import { DEFAULT_STATE, dropUnknownIds, parseUrl, toSearch, type UrlState } from '../../src/state/url';
import { PROGRAMME } from './fixtures';

const full: UrlState = {
  lang: 'sr-Latn',
  project: 'CB007.2.32.079',
  view: 'list',
  colourBy: 'per-inhabitant',
  filters: {
    themes: ['environment-risk', 'tourism-heritage'],
    objectives: ['2014-2020:3.2'],
    periods: ['2014-2020', 'unknown'],
    types: ['investment'],
    countries: ['RS'],
    districts: ['RS-22'],
    municipalities: ['RS-70327', 'BG-MON04'],
    budget: { min: 100000, max: null },
    q: 'Пирот & co',
    year: { year: 2016, mode: 'running' },
  },
  camera: { zoom: 7.25, lat: 43.1234, lon: 22.5678 },
  embed: true,
  network: true,
  present: 'environment-risk',
  step: 3,
  kiosk: true,
  idle: 120,
};

describe('URL state', () => {
  it('round-trips every field', () => {
    expect(parseUrl(toSearch(full), PROGRAMME)).toEqual({ state: full, notices: [] });
    expect(toSearch(DEFAULT_STATE)).toBe('');
  });

  it('writes readable, stable links', () => {
    expect(toSearch({ ...DEFAULT_STATE, filters: { ...NO_FILTERS, periods: ['2014-2020'], themes: ['environment-risk'], municipalities: ['RS-70327'] } })).toBe(
      '?theme=environment-risk&period=2014-2020&municipality=RS-70327',
    );
  });

  it('reads the documented examples', () => {
    const { state } = parseUrl('?period=2014-2020,2007-2013&theme=environment-risk&municipality=RS-70327&budget=-500000&map=7/43.5/22.6', PROGRAMME);
    expect(state.filters).toMatchObject({ periods: ['2014-2020', '2007-2013'], themes: ['environment-risk'], municipalities: ['RS-70327'], budget: { min: null, max: 500000 } });
    expect(state.camera).toEqual({ zoom: 7, lat: 43.5, lon: 22.6 });
  });

  it('ignores hostile or unknown input with notices instead of failing', () => {
    const { state, notices } = parseUrl(
      '?lang=xx&project=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&view=globe&utm_source=a&theme=environment,tourism-heritage&budget=9-1&map=99/1/1&municipality=%3Cscript%3E',
      PROGRAMME,
    );
    expect(state).toEqual({ ...DEFAULT_STATE, filters: { ...NO_FILTERS, themes: ['tourism-heritage'] } });
    expect(notices).toEqual([
      { param: 'utm_source', value: 'a', reason: 'unknown-parameter' },
      { param: 'lang', value: 'xx', reason: 'invalid-value' },
      { param: 'project', value: '<img src=x onerror=alert(1)>', reason: 'invalid-value' },
      { param: 'view', value: 'globe', reason: 'invalid-value' },
      { param: 'theme', value: 'environment', reason: 'invalid-value' },
      { param: 'municipality', value: '<script>', reason: 'invalid-value' },
      { param: 'budget', value: '9-1', reason: 'invalid-value' },
      { param: 'map', value: '99/1/1', reason: 'invalid-value' },
    ]);
  });

  it('drops ids the data does not know', () => {
    const { state, notices } = dropUnknownIds(full, { objectives: new Set(['2014-2020:3.2']), districts: new Set(), municipalities: new Set(['RS-70327']) });
    expect(state.filters).toMatchObject({ objectives: ['2014-2020:3.2'], districts: [], municipalities: ['RS-70327'] });
    expect(notices).toEqual([
      { param: 'district', value: 'RS-22', reason: 'unknown-id' },
      { param: 'municipality', value: 'BG-MON04', reason: 'unknown-id' },
    ]);
  });
});
