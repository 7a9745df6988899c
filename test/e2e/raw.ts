/**
 * Expected values computed straight from ../shared/projects-raw, independently of the compiled
 * dataset the app loads.
 */
import { readFileSync } from 'node:fs';

export interface RawPartner {
  name: string;
  country: string | null;
  town: string | null;
  municipality: string | null;
}
export interface RawProject {
  code: string | null;
  period: string | null;
  title_en: string | null;
  title_bg: string | null;
  title_sr: string | null;
  total_eur: string | null;
  type: string | null;
  partners: RawPartner[] | null;
  sources: string[];
}

export const RAW: RawProject[] = readFileSync(new URL('../../../shared/projects-raw/projects.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

/** A partner with a country and a town or municipality can be put on the map. */
export const hasPlaceablePartner = (p: RawProject): boolean => (p.partners ?? []).some((q) => q.country && (q.town || q.municipality));

/** The English UI title: English, else Bulgarian, else Serbian; untitled ones get a built label. */
export const englishTitle = (p: RawProject): string | null => p.title_en ?? p.title_bg ?? p.title_sr;
