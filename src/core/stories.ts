/**
 * Guided tours, authored as data (data/stories/*.json, validated by the data build) or written in
 * the page (the tour editor saves the same format, validated by the same code). A step names
 * filters, places, a project, a camera or years to play. The programme's steps take their words
 * from i18n templates filled with figures computed at show time, so every language states only what
 * the data shows; a written step carries its presenter's own words, per UI language, always as text.
 */

/** Text per UI language id ("en", "sr-Latn"), as the presenter wrote it. */
export type Written = Readonly<Record<string, string>>;

export type StepText =
  | { key: 'stepOverview' }
  | { key: 'stepPlace'; municipality: string }
  | { key: 'stepProject' }
  | { key: 'stepPair'; pair: [string, string] }
  | { key: 'stepYears' }
  | { key: 'stepWritten'; title: Written; body: Written };

export interface StoryStep {
  /** Link parameters of the filters, e.g. "theme=environment-risk&municipality=RS-70939&year=2016". */
  filters?: string;
  /** Show this project: the camera fits its places and the card tells about it. */
  project?: string;
  /** Draw the cooperation network. */
  network?: boolean;
  /** The camera as the `map` link parameter ("zoom/lat/lon"), instead of fitting the step's places. */
  camera?: string;
  /** Years the step plays when it opens, first to last. */
  play?: [number, number];
  text: StepText;
}

export type StoryTitle = { key: 'storyTheme'; theme: string } | { key: 'storyPeriods' } | { key: 'storyBothSides' } | { key: 'storyWritten'; text: Written };

/** What a tour file may hold at most: more is refused unread (a tour is a few dozen steps). */
export const TOUR_LIMITS = { bytes: 1_000_000, steps: 500, text: 5_000 } as const;

export interface Story {
  id: string;
  title: StoryTitle;
  steps: StoryStep[];
}

export interface StoryContext {
  projects: Set<string>;
  municipalities: Set<string>;
  /** Reads a step's link parameters as the app's link codec does: the municipalities they name, and the invalid ones. */
  parseFilters(search: string): { municipalities: string[]; invalid: { param: string; value: string }[] };
  /** UI language ids written texts may be in (none: any). */
  languages?: readonly string[];
}

export class StoryError extends Error {
  constructor(
    file: string,
    path: string,
    reason: string,
    /** The story is sound but names a project or place the data does not have. */
    readonly missing = false,
  ) {
    super(`${file}: ${path}: ${reason}`);
    this.name = 'StoryError';
  }
}

/**
 * Checks one story file; throws StoryError naming the file, the step and the reason. With `missing`,
 * a project or municipality the data does not have is reported there instead (the step still opens).
 */
export function validateStory(value: unknown, file: string, ctx: StoryContext, missing?: StoryError[]): Story {
  const fail = (path: string, reason: string, isMissing = false): never => {
    throw new StoryError(file, path, reason, isMissing);
  };
  const unknown = (path: string, reason: string) => (missing ? missing.push(new StoryError(file, path, reason, true)) : fail(path, reason, true));
  const s = value as Partial<Story> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) fail('(root)', 'not a JSON object');
  if (typeof s!.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s!.id)) fail('id', 'expected a slug of lower-case letters, digits and dashes');
  const written = (v: unknown, path: string, required: boolean) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(path, 'expected texts by language, e.g. {"en": "…"}');
    const entries = Object.entries(v as Record<string, unknown>);
    for (const [language, t] of entries) {
      if (ctx.languages && !ctx.languages.includes(language)) fail(`${path}.${language}`, `not a language of the atlas (${ctx.languages.join(', ')})`);
      if (typeof t !== 'string') fail(`${path}.${language}`, 'expected a text');
      if ((t as string).length > TOUR_LIMITS.text) fail(`${path}.${language}`, `longer than ${TOUR_LIMITS.text} characters`);
    }
    if (required && !entries.some(([, t]) => (t as string).trim())) fail(path, 'expected a text in at least one language');
  };
  const title = s!.title as StoryTitle | undefined;
  if (!title || typeof title !== 'object' || !['storyTheme', 'storyPeriods', 'storyBothSides', 'storyWritten'].includes(title.key)) fail('title.key', 'expected storyTheme, storyPeriods, storyBothSides or storyWritten');
  if (title!.key === 'storyWritten') written(title!.text, 'title.text', true);
  if (!Array.isArray(s!.steps) || s!.steps.length === 0) fail('steps', 'expected at least one step');
  if (s!.steps!.length > TOUR_LIMITS.steps) fail('steps', `${s!.steps!.length} steps, more than a tour holds (${TOUR_LIMITS.steps})`);
  const municipality = (path: string, id: unknown) => {
    if (typeof id !== 'string') fail(path, `expected a municipality id, got ${JSON.stringify(id)}`);
    else if (!ctx.municipalities.has(id)) unknown(path, `unknown municipality ${JSON.stringify(id)}`);
  };
  s!.steps!.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (!step || typeof step !== 'object' || Array.isArray(step)) return fail(at, 'expected a step object');
    if (step.network !== undefined && typeof step.network !== 'boolean') fail(`${at}.network`, 'expected true or false');
    if (step.camera !== undefined && !(typeof step.camera === 'string' && /^\d{1,2}(\.\d+)?\/-?\d{1,2}(\.\d+)?\/-?\d{1,3}(\.\d+)?$/.test(step.camera))) fail(`${at}.camera`, 'expected "zoom/lat/lon"');
    if (step.play !== undefined && !(Array.isArray(step.play) && step.play.length === 2 && step.play.every((y) => Number.isInteger(y) && y >= 1900 && y <= 2200) && step.play[0] <= step.play[1]))
      fail(`${at}.play`, 'expected [first year, last year]');
    if (step.filters !== undefined) {
      if (typeof step.filters !== 'string') fail(`${at}.filters`, 'expected link parameters as text');
      const { municipalities, invalid } = ctx.parseFilters(`?${step.filters}`);
      if (invalid.length) fail(`${at}.filters`, `invalid parameter ${invalid[0].param}=${invalid[0].value}`);
      municipalities.forEach((m, k) => municipality(`${at}.filters.municipality[${k}]`, m));
    }
    if (step.project !== undefined && typeof step.project !== 'string') fail(`${at}.project`, 'expected a project id');
    if (step.project !== undefined && !ctx.projects.has(step.project)) unknown(`${at}.project`, `unknown project ${JSON.stringify(step.project)}`);
    const text = step.text as StepText | undefined;
    if (!text || typeof text !== 'object') return fail(`${at}.text`, 'missing');
    if (text.key === 'stepPlace') municipality(`${at}.text.municipality`, text.municipality);
    else if (text.key === 'stepPair') {
      if (!Array.isArray(text.pair) || text.pair.length !== 2) fail(`${at}.text.pair`, 'expected two municipality ids');
      text.pair.forEach((m, k) => municipality(`${at}.text.pair[${k}]`, m));
    } else if (text.key === 'stepProject') {
      if (!step.project) fail(`${at}.project`, 'a stepProject text needs a project');
    } else if (text.key === 'stepWritten') {
      written(text.title, `${at}.text.title`, true);
      written(text.body, `${at}.text.body`, false);
    } else if (text.key === 'stepYears') {
      if (!step.play) fail(`${at}.play`, 'a stepYears text needs the years to play');
    } else if (text.key !== 'stepOverview') fail(`${at}.text.key`, `unknown text ${JSON.stringify((text as { key: unknown }).key)}`);
  });
  return s as Story;
}
