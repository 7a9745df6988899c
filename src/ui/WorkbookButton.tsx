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

interface Props {
  /** Null while the projects are loading. */
  selection: readonly Project[] | null;
  /** Why the selection's projects cannot come; null: they are coming. */
  unavailable: string | null;
  filters: Filters;
  ctx: LabelContext;
  /** The link to this view, written into the About sheet. */
  link: string;
  /** The projects with their details (summaries, links, notes). */
  whole(projects: readonly Project[]): Promise<Project[]>;
}

export function WorkbookButton({ selection, unavailable, filters, ctx, link, whole }: Props) {
  const { i18n, municipalities } = ctx;
  const { t, programme } = i18n;
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const write = async () => {
    if (!selection) return;
    setState({ busy: true, error: null });
    try {
      const words = filterWords(filters, ctx).map((w) => w.words).join('; ') || t('sheetNoFilters');
      const [{ selectionWorkbook }, projects] = await Promise.all([import('../import/selectionWorkbook'), whole(selection)]);
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
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };
  return (
    <>
      <button type="button" onClick={write} disabled={state.busy || !selection} aria-busy={state.busy || (!selection && !unavailable)}>
        {t('downloadWorkbook')}
      </button>
      {state.busy && (
        <span role="status" class="progress">
          {' '}
          {t('preparingWorkbook')}
        </span>
      )}
      {state.error && <p role="alert">{t('workbookFailed', { reason: state.error })}</p>}
    </>
  );
}
