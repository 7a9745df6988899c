/**
 * npm run synthetic -- --sites N [--seed S] [--programme DIR] --out DIR
 * A made-up list of operations for benchmarks and tests, never shipped: DIR/operations.csv and
 * DIR/partners.csv in keep.eu's shape (importable with npm run import), and DIR/expected.json, the
 * counts the atlas should show, computed here from the generated rows alone.
 *
 * Shape: every period of the programme whose priority axes name themes; 1–12 partners per
 * project (about 3 on average, fewer more often), the first two on either side of a border;
 * partners' municipalities drawn with a Zipf-like spread (a few get most projects, as capitals
 * and border towns do); towns whose name is unique in their country, so each partner is placed
 * where the generator put it. Seeded: the same arguments write the same files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvFormatRows } from 'd3';
import { DEFAULT_PROGRAMME, readProgramme } from '../data/dataset-dir';
import type { GazetteerData } from '../src/core/gazetteer';
import { matchKey } from '../src/core/text';
import { random } from './random';

const USAGE = 'usage: npm run synthetic -- --sites N [--seed S] [--programme DIR] --out DIR';

interface Options {
  sites: number;
  seed: number;
  programmeDir: string;
  out: string;
}

function options(args: string[]): Options {
  const o: Partial<Options> = { seed: 1, programmeDir: DEFAULT_PROGRAMME };
  for (let i = 0; i < args.length; i++) {
    const value = args[++i];
    if (value === undefined) fail(`${args[i - 1]} needs a value. ${USAGE}`);
    if (args[i - 1] === '--sites') o.sites = Number(value);
    else if (args[i - 1] === '--seed') o.seed = Number(value);
    else if (args[i - 1] === '--programme') o.programmeDir = resolve(value);
    else if (args[i - 1] === '--out') o.out = resolve(value);
    else fail(`unknown option ${args[i - 1]}. ${USAGE}`);
  }
  if (!o.out || !Number.isInteger(o.sites) || o.sites! < 1) fail(USAGE);
  return o as Options;
}

function fail(reason: string): never {
  console.error(`synthetic: ${reason}`);
  process.exit(2);
}

/** Draws an index with probability proportional to its weight. */
function sampler(weights: number[], rnd: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const WORDS: Record<string, string[]> = {
  'tourism-heritage': ['Heritage trail', 'Cultural route', 'Fortress restoration', 'Folklore festival', 'Wine tourism'],
  'environment-risk': ['Flood protection', 'Waste management', 'Nature park', 'Climate adaptation', 'Fire prevention'],
  'youth-education': ['Youth exchange', 'School partnership', 'Young leaders', 'Sports for youth', 'Vocational training'],
  'economy-skills': ['Business incubator', 'Skills for jobs', 'Local products', 'Start-up network', 'Innovation hub'],
  infrastructure: ['Road link', 'Water supply', 'Border crossing', 'Bridge repair', 'Public lighting'],
  'people-to-people': ['Neighbours together', 'Common memory', 'Citizens forum', 'Friendship days', 'Joint choir'],
};

function generate({ sites, seed, programmeDir }: Options) {
  const rnd = random(seed);
  const programme = readProgramme(programmeDir);
  const gazetteer = JSON.parse(readFileSync(join(programmeDir, 'geo/gazetteer.json'), 'utf8')) as GazetteerData;
  const periods = programme.periods
    .map((p) => ({ id: p.id, axes: [...new Set(Object.keys(p.themes).filter((k) => /^PA\d$/.test(k)))].map((k) => ({ n: k.slice(2), theme: p.themes[k] })) }))
    .filter((p) => p.axes.length);
  if (!periods.length) fail(`${programmeDir}: no period names the themes of its priority axes`);

  // Towns whose name, as the gazetteer matches names (any script, any case or accent), is one
  // settlement's alone in its country: the import places them exactly where they were drawn.
  const keyCount = new Map<string, number>();
  for (const s of gazetteer.settlements) for (const key of new Set(s[2].filter(Boolean).map(matchKey))) keyCount.set(`${s[1]}|${key}`, (keyCount.get(`${s[1]}|${key}`) ?? 0) + 1);
  const countries = programme.countries.map((c) => {
    const towns = new Map<string, { name: string; municipality: string }[]>();
    for (const s of gazetteer.settlements) {
      if (s[1] !== c.code || !s[2][0] || keyCount.get(`${s[1]}|${matchKey(s[2][0])}`) !== 1) continue;
      towns.set(s[3], [...(towns.get(s[3]) ?? []), { name: s[2][0], municipality: s[3] }]);
    }
    // Zipf over a seeded ranking of the municipalities: the k-th gets weight 1/k.
    const municipalities = [...towns.keys()].sort().map((m) => ({ m, key: rnd() })).sort((a, b) => a.key - b.key).map((x) => x.m);
    return { code: c.code, towns, municipalities, draw: sampler(municipalities.map((_, k) => 1 / (k + 1)), rnd) };
  });
  const partnerCount = sampler(Array.from({ length: 12 }, (_, k) => 1 / (k + 1) ** 1.3), rnd);

  const operations = [['Project ID', 'Project name', 'Programming period', 'Priority axis', 'Total budget', 'Start date', 'End date', 'Type']];
  const partners = [['Project ID', 'Partner name', 'Lead partner', 'City', 'Country', 'Partner budget']];
  const expected = {
    projects: 0, sites: 0, budget: 0,
    periods: {} as Record<string, number>, themes: {} as Record<string, number>, countries: {} as Record<string, number>,
    municipalities: {} as Record<string, number>,
    /** A word of some titles, and how many titles have it. */
    search: { word: 'fortress', projects: 0 },
    /** Every project's partners, for a dialog to be checked against. */
    sample: [] as { id: string; title: string; partners: string[] }[],
  };
  const add = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

  for (let i = 0; expected.sites < sites; i++) {
    const id = `SYN.${seed}.${i}`;
    const period = periods[Math.floor(rnd() * periods.length)];
    const axis = period.axes[Math.floor(rnd() * period.axes.length)];
    const k = Math.min(partnerCount() + 1, sites - expected.sites);
    const first = Math.floor(rnd() * countries.length);
    // Each partner in a town of its own within the project: a site is one project at one place.
    const used = new Set<string>();
    const places = Array.from({ length: k }, (_, j) => {
      const country = countries[j === 1 ? (first + 1 + Math.floor(rnd() * (countries.length - 1))) % countries.length : j === 0 ? first : Math.floor(rnd() * countries.length)];
      let town: { name: string; municipality: string };
      do {
        const towns = country.towns.get(country.municipalities[country.draw()])!;
        town = towns[Math.floor(rnd() * towns.length)];
      } while (used.has(`${country.code}|${town.name}`));
      used.add(`${country.code}|${town.name}`);
      return { country, town };
    });
    const words = WORDS[axis.theme] ?? ['Joint action'];
    const title = `${words[Math.floor(rnd() * words.length)]} ${places[0].town.name}${places.length > 1 ? `–${places[1].town.name}` : ''} ${i}`;
    const total = Math.round(50_000 * Math.exp(rnd() * Math.log(60)));
    const year = Number(period.id.slice(0, 4)) + 1 + Math.floor(rnd() * 5);
    operations.push([id, title, period.id, `Priority axis ${axis.n}`, String(total), `${year}-03-01`, `${year + 2}-02-28`, rnd() < 0.4 ? 'investment' : 'soft']);
    const shares = places.map(() => 1 + rnd());
    const sum = shares.reduce((a, b) => a + b, 0);
    let left = total;
    const names = places.map(({ country, town }, j) => {
      const budget = j === places.length - 1 ? left : Math.round((total * shares[j]) / sum);
      left -= budget;
      const name = `${['Municipality of', 'Association for', 'Centre of', 'School of'][j % 4]} ${town.name} ${i}-${j}`;
      partners.push([id, name, j === 0 ? 'yes' : 'no', town.name, country.code, String(budget)]);
      return name;
    });

    expected.projects++;
    expected.sites += k;
    expected.budget += total;
    add(expected.periods, period.id);
    add(expected.themes, axis.theme);
    for (const code of new Set(places.map((p) => p.country.code))) add(expected.countries, code);
    for (const m of new Set(places.map((p) => p.town.municipality))) add(expected.municipalities, m);
    if (title.toLowerCase().includes(expected.search.word)) expected.search.projects++;
    if (i < 50) expected.sample.push({ id, title, partners: names });
  }
  return { operations, partners, expected };
}

const o = options(process.argv.slice(2));
const t0 = performance.now();
const { operations, partners, expected } = generate(o);
mkdirSync(o.out, { recursive: true });
writeFileSync(join(o.out, 'operations.csv'), csvFormatRows(operations));
writeFileSync(join(o.out, 'partners.csv'), csvFormatRows(partners));
writeFileSync(join(o.out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
console.log(`synthetic: ${expected.projects} projects, ${expected.sites} sites (seed ${o.seed}) in ${o.out} (${Math.round(performance.now() - t0)} ms)`);
