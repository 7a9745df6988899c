/** Several projects under one click: a small dialog to choose one. */
import { useRef } from 'preact/hooks';
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { useDismiss } from './dismiss';
import { ProjectButtonList } from './ProjectButtonList';

interface Props {
  /** The projects here that the page holds. */
  projects: readonly Project[];
  /** How many projects are here. */
  count: number;
  /** Why the page does not hold them (said in place of the list); null: it does. */
  unavailable: string | null;
  at: { x: number; y: number };
  i18n: I18n;
  onSelect(id: string): void;
  onClose(): void;
}

export function StackChooser({ projects, count, unavailable, at, i18n, onSelect, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, onClose, () => ref.current?.querySelector<HTMLElement>('.project-buttons button'), projects);
  const style = { left: `${Math.min(at.x + 8, innerWidth - 340)}px`, top: `${Math.min(at.y + 8, innerHeight - 320)}px` };
  return (
    <div ref={ref} class="chooser" role="dialog" aria-label={i18n.t('projectsHere', { n: count })} style={style}>
      <div class="chooser-head">
        <strong>{i18n.t('projectsHere', { n: count })}</strong>
        <button type="button" class="close" onClick={onClose} aria-label={i18n.t('close')}>
          ×
        </button>
      </div>
      {projects.length || !unavailable ? <ProjectButtonList projects={projects} i18n={i18n} onSelect={onSelect} /> : <p>{unavailable}</p>}
    </div>
  );
}
