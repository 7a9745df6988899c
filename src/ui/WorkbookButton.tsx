/**
 * "Excel workbook": the selection as a list of operations that imports back, with an About sheet
 * (filters, date, link, source, credits). The writer loads when the button is pressed.
 */
import { useState } from 'preact/hooks';
import { saveFile } from '../charts/download';
import { allCredits } from '../core/credits';
import { exportName } from '../core/export';
import type { Filters } from '../core/filters';
import type { Project } from '../core/types';
import { filterWords, type LabelContext } from '../i18n/labels';

/** The most projects a workbook holds: the writer makes the whole file in the page's memory. */
export const WORKBOOK_MAX = 50_000;

interface Props {
  /** How many projects the view selects; null while they are counted. */
  count: number | null;
  filters: Filters;
  ctx: LabelContext;
  /** The link to this view, written into the About sheet. */
  link: string;
  /** The selection's whole projects (summaries, links, notes), a part at a time (Dataset.eachWhole). */
  eachWhole(part: (projects: readonly Project[]) => void, progress: (done: number, total: number) => void): Promise<void>;
}

export function WorkbookButton({ count, filters, ctx, link, eachWhole }: Props) {
  const { i18n, municipalities } = ctx;
  const { t, programme } = i18n;
  const [state, setState] = useState<{ busy: boolean; read: { done: number; total: number } | null; error: string | null }>({ busy: false, read: null, error: null });
  const tooLarge = count !== null && count > WORKBOOK_MAX;
  const write = async () => {
    setState({ busy: true, read: null, error: null });
    try {
      const words = filterWords(filters, ctx).map((w) => w.words).join('; ') || t('sheetNoFilters');
      const projects: Project[] = [];
      const [{ selectionWorkbook }] = await Promise.all([
        import('../import/selectionWorkbook'),
        eachWhole((part) => void part.forEach((project) => projects.push(project)), (done, total) => setState({ busy: true, read: { done, total }, error: null })),
      ]);
      const blob = await selectionWorkbook(projects, municipalities, programme, {
        title: t('workbookTitle', { n: projects.length, filters: words }),
        rows: [
          [t('appTitle'), t('appSubtitle')],
          [t('sheetFilters'), words],
          [t('sheetProjects'), String(projects.length)],
          [t('sheetWritten'), new Date(new Date().toISOString().slice(0, 10))],
          [t('sheetLink'), link],
          [t('sheetNote'), t('sheetNoteText')],
          ...allCredits(programme).map((c): [string, string] => [`${t('sheetSource')}: ${c.what}`, `${c.who} (${c.licence}) ${c.url}`]),
        ],
      });
      saveFile(`${exportName(filters, municipalities, programme)}.xlsx`, blob);
      setState({ busy: false, read: null, error: null });
    } catch (error) {
      setState({ busy: false, read: null, error: (error as Error).message });
    }
  };
  return (
    <>
      <button type="button" onClick={write} disabled={state.busy || count === null || tooLarge} aria-busy={state.busy || count === null}>
        {t('downloadWorkbook')}
      </button>
      {state.busy && (
        <span role="status" class="progress">
          {' '}
          {state.read ? t('readingFiles', { done: i18n.count(state.read.done), total: i18n.count(state.read.total) }) : t('preparingWorkbook')}
        </span>
      )}
      {tooLarge && <p class="note">{t('workbookTooLarge', { max: i18n.count(WORKBOOK_MAX) })}</p>}
      {state.error && <p role="alert">{t('workbookFailed', { reason: state.error })}</p>}
    </>
  );
}
