/** A large dataset's data worker: the columns and the search live here, never in the page. */
import type { FromWorker, ToWorker } from './protocol';
import { serve } from './service';

async function fetchBytes(url: string): Promise<Uint8Array> {
  // A refused or broken connection is named with the file, as an HTTP error is.
  const response = await fetch(url).catch((error: Error) => Promise.reject(new Error(`${url}: ${error.message}`)));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const scope = self as unknown as Worker;
const handle = serve(fetchBytes, (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer));
scope.onmessage = ({ data }: MessageEvent<ToWorker>) => handle(data);
