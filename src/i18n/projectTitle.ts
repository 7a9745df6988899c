/** How a project is named in a UI language. */
import { titleOf, type ProjectRow } from '../core/rows';
import type { I18n } from './index';

/** The title in the UI language's preferred title languages where the source has one (see programme.json), else made from its partners' places. */
export const projectTitle = (p: ProjectRow, i18n: I18n): string => titleOf(p, i18n.wording);
