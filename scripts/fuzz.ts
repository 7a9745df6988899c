/** npm run fuzz [-- COUNT SEED]: the importer against COUNT (default 10,000) seeded hostile inputs and the very large ones. */
import { fuzz } from '../test/fuzz/run';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const started = performance.now();
const result = await fuzz(count, seed, { large: true });
console.log(JSON.stringify({ ...result, crashes: result.crashes.length, hangs: result.hangs.length, wrong: result.wrong.length, seconds: Math.round((performance.now() - started) / 1000) }, null, 1));
for (const line of [...result.crashes, ...result.hangs, ...result.wrong].slice(0, 30)) console.log(line);
process.exit(result.crashes.length || result.hangs.length || result.wrong.length ? 1 : 0);
