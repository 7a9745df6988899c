/**
 * The header synonym table of the list of operations and of keep.eu's exports: which column is
 * which field. Headers compare case-, accent-, space- and punctuation-insensitively ("Total  budget",
 * "TOTAL-BUDGET" and "total budget" are one header). Each field has its English names (as keep.eu's
 * exports and the template write them) and the names managing authorities use in Bulgarian and in
 * Serbian, Cyrillic and Latin. The README lists the same table (a unit test keeps them equal).
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

/** The English names of each field: keep.eu's exports and the template write these. */
export const ENGLISH_OPERATION_HEADERS: Record<SynonymField, string[]> = {
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

export const ENGLISH_PARTNER_HEADERS: Record<PartnerField, string[]> = {
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

/** The names managing authorities use in Bulgarian and in Serbian, Cyrillic and Latin. */
const LOCAL_OPERATION_ID = ['Код на проекта', 'Номер на проекта', 'Код на операцията', 'Номер на операцията', 'Шифра пројекта', 'Број пројекта', 'Шифра операције', 'Број операције', 'Šifra projekta', 'Broj projekta', 'Šifra operacije', 'Broj operacije'];

const LOCAL_OPERATION_HEADERS: Partial<Record<SynonymField, string[]>> = {
  code: LOCAL_OPERATION_ID,
  acronym: ['Акроним', 'Akronim'],
  programme: ['Програма', 'Програм'],
  period: ['Програмен период', 'Програмски период', 'Programski period'],
  call: ['Покана', 'Позив', 'Poziv'],
  priority_axis: ['Приоритетна ос', 'Приоритетна оса', 'Prioritetna osa'],
  specific_objective: ['Специфична цел', 'Специфични циљ', 'Specifični cilj'],
  start_date: ['Начална дата', 'Дата на започване', 'Датум почетка', 'Datum početka'],
  end_date: ['Крайна дата', 'Дата на приключване', 'Датум завршетка', 'Datum završetka'],
  duration_months: ['Продължителност (месеци)', 'Трајање (месеци)', 'Trajanje (meseci)'],
  total_eur: ['Общ бюджет', 'Общо допустими разходи', 'Обща стойност', 'Укупан буџет', 'Укупни прихватљиви трошкови', 'Ukupan budžet', 'Ukupni prihvatljivi troškovi'],
  eu_eur: ['Финансиране от ЕС', 'Съфинансиране от ЕС', 'Финансирање ЕУ', 'Суфинансирање ЕУ', 'Finansiranje EU', 'Sufinansiranje EU'],
  eu_cofinancing_rate: ['Процент на съфинансиране', 'Процент на съфинансиране от ЕС', 'Стопа суфинансирања', 'Stopa sufinansiranja'],
  summary: ['Описание', 'Резюме', 'Опис', 'Опис пројекта', 'Opis', 'Opis projekta'],
  type: ['Вид на проекта', 'Врста пројекта', 'Vrsta projekta'],
  intervention_field: ['Област на интервенция', 'Област интервенције', 'Oblast intervencije'],
  sites: ['Места на изпълнение', 'Места реализације', 'Mesta realizacije'],
  links: ['Уебсайт', 'Интернет страница', 'Веб-сајт', 'Veb-sajt', 'Internet stranica'],
  sources: ['Източници', 'Извори', 'Izvori'],
  notes: ['Бележки', 'Напомене', 'Napomene'],
};

const LOCAL_PARTNER_HEADERS: Partial<Record<PartnerField, string[]>> = {
  key: LOCAL_OPERATION_ID,
  name: ['Наименование на партньора', 'Име на партньора', 'Бенефициент', 'Назив партнера', 'Корисник', 'Naziv partnera', 'Korisnik'],
  lead: ['Водещ партньор', 'Водећи партнер', 'Vodeći partner'],
  role: ['Роля', 'Улога', 'Uloga'],
  address: ['Адрес', 'Адреса', 'Adresa'],
  postal_code: ['Пощенски код', 'Поштански број', 'Poštanski broj'],
  town: ['Населено място', 'Град', 'Место', 'Насеље', 'Grad', 'Mesto', 'Naselje'],
  municipality: ['Община', 'Општина', 'Opština'],
  district: ['Област', 'Округ', 'Okrug'],
  country: ['Държава', 'Држава', 'Država'],
  budget_eur: ['Бюджет на партньора', 'Буџет партнера', 'Budžet partnera'],
  eu_eur: ['Финансиране от ЕС за партньора', 'Финансирање ЕУ партнера', 'Finansiranje EU partnera'],
};

const joined = <F extends string>(english: Record<F, string[]>, local: Partial<Record<F, string[]>>) =>
  Object.fromEntries(Object.entries<string[]>(english).map(([f, h]) => [f, [...h, ...(local[f as F] ?? [])]])) as Record<F, string[]>;

/** Every name of each field. */
export const OPERATION_HEADERS = joined(ENGLISH_OPERATION_HEADERS, LOCAL_OPERATION_HEADERS);
export const PARTNER_HEADERS = joined(ENGLISH_PARTNER_HEADERS, LOCAL_PARTNER_HEADERS);

/**
 * A project's name in one title language, as a managing authority writing in that language heads
 * the column (a programme that has no such title language gets the column reported, not used).
 */
export const TITLE_HEADERS: Record<string, string[]> = {
  bg: ['Наименование на проекта', 'Име на проекта', 'Заглавие на проекта', 'Наименование на операцията'],
  sr: ['Назив пројекта', 'Наслов пројекта', 'Назив операције', 'Naziv projekta', 'Naslov projekta', 'Naziv operacije'],
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
const TITLE_BY_KEY = lookup(TITLE_HEADERS);
const PARTNER_BY_KEY = lookup(PARTNER_HEADERS);

/** "Project name in Bulgarian", "Operation name (bg)": a title in one language. */
const TITLE_IN = /^(?:project|operation)\s*name\s*(?:in\s+([a-z]+)|\(\s*([a-z]{2,3})\s*\))$/i;
/** The synonym table is written in English (as keep.eu's exports are): so are the language names in its headers. */
const HEADER_LOCALE = 'en-GB';
const ENGLISH_NAMES = new Intl.DisplayNames([HEADER_LOCALE], { type: 'language' });
/** "Project name in Bulgarian": how the template heads a title language's column. */
export const titleHeader = (language: string): string => `Project name in ${ENGLISH_NAMES.of(language) ?? language}`;
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
  const language = TITLE_BY_KEY.get(headerKey(header));
  if (language) return titleLanguages.includes(language) ? { field: `title_${language}` } : { otherLanguage: language };
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
  const titled = operation.has('title') || headers.some((h) => TITLE_BY_KEY.has(headerKey(h)));
  if ((operation.has('code') || operation.has('atlas_id')) && titled) return 'operations';
  if (titled && operation.has('period')) return 'operations';
  return null;
}

/** Edit distance of two header keys (insert, delete, replace), stopping early above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}

/** Every known header with its key, for nearHeaders. */
const KNOWN_HEADERS = [...new Set([...Object.values(OPERATION_HEADERS), ...Object.values(TITLE_HEADERS), ...Object.values(PARTNER_HEADERS)].flat())].map((header) => ({ header, key: headerKey(header) }));

/**
 * What a sheet's top cells have of the header table, for a message about a sheet where no header
 * row was found: cells that are known headers, and cells a few letters away from one (with it).
 */
export function nearHeaders(cells: readonly string[], max = 6): string[] {
  const found: string[] = [];
  for (const cell of new Set(cells.map((c) => c.trim()).filter((c) => c && c.length <= 80))) {
    const key = headerKey(cell);
    if (!key) continue;
    let best: { header: string; d: number } | null = null;
    for (const { header, key: known } of KNOWN_HEADERS) {
      const limit = Math.max(1, Math.floor(known.length / 4));
      const d = distance(key, known, limit);
      if (d <= limit && (!best || d < best.d)) best = { header, d };
    }
    if (best) found.push(best.d === 0 ? JSON.stringify(cell) : `${JSON.stringify(cell)} (${JSON.stringify(best.header)}?)`);
    if (found.length === max) break;
  }
  return found;
}
