/**
 * Tours made in the page: the draft a presenter writes (a story of written steps, each the view it
 * was added from), and tours opened from a file or a link, checked by the programme's own story
 * validation. Pure, apart from the text a file is read from.
 */
import { StoryError, TOUR_LIMITS, validateStory, type Story, type StoryContext, type StoryStep, type Written } from '../core/stories';
import { slugify } from '../core/text';
import { DEFAULT_STATE, toSearch, type UrlState } from '../state/url';

/** The tour being written, in the language its texts are being written in. */
export interface Draft {
  language: string;
  title: Written;
  steps: DraftStep[];
}

export type DraftStep = Omit<StoryStep, 'text'> & { title: Written; body: Written };

export const emptyDraft = (language: string): Draft => ({ language, title: {}, steps: [] });

/** The view as a step: its filters (the year among them), camera, open project and network. */
export function stepOfView(state: UrlState): DraftStep {
  const params = new URLSearchParams(toSearch({ ...DEFAULT_STATE, filters: state.filters, camera: state.camera }));
  const camera = params.get('map');
  params.delete('map');
  return {
    filters: params.toString().replace(/%2C/g, ','),
    ...(camera ? { camera } : {}),
    ...(state.project ? { project: state.project } : {}),
    ...(state.network ? { network: true } : {}),
    title: {},
    body: {},
  };
}

/** `base`, or `base-2`, `base-3`…: an id no tour in `taken` has (the programme's tours keep theirs). */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The draft as a story file: an id from its title that no other tour has, written titles and texts. */
export function draftStory(draft: Draft, taken: ReadonlySet<string>): Story {
  const id = freeId(`tour-${slugify(Object.values(draft.title).find((t) => t.trim()) ?? '', 30) || 'untitled'}`, taken);
  const kept = (w: Written) => Object.fromEntries(Object.entries(w).filter(([, t]) => t.trim()));
  return {
    id,
    title: { key: 'storyWritten', text: kept(draft.title) },
    steps: draft.steps.map(({ title, body, ...view }) => ({ ...view, text: { key: 'stepWritten', title: kept(title), body: kept(body) } })),
  };
}

/** A tour read: the story, and what it names that the data does not have (its steps still open). */
export interface TourRead {
  story: Story;
  notes: string[];
}

/** Reads a tour file's text; throws with the file, the step, the field and the reason. */
export function readTour(text: string, file: string, ctx: StoryContext): TourRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not a tour: not JSON (${(error as Error).message})`);
  }
  return checkTour(json, file, ctx);
}

/** Checks a parsed tour (from a file or a link) by the stories' validation, naming what the data lacks. */
export function checkTour(json: unknown, file: string, ctx: StoryContext): TourRead {
  const missing: StoryError[] = [];
  const story = validateStory(json, file, ctx, missing);
  return { story, notes: missing.map((e) => e.message) };
}

/** The size check before a file is read at all: a tour is small. */
export function tourFileProblem(file: { name: string; size: number }): string | null {
  if (file.size <= TOUR_LIMITS.bytes) return null;
  return `${file.name}: ${(file.size / 1_000_000).toFixed(1)} MB, more than a tour file holds (${TOUR_LIMITS.bytes / 1_000_000} MB)`;
}

/** A .json file dropped on the page is a tour when it starts like one (the import takes everything else). */
export const looksLikeTour = (head: string) => /^\s*\{[\s\S]{0,400}"(steps|title)"\s*:/.test(head);
