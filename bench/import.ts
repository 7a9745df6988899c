/**
 * npm run bench:import: 100,000 operations with 400,000 partners (synthetic, seeded, written as the
 * keep.eu-style CSV pair, never shipped) through the whole import into a new folder, as the CLI
 * runs it. Reports seconds per stage and the peak resident memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvFormatRows } from 'd3';
import { DEFAULT_PROGRAMME, programmeFacts, writeDataset } from '../data/dataset-dir';
import type { GazetteerData } from '../src/core/gazetteer';
import { importFiles } from '../src/import';
import { random } from '../scripts/random';

const OPERATIONS = Number(process.argv[2] ?? 100_000);
const PARTNERS_EACH = 4;
const rnd = random(7);
const gazetteer = JSON.parse(readFileSync(new URL('../data/programmes/bg-rs/geo/gazetteer.json', import.meta.url), 'utf8')) as GazetteerData;
const towns = gazetteer.settlements.filter((s) => s[5] === 1); // municipality seats: names that place
const periods = ['2007-2013', '2014-2020', '2021-2027'];

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const operations = [['Project ID', 'Project name', 'Programming period', 'Total budget', 'Start date', 'End date', 'Type']];
const partners = [['Project ID', 'Partner name', 'Lead partner', 'City', 'Country', 'Partner budget']];
for (let i = 0; i < OPERATIONS; i++) {
  const total = 20_000 + Math.floor(rnd() * 2_000_000);
  operations.push([`SYN.${i}`, `Synthetic operation ${i}`, periods[i % 3], `${total},00`, '01.03.2017', '2019-02-28', rnd() < 0.5 ? 'investment' : 'soft']);
  for (let k = 0; k < PARTNERS_EACH; k++) {
    const town = towns[Math.floor(rnd() * towns.length)];
    partners.push([`SYN.${i}`, `Organisation ${i}-${k}`, k === 0 ? 'yes' : 'no', town[2][0], town[1], String(Math.floor(total / PARTNERS_EACH))]);
  }
}
const files = [
  { name: 'operations.csv', bytes: new TextEncoder().encode(csvFormatRows(operations)) },
  { name: 'partners.csv', bytes: new TextEncoder().encode(csvFormatRows(partners)) },
];
const t1 = performance.now();
const { programme, facts, gazetteer: places } = programmeFacts();
const imported = await importFiles(files, [], facts, { programme, gazetteer: places });
const t2 = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
writeDataset(dir, imported.merge.records.map((r) => r.value), imported.built.data, DEFAULT_PROGRAMME, { report: `${imported.problems.length} problems` });
const t3 = performance.now();
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
rmSync(dir, { recursive: true });
const s = (ms: number) => Math.round(ms / 100) / 10;
console.log(
  JSON.stringify({
    operations: OPERATIONS,
    partners: OPERATIONS * PARTNERS_EACH,
    projects: imported.built.data.projects.length,
    located: imported.built.data.projects.filter((p) => p.locations.length).length,
    problems: imported.problems.length,
    inputMB: Math.round(files.reduce((n, f) => n + f.bytes.length, 0) / 1e6),
    seconds: { generate: s(t1 - t0), import: s(t2 - t1), write: s(t3 - t2), importAndWrite: s(t3 - t1) },
    peakRssMB: Math.round(peak / 1024 / 1024),
  }),
);
