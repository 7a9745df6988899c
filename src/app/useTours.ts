/**
 * The tours of the page beside the programme's: the draft being written (kept in the browser's
 * storage until saved or discarded), and tours opened from a file or from a link's fragment,
 * presented at once. What went wrong or is missing is said in `messages`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { saveFile } from '../charts/download';
import type { Indexed } from '../state/view';
import type { Story, StoryContext } from '../core/stories';
import type { I18n } from '../i18n';
import { writtenIn } from '../i18n/labels';
import type { AtlasStore } from '../state/store';
import { parseUrl } from '../state/url';
import { checkTour, draftStory, emptyDraft, freeId, looksLikeTour, readTour, stepOfView, tourFileProblem, type Draft } from '../tours/tours';

const draftKey = (programme: string) => `atlas-tour-draft:${programme}`;

export interface TourMessage {
  kind: 'problem' | 'note';
  text: string;
}

export interface Tours {
  /** Tours opened in the page (a file, a link, the draft previewed). */
  own: Story[];
  draft: Draft | null;
  editing: boolean;
  outcome: { link?: string; message?: string } | null;
  messages: TourMessage[];
  /** The tour a link can carry now: the one being presented or written. */
  current: Story | null;
  newTour(): void;
  closeEditor(): void;
  setDraft(draft: Draft): void;
  addStep(): void;
  present(step: number): void;
  save(): void;
  link(): void;
  discard(): void;
  /** Opens a tour file; with `onlyIfTour`, files that are not tours are left (false) for the import. */
  openFiles(files: File[], onlyIfTour?: boolean): Promise<boolean>;
  dismiss(): void;
}

export function useTours(store: AtlasStore, indexed: Indexed | null, stories: readonly Story[], i18n: I18n): Tours {
  const { t, programme } = i18n;
  const [draft, setDraftState] = useState<Draft | null>(() => {
    try {
      return JSON.parse(localStorage.getItem(draftKey(programme.id)) ?? 'null') as Draft | null;
    } catch {
      return null;
    }
  });
  const [editing, setEditing] = useState(false);
  const [own, setOwn] = useState<Story[]>([]);
  const [outcome, setOutcome] = useState<Tours['outcome']>(null);
  const [messages, setMessages] = useState<TourMessage[]>([]);
  // The fragment as the page opened with it: the link is made canonical (without it) once the data is in.
  const [fragment] = useState(() => location.hash);

  const ctx: StoryContext | null = useMemo(
    () =>
      indexed && {
        projects: new Set(indexed.data.projects.map((p) => p.id)),
        municipalities: new Set(indexed.municipalities.keys()),
        languages: programme.languages.map((l) => l.id),
        parseFilters: (search: string) => {
          const { state, notices } = parseUrl(search, programme);
          return { municipalities: state.filters.municipalities, invalid: notices };
        },
      },
    [indexed],
  );
  const taken = () => new Set(stories.map((s) => s.id));
  const setDraft = (next: Draft | null) => {
    setDraftState(next);
    setOutcome(null);
    try {
      if (next) localStorage.setItem(draftKey(programme.id), JSON.stringify(next));
      else localStorage.removeItem(draftKey(programme.id));
    } catch {
      // Storage full or off: the draft lives as long as the page.
    }
  };
  const show = (story: Story, step = 1) => {
    setOwn((tours) => [...tours.filter((x) => x.id !== story.id), story]);
    store.navigate({ present: story.id, step });
  };
  const draftTour = () => (draft && draft.steps.length ? draftStory(draft, taken()) : null);

  // A tour in the link's fragment opens once the data is there to check it against.
  useEffect(() => {
    if (!ctx || !fragment.includes('tour=')) return;
    void import('../tours/link').then(({ tourFromFragment }) => {
      try {
        const { story, notes } = checkTour(tourFromFragment(fragment), t('tourShareLabel'), ctx);
        setOwn((tours) => [...tours.filter((x) => x.id !== story.id), story]);
        if (!store.state.present) store.navigate({ present: story.id, step: 1 }, { replace: true });
        if (notes.length) setMessages([{ kind: 'note', text: t('tourNotes', { notes: notes.join('; ') }) }]);
      } catch (error) {
        setMessages([{ kind: 'problem', text: t('tourProblem', { reason: (error as Error).message }) }]);
      }
    });
  }, [ctx]);

  return {
    own,
    draft,
    editing,
    outcome,
    messages,
    current: (editing && draftTour()) || own.find((x) => x.id === store.state.present) || null,
    newTour: () => {
      if (!draft) setDraft(emptyDraft(i18n.locale));
      setEditing(true);
    },
    closeEditor: () => setEditing(false),
    setDraft,
    addStep: () => draft && setDraft({ ...draft, steps: [...draft.steps, stepOfView(store.state)] }),
    present: (step) => {
      const story = draftTour();
      if (story) show(story, step);
    },
    save: () => {
      const story = draftTour();
      if (!story) return;
      saveFile(`${story.id}.json`, new Blob([`${JSON.stringify(story, null, 2)}\n`], { type: 'application/json' }));
      setOutcome({ message: t('tourSaved', { file: `${story.id}.json` }) });
    },
    link: () => {
      const story = draftTour();
      if (story) void import('../tours/link').then(({ tourLink }) => tourLink(story)).then((r) => setOutcome('link' in r ? { link: r.link } : { message: t('tourLinkTooLong', { n: r.tooLong }) }));
    },
    discard: () => {
      setDraft(null);
      setEditing(false);
    },
    openFiles: async (files, onlyIfTour = false) => {
      const [file] = files;
      if (!file || !ctx) return false;
      if (onlyIfTour && (files.length !== 1 || !/\.json$/i.test(file.name) || !looksLikeTour(await file.slice(0, 4096).text()))) return false;
      const tooLarge = tourFileProblem(file);
      try {
        if (tooLarge) throw new Error(tooLarge);
        const { story, notes } = readTour(await file.text(), file.name, ctx);
        const shown = { ...story, id: freeId(story.id, taken()) };
        setMessages([
          { kind: 'note', text: t('tourOpened', { title: shown.title.key === 'storyWritten' ? writtenIn(shown.title.text, i18n) : shown.id, file: file.name }) },
          ...(notes.length ? [{ kind: 'note' as const, text: t('tourNotes', { notes: notes.join('; ') }) }] : []),
        ]);
        show(shown);
      } catch (error) {
        setMessages([{ kind: 'problem', text: t('tourProblem', { reason: (error as Error).message }) }]);
      }
      return true;
    },
    dismiss: () => setMessages([]),
  };
}
