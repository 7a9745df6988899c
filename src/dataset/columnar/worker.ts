/** A large dataset's data worker: the columns and the search live here, never in the page. */
import { getBytes } from '../../core/getJson';
import type { FromWorker, ToWorker } from './protocol';
import { serve } from './service';

const scope = self as unknown as Worker;
const handle = serve(getBytes, (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer));
scope.onmessage = ({ data }: MessageEvent<ToWorker>) => handle(data);
