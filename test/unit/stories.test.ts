import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryError, validateStory } from '../../src/core/stories';
import type { AtlasData } from '../../src/core/types';
import { parseUrl } from '../../src/state/url';
import { PROGRAMME } from './fixtures';

const parseFilters = (search: string) => {
  const { state, notices } = parseUrl(search, PROGRAMME);
  return { municipalities: state.filters.municipalities, invalid: notices };
};
const ctx = { projects: new Set(['CB007.2.32.079']), municipalities: new Set(['BG-MON29', 'RS-70939']), parseFilters };
const story = (steps: unknown[]) => ({ id: 'tour', title: { key: 'storyPeriods' }, steps });

describe('story validation', () => {
  it('accepts a valid story', () => {
    expect(validateStory(story([{ filters: 'period=2014-2020', text: { key: 'stepOverview' } }, { project: 'CB007.2.32.079', text: { key: 'stepProject' } }]), 's.json', ctx).steps).toHaveLength(2);
  });

  it('names the step that points to an unknown project', () => {
    expect(() => validateStory(story([{ text: { key: 'stepOverview' } }, { project: 'CB007.9.99.999', text: { key: 'stepProject' } }]), 'data/stories/x.json', ctx)).toThrowError(
      'data/stories/x.json: steps[1].project: unknown project "CB007.9.99.999"',
    );
  });

  it('names the step that points to an unknown municipality', () => {
    expect(() => validateStory(story([{ filters: 'municipality=RS-70327', text: { key: 'stepOverview' } }]), 'x.json', ctx)).toThrowError(
      'x.json: steps[0].filters.municipality[0]: unknown municipality "RS-70327"',
    );
    expect(() => validateStory(story([{ text: { key: 'stepPair', pair: ['BG-MON29', 'RS-00000'] } }]), 'x.json', ctx)).toThrowError(
      'x.json: steps[0].text.pair[1]: unknown municipality "RS-00000"',
    );
  });

  it('rejects invalid filters and unknown texts', () => {
    expect(() => validateStory(story([{ filters: 'theme=nonsense', text: { key: 'stepOverview' } }]), 'x.json', ctx)).toThrowError(/steps\[0\]\.filters: invalid parameter theme=nonsense/);
    expect(() => validateStory(story([{ text: { key: 'stepPoem' } }]), 'x.json', ctx)).toThrowError(StoryError);
    expect(() => validateStory({ id: 'Bad Id', title: { key: 'storyPeriods' }, steps: [] }, 'x.json', ctx)).toThrowError('x.json: id: expected a slug');
  });

  it('ships stories that the data build validated', () => {
    const data = JSON.parse(readFileSync(new URL('../../data/out/atlas-data.json', import.meta.url), 'utf8')) as AtlasData;
    const files = readdirSync(new URL('../../data/programmes/bg-rs/stories/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(data.stories.map((s) => s.id).sort()).toEqual(files.map((f) => f.replace('.json', '')).sort());
  });
});
