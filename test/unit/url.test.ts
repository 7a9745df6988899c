import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseUrl, toSearch } from '../../src/state/url';

describe('URL state', () => {
  it('round-trips every field', () => {
    const state = { lang: 'sr-Latn' as const, project: 'CB007.2.32.079', view: 'list' as const };
    expect(parseUrl(toSearch(state))).toEqual({ state, notices: [] });
    expect(toSearch(DEFAULT_STATE)).toBe('');
  });

  it('reads ?project= and ?lang=', () => {
    expect(parseUrl('?project=CB007.2.32.079&lang=bg').state).toEqual({ lang: 'bg', project: 'CB007.2.32.079', view: 'map' });
    expect(parseUrl('?project=2007CB16IPO006-2011-2-167').state.project).toBe('2007CB16IPO006-2011-2-167');
  });

  it('ignores hostile or unknown input with notices instead of failing', () => {
    const { state, notices } = parseUrl('?lang=xx&project=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&view=globe&utm_source=a');
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices).toEqual([
      { param: 'utm_source', value: 'a', reason: 'unknown-parameter' },
      { param: 'lang', value: 'xx', reason: 'invalid-value' },
      { param: 'project', value: '<img src=x onerror=alert(1)>', reason: 'invalid-value' },
      { param: 'view', value: 'globe', reason: 'invalid-value' },
    ]);
  });
});
