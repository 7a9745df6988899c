/**
 * Guided tours, authored as data (data/stories/*.json) and validated by the data build. A step
 * names filters, places or a project; its words come from i18n templates filled with figures
 * computed from the data at show time, so every language states only what the data shows.
 */

export type StepText =
  | { key: 'stepOverview' }
  | { key: 'stepPlace'; municipality: string }
  | { key: 'stepProject' }
  | { key: 'stepPair'; pair: [string, string] };

export interface StoryStep {
  /** Link parameters of the filters, e.g. "theme=environment-risk&municipality=RS-70939". */
  filters?: string;
  /** Show this project: the camera fits its places and the card tells about it. */
  project?: string;
  /** Draw the cooperation network. */
  network?: boolean;
  text: StepText;
}

export type StoryTitle = { key: 'storyTheme'; theme: string } | { key: 'storyPeriods' } | { key: 'storyBothSides' };

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

/** Checks one story file; throws StoryError naming the file, the step and the reason. */
export function validateStory(value: unknown, file: string, ctx: StoryContext): Story {
  const fail = (path: string, reason: string, missing = false): never => {
    throw new StoryError(file, path, reason, missing);
  };
  const s = value as Partial<Story> | null;
  if (!s || typeof s !== 'object') fail('(root)', 'not a JSON object');
  if (typeof s!.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s!.id)) fail('id', 'expected a slug of lower-case letters, digits and dashes');
  const title = s!.title as StoryTitle | undefined;
  if (!title || !['storyTheme', 'storyPeriods', 'storyBothSides'].includes(title.key)) fail('title.key', 'expected storyTheme, storyPeriods or storyBothSides');
  if (!Array.isArray(s!.steps) || s!.steps.length === 0) fail('steps', 'expected at least one step');
  const municipality = (path: string, id: unknown) => {
    if (typeof id !== 'string' || !ctx.municipalities.has(id)) fail(path, `unknown municipality ${JSON.stringify(id)}`, typeof id === 'string');
  };
  s!.steps!.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (step.filters !== undefined) {
      if (typeof step.filters !== 'string') fail(`${at}.filters`, 'expected link parameters as text');
      const { municipalities, invalid } = ctx.parseFilters(`?${step.filters}`);
      if (invalid.length) fail(`${at}.filters`, `invalid parameter ${invalid[0].param}=${invalid[0].value}`);
      municipalities.forEach((m, k) => municipality(`${at}.filters.municipality[${k}]`, m));
    }
    if (step.project !== undefined && !ctx.projects.has(step.project)) fail(`${at}.project`, `unknown project ${JSON.stringify(step.project)}`, typeof step.project === 'string');
    const text = step.text as StepText | undefined;
    if (!text) return fail(`${at}.text`, 'missing');
    if (text.key === 'stepPlace') municipality(`${at}.text.municipality`, text.municipality);
    else if (text.key === 'stepPair') {
      if (!Array.isArray(text.pair) || text.pair.length !== 2) fail(`${at}.text.pair`, 'expected two municipality ids');
      text.pair.forEach((m, k) => municipality(`${at}.text.pair[${k}]`, m));
    } else if (text.key === 'stepProject') {
      if (!step.project) fail(`${at}.project`, 'a stepProject text needs a project');
    } else if (text.key !== 'stepOverview') fail(`${at}.text.key`, `unknown text ${JSON.stringify((text as { key: unknown }).key)}`);
  });
  return s as Story;
}
