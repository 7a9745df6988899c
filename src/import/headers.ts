/**
 * The header synonym table of the list of operations and of keep.eu's exports: which column is
 * which field. Headers compare case-, accent-, space- and punctuation-insensitively ("Total  budget",
 * "TOTAL-BUDGET" and "total budget" are one header). The README lists the same table (a unit test keeps them equal).
 */

/** `title`: the plain name column, in the programme's first title language; `title_<lang>`: "Project name in <Language>". */
export type SynonymField =
  | 'code' | 'atlas_id' | 'title' | 'acronym' | 'programme' | 'period' | 'call' | 'priority_axis'
  | 'specific_objective' | 'start_date' | 'end_date' | 'duration_months' | 'total_eur' | 'eu_eur' | 'eu_cofinancing_rate'
  | 'summary' | 'type' | 'intervention_field' | 'sites' | 'links' | 'sources' | 'notes';
export type OperationField = Exclude<SynonymField, 'title'> | `title_${string}`;

export type PartnerField =
  | 'key' | 'atlas_id' | 'name' | 'name_original' | 'lead' | 'role' | 'address' | 'postal_code' | 'town' | 'municipality'
  | 'district' | 'country' | 'budget_eur' | 'eu_eur';

const OPERATION_ID = ['Operation ID', 'Project ID', 'Project code', 'Operation code', 'Project number', 'Operation number'];

export const OPERATION_HEADERS: Record<SynonymField, string[]> = {
  code: OPERATION_ID,
  atlas_id: ['Atlas ID'],
  title: ['Operation name', 'Project name', 'Title', 'Project title'],
  acronym: ['Acronym', 'Project acronym', 'Operation acronym'],
  programme: ['Programme', 'Programme name', 'Program'],
  period: ['Period', 'Programming period', 'Programme period'],
  call: ['Call', 'Call for proposals'],
  priority_axis: ['Priority', 'Priority axis', 'Priority name'],
  specific_objective: ['Specific objective', 'Programme specific objective'],
  start_date: ['Start date', 'Operation start date', 'Project start date'],
  end_date: ['End date', 'Operation end date', 'Project end date'],
  duration_months: ['Duration (months)', 'Duration in months', 'Duration'],
  total_eur: ['Total budget', 'Total eligible cost', 'Total cost', 'Total eligible budget', 'Total operation budget'],
  eu_eur: ['EU funding', 'Union co-financing', 'EU contribution', 'ERDF', 'IPA', 'EU co-financing', 'Union co-financing amount'],
  eu_cofinancing_rate: ['Co-financing rate', 'Union co-financing rate', 'EU co-financing rate'],
  summary: ['Description', 'Summary', 'Purpose and expected achievements', 'Project summary', 'Project description'],
  type: ['Type', 'Project type', 'Type of project'],
  intervention_field: ['Intervention field', 'Category of intervention', 'Type of intervention'],
  sites: ['Sites', 'Project sites'],
  links: ['Website', 'Project website', 'Links', 'Link'],
  sources: ['Sources', 'Source'],
  notes: ['Notes', 'Comments', 'Remarks'],
};

export const PARTNER_HEADERS: Record<PartnerField, string[]> = {
  key: OPERATION_ID,
  atlas_id: ['Atlas ID'],
  name: ['Partner name', 'Beneficiary name', 'Organisation name', 'Organization name', 'Partner name in English'],
  name_original: ['Partner name in original language', 'Beneficiary name in original language', 'Organisation name in original language'],
  lead: ['Lead partner', 'Lead beneficiary', 'Is lead partner'],
  role: ['Role', 'Partner role', 'Beneficiary role'],
  address: ['Address', 'Partner address', 'Street'],
  postal_code: ['Postal code', 'Post code', 'Postcode', 'ZIP code'],
  town: ['City', 'Town', 'Partner city', 'Partner town', 'Settlement'],
  municipality: ['Municipality', 'Partner municipality', 'LAU'],
  district: ['NUTS3', 'NUTS 3', 'District', 'NUTS 3 region', 'NUTS3 region'],
  country: ['Country', 'Partner country', 'Country code'],
  budget_eur: ['Partner budget', 'Total partner budget', 'Partner total budget', 'Partner total eligible budget'],
  eu_eur: ['Partner EU funding', 'Partner EU contribution', 'Partner ERDF', 'Partner IPA'],
};

/** "Total  Budget (€)" → "totalbudget": case, accents, spaces and punctuation fall away. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const lookup = <F extends string>(table: Record<F, string[]>) => {
  const byKey = new Map<string, F>();
  for (const [field, headers] of Object.entries(table) as [F, string[]][]) for (const h of headers) byKey.set(headerKey(h), field);
  return byKey;
};
const OPERATION_BY_KEY = lookup(OPERATION_HEADERS);
const PARTNER_BY_KEY = lookup(PARTNER_HEADERS);

/** "Project name in Bulgarian", "Operation name (bg)": a title in one language. */
const TITLE_IN = /^(?:project|operation)\s*name\s*(?:in\s+([a-z]+)|\(\s*([a-z]{2,3})\s*\))$/i;
/** The synonym table is written in English (as keep.eu's exports are): so are the language names in its headers. */
const HEADER_LOCALE = 'en-GB';
const ENGLISH_NAMES = new Intl.DisplayNames([HEADER_LOCALE], { type: 'language' });
/** The code of a title language from its code or English name ("Bulgarian" → its code). */
const languageCode = (word: string, languages: readonly string[]) =>
  languages.find((l) => l === word.toLowerCase() || ENGLISH_NAMES.of(l)?.toLowerCase() === word.toLowerCase()) ?? null;

export type ColumnMeaning<F> = { field: F } | { otherLanguage: string } | null;

/**
 * Which field an operations column is. Titles follow the programme's title languages (the plain
 * name column is its first); a title column in any other language is reported, not used.
 */
export function operationColumn(header: string, titleLanguages: readonly string[]): ColumnMeaning<OperationField> {
  const field = OPERATION_BY_KEY.get(headerKey(header));
  if (field) return { field: field === 'title' ? `title_${titleLanguages[0]}` : field };
  const m = TITLE_IN.exec(header.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const word = m[1] ?? m[2];
  const code = languageCode(word, titleLanguages);
  return code ? { field: `title_${code}` } : { otherLanguage: word.toLowerCase() };
}

export function partnerColumn(header: string): ColumnMeaning<PartnerField> {
  const field = PARTNER_BY_KEY.get(headerKey(header));
  if (field) return { field };
  const m = TITLE_IN.exec(header.trim().replace(/\s+/g, ' '));
  return m ? { otherLanguage: (m[1] ?? m[2]).toLowerCase() } : null;
}

/** What a table holds, from its header row: operations, partners, or neither. */
export function tableKind(headers: readonly string[]): 'operations' | 'partners' | null {
  const partner = new Set(headers.map((h) => PARTNER_BY_KEY.get(headerKey(h))));
  const operation = new Set(headers.map((h) => OPERATION_BY_KEY.get(headerKey(h))));
  if (partner.has('name') && (partner.has('key') || partner.has('atlas_id'))) return 'partners';
  if ((operation.has('code') || operation.has('atlas_id')) && (operation.has('title') || operation.has('acronym') || operation.has('total_eur'))) return 'operations';
  if (operation.has('title') && operation.has('period')) return 'operations';
  return null;
}
