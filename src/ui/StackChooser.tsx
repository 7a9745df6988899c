/** Several projects under one click: a small dialog to choose one. */
import { useRef } from 'preact/hooks';
import type { Project } from '../core/types';
import type { I18n } from '../i18n';
import { useDismiss } from './dismiss';
import { ProjectButtonList } from './ProjectButtonList';

interface Props {
  projects: readonly Project[];
  at: { x: number; y: number };
  i18n: I18n;
  onSelect(id: string): void;
  onClose(): void;
}

export function StackChooser({ projects, at, i18n, onSelect, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, onClose, () => ref.current?.querySelector<HTMLElement>('.project-buttons button'), projects);
  const style = { left: `${Math.min(at.x + 8, innerWidth - 340)}px`, top: `${Math.min(at.y + 8, innerHeight - 320)}px` };
  return (
    <div ref={ref} class="chooser" role="dialog" aria-label={i18n.t('projectsHere', { n: projects.length })} style={style}>
      <div class="chooser-head">
        <strong>{i18n.t('projectsHere', { n: projects.length })}</strong>
        <button type="button" class="close" onClick={onClose} aria-label={i18n.t('close')}>
          ×
        </button>
      </div>
      <ProjectButtonList projects={projects} i18n={i18n} onSelect={onSelect} />
    </div>
  );
}
