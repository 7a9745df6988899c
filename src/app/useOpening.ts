/**
 * Files being read in the page (openFiles.ts): one reading at a time — the next replaces it — with
 * how far it has come, a cancel, and why it failed.
 */
import { useRef, useState } from 'preact/hooks';
import type { Programme } from '../core/programme';
import type { Dataset } from '../dataset/dataset';
import { openFiles, type LocalData, type Opening } from './openFiles';

export interface OpeningState {
  busy: boolean;
  /** Tells how far the reading has come. */
  watch: Opening['watch'] | null;
  error: string | null;
}

const IDLE: OpeningState = { busy: false, watch: null, error: null };

/** `onOpened` gets the files' data and the dataset they were read against (its programme facts and base map). */
export function useOpening(programme: Programme, onOpened: (opened: LocalData, base: Dataset) => void) {
  const [opening, setOpening] = useState(IDLE);
  const reading = useRef<Opening | null>(null);
  const stop = () => {
    reading.current?.cancel();
    reading.current = null;
  };
  const open = (files: File[], base: Dataset) => {
    stop();
    const current = (reading.current = openFiles(files, base.indexed.data, programme));
    setOpening({ busy: true, watch: current.watch, error: null });
    const settled = (next: OpeningState) => {
      if (reading.current !== current) return false;
      reading.current = null;
      setOpening(next);
      return true;
    };
    current.result.then(
      (opened) => settled(IDLE) && onOpened(opened, base),
      (error: Error) => settled({ busy: false, watch: null, error: error.message }),
    );
  };
  const cancel = () => {
    stop();
    setOpening(IDLE);
  };
  return { opening, open, cancel };
}
