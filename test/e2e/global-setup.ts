/**
 * End-to-end setup: build the app as shipped and serve dist/ with `vite preview` on 127.0.0.1.
 * The tests run against the build, which is what catches build-only breakage (worker URL, assets).
 */
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = new URL('../..', import.meta.url).pathname;
  // Build exactly as `npm run build` does: vitest runs with NODE_ENV=test, which a build would inherit.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ root, logLevel: 'warn', mode: 'production' });
  process.env.NODE_ENV = nodeEnv;
  const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
