/**
 * The open project made whole: the first frame carries slim projects (src/core/pack.ts), their
 * summary, links and notes come from a shard when a dialog asks. An opened file's projects are
 * whole already (no loader).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Project } from '../core/types';

export type DetailsLoader = (project: Project) => Promise<Project>;

export function useDetails(project: Project | undefined, load: DetailsLoader | undefined): { project: Project | undefined; loading: boolean; error: string | null } {
  const [whole, setWhole] = useState<{ of: Project; project: Project | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!project || !load) return;
    let current = true;
    setWhole({ of: project, project: null, error: null });
    load(project).then(
      (p) => current && setWhole({ of: project, project: p, error: null }),
      (error: Error) => current && setWhole({ of: project, project: null, error: error.message }),
    );
    return () => void (current = false);
  }, [project, load]);
  if (!project || !load) return { project, loading: false, error: null };
  const mine = whole?.of === project ? whole : null;
  return { project: mine?.project ?? project, loading: !mine || (!mine.project && !mine.error), error: mine?.error ?? null };
}

/** A project fetched whole by its id, where the page does not hold the records: undefined while it comes, null when there is none. */
export function useFetched(id: string | null, fetch: ((id: string) => Promise<Project | null>) | null): { project: Project | null | undefined; error: string | null } {
  const [got, setGot] = useState<{ id: string; project: Project | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!id || !fetch) return;
    let current = true;
    fetch(id).then(
      (project) => current && setGot({ id, project, error: null }),
      (error: Error) => current && setGot({ id, project: null, error: error.message }),
    );
    return () => void (current = false);
  }, [id, fetch]);
  const mine = got?.id === id ? got : null;
  return { project: mine ? mine.project : undefined, error: mine?.error ?? null };
}
