/**
 * npm run soak: the kiosk's day in miniature. 500 presenter steps in a loop through every story,
 * reporting JS heap (after a forced GC) and the number of WebGL contexts created, at the start and
 * the end. A benchmark, not a test: it prints figures and exits.
 */
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from '../test/e2e/browser';

const STEPS = Number(process.env.SOAK_STEPS ?? 500);
const root = new URL('..', import.meta.url).pathname;

await build({ root, logLevel: 'warn' });
const server = await preview({ root, build: { outDir: join(root, 'dist') }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
// Count every WebGL context the page creates.
await context.addInitScript(`(() => {
  const original = HTMLCanvasElement.prototype.getContext;
  window.__webglContexts = 0;
  const seen = new WeakSet();
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const ctx = original.call(this, type, ...rest);
    if (ctx && /webgl/.test(type) && !seen.has(ctx)) { seen.add(ctx); window.__webglContexts++; }
    return ctx;
  };
})()`);
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${address.port}/?present=periods`);
await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, null, { timeout: 60_000 });

const measure = () =>
  page.evaluate(`(async () => {
    window.gc();
    await new Promise((r) => setTimeout(r, 200));
    window.gc();
    return { heap: performance.memory.usedJSHeapSize, contexts: window.__webglContexts };
  })()`) as Promise<{ heap: number; contexts: number }>;

const stories = await page.locator('.present-choice option[value]:not([value=""])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

/** Steps through the stories in turn: into each story, four steps on and four back. */
async function run(steps: number): Promise<number> {
  let done = 0;
  for (let round = 0; done < steps; round++) {
    const story = stories[round % stories.length];
    await page.evaluate(`history.replaceState(null, '', '?present=${story}'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.waitForSelector('.presenter');
    for (let s = 0; s < 8 && done < steps; s++, done++) {
      await page.keyboard.press(s < 4 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction('window.__atlasMap && !window.__atlasMap.isMoving()');
    }
  }
  return done;
}

// Warm-up: one pass through every story fills the caches a day-long run fills anyway (tiles at
// each zoom, glyphs, images); the measure is whether memory keeps growing after that.
const cold = await measure();
await run(stories.length * 8);
const start = await measure();
const t0 = Date.now();
const done = await run(STEPS);
const end = await measure();
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
console.log(`soak: ${done} presenter steps through ${stories.length} stories in ${Math.round((Date.now() - t0) / 1000)} s (1920×1080, reduced motion)`);
console.log(`  JS heap after GC: cold ${mb(cold.heap)}, after warm-up ${mb(start.heap)}, end ${mb(end.heap)}, growth over the run ${(((end.heap - start.heap) / start.heap) * 100).toFixed(1)} %`);
console.log(`  WebGL contexts created: cold ${cold.contexts}, start ${start.contexts}, end ${end.contexts}`);
await browser.close();
await server.close();
