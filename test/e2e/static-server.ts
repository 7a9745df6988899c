/**
 * A static file server as a CDN or object store behaves for the atlas (README, "Deploying"): files
 * only, 404 for anything missing (no fallback to index.html), byte ranges (206 / 416), CORS for
 * embeds, immutable caching for content-hashed files. The columnar end-to-end test and the benchmark
 * serve built sites with it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { isContentHashed } from '../../src/offline/hashed';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.arrow': 'application/vnd.apache.arrow.file', '.gz': 'application/gzip', '.woff2': 'font/woff2', '.woff': 'font/woff', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};


export interface StaticServer {
  url: string;
  /** Requests answered, by path, with their status and when they came (epoch ms: the bench's byte counts). */
  log: { path: string; status: number; range: string | null; at: number }[];
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const log: StaticServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
    const range = req.headers.range ?? null;
    const at = Date.now();
    const answer = (status: number) => log.push({ path, status, range, at });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      answer(404);
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const size = statSync(file).size;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    // A file with a content hash never changes under its name: cached for a year.
    res.setHeader('Cache-Control', isContentHashed(path.slice(1)) ? 'public, max-age=31536000, immutable' : 'no-cache');
    const m = range && /^bytes=(\d*)-(\d*)$/.exec(range);
    if (range && m) {
      const start = m[1] ? Number(m[1]) : size - Number(m[2]);
      const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (!(start >= 0 && start <= end && start < size)) {
        answer(416);
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      answer(206);
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    answer(200);
    res.writeHead(200, { 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, log, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
