/** A file dropped anywhere on the page opens like one chosen with the file input. */
import { useEffect, useRef } from 'preact/hooks';

export function useFileDrop(open: (files: File[]) => void): void {
  // Listening once, through a ref to the latest opener.
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const over = (e: DragEvent) => e.dataTransfer?.types.includes('Files') && e.preventDefault();
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      latest.current([...e.dataTransfer.files]);
    };
    addEventListener('dragover', over);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('drop', drop);
    };
  }, []);
}
