import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryError, validateStory, type Story } from '../../src/core/stories';
import { tourFragment, tourFromFragment } from '../../src/tours/link';
import { draftStory } from '../../src/tours/tours';
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

describe('tours written in the page', () => {
  const written = (title: Record<string, unknown>, body: Record<string, unknown> = {}) => ({ key: 'stepWritten', title, body });
  const tour = (steps: unknown[]) => ({ id: 'tour-ours', title: { key: 'storyWritten', text: { en: 'Ours', bg: 'Наша' } }, steps });
  const lctx = { ...ctx, languages: PROGRAMME.languages.map((l) => l.id) };

  it('accepts written titles and texts per UI language, a camera and years to play', () => {
    const s = tour([{ filters: 'year=2016', camera: '7.5/43.1/22.4', play: [2004, 2016], text: written({ en: 'Where we stood', 'sr-Cyrl': 'Где смо били' }, { en: '<b>bold</b> stays text' }) }]);
    expect(validateStory(s, 'ours.json', lctx)).toEqual(s);
  });

  it('names the file, step and field of what is wrong', () => {
    const bad = (step: object) => () => validateStory(tour([{ text: written({ en: 'ok' }) }, step]), 'ours.json', lctx);
    expect(bad({ text: written({ en: 5 }) })).toThrowError('ours.json: steps[1].text.title.en: expected a text');
    expect(bad({ text: written({ de: 'Hallo' }) })).toThrowError('ours.json: steps[1].text.title.de: not a language of the atlas');
    expect(bad({ text: written({ en: ' ' }) })).toThrowError('ours.json: steps[1].text.title: expected a text in at least one language');
    expect(bad({ camera: 'here', text: written({ en: 'x' }) })).toThrowError('ours.json: steps[1].camera: expected "zoom/lat/lon"');
    expect(bad({ play: [2020, 2004], text: written({ en: 'x' }) })).toThrowError('ours.json: steps[1].play: expected [first year, last year]');
    expect(bad({ network: 'yes', text: written({ en: 'x' }) })).toThrowError('ours.json: steps[1].network: expected true or false');
    expect(() => validateStory(tour(Array.from({ length: 501 }, () => ({ text: written({ en: 'x' }) }))), 'many.json', lctx)).toThrowError('many.json: steps: 501 steps, more than a tour holds (500)');
  });

  it('reports what the data lacks and keeps the step, when asked to', () => {
    const missing: StoryError[] = [];
    const s = validateStory(tour([{ project: 'NO.SUCH.1', filters: 'municipality=RS-99999', text: written({ en: 'x' }) }]), 'ours.json', lctx, missing);
    expect(s.steps).toHaveLength(1);
    expect(missing.map((e) => e.message)).toEqual(['ours.json: steps[0].filters.municipality[0]: unknown municipality "RS-99999"', 'ours.json: steps[0].project: unknown project "NO.SUCH.1"']);
    expect(() => validateStory(tour([{ project: 'NO.SUCH.1', text: written({ en: 'x' }) }]), 'ours.json', lctx)).toThrowError(StoryError);
  });

  it('travels in a link fragment and comes back the same', () => {
    const s = tour([{ filters: 'period=2014-2020', text: written({ en: 'Сви пројекти ✓', bg: 'x'.repeat(300) }) }]) as Story;
    const fragment = tourFragment(s);
    expect(fragment).toMatch(/^tour=[A-Za-z0-9_-]+$/);
    expect(tourFromFragment(`#lang=en&${fragment}`)).toEqual(s);
    expect(tourFromFragment('#lang=en')).toBeNull();
    expect(() => tourFromFragment(`#${fragment.slice(0, -8)}`)).toThrowError('the link’s tour is cut or damaged');
  });

  it('makes a draft into a story whose id no other tour has, dropping empty texts', () => {
    const draft = { language: 'en', title: { en: 'Our council', bg: '' }, steps: [{ filters: 'year=2016', title: { en: 'One' }, body: { en: '', bg: 'Едно' } }] };
    const story = draftStory(draft, new Set(['tour-our-council']));
    expect(story).toEqual({ id: 'tour-our-council-2', title: { key: 'storyWritten', text: { en: 'Our council' } }, steps: [{ filters: 'year=2016', text: { key: 'stepWritten', title: { en: 'One' }, body: { bg: 'Едно' } } }] });
    expect(validateStory(story, 'draft', lctx)).toEqual(story);
  });
});
