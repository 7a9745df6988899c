/** Files of the current selection: CSV for spreadsheets, GeoJSON for GIS, and their names. Pure. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Filters } from './filters';
import { nameIn, type Names, type Programme } from './programme';
import { titleField } from './records';
import { slugify } from './text';
import type { MunicipalityRecord, Project } from './types';

/** Excel reads a UTF-8 file as UTF-8 (Cyrillic intact) only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/**
 * One CSV field: quoted when it holds a comma, quote, line break or leading/trailing space. Text
 * that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) is
 * prefixed with an apostrophe (OWASP's CSV-injection rule); numbers stay numbers.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvRow = (fields: (string | number | boolean | null | undefined)[]): string => fields.map(csvField).join(',');

/** The CSV header: a title column per title language of the programme. */
export const csvColumns = (programme: Programme): string[] => [
  'id', 'code', 'acronym', ...programme.titleLanguages.map(titleField), 'period', 'theme', 'theme_basis', 'type',
  'start_date', 'end_date', 'total_eur', 'total_as_written', 'total_approximate', 'eu_eur', 'eu_derived',
  'partners', 'municipalities', 'countries', 'on_map', 'sources',
];

/** A name for files meant for any reader: the programme's first script (Latin for Bulgaria–Serbia). */
const fileName = (names: Names | undefined, programme: Programme) => (names ? nameIn(names, programme.scripts[0], programme.scripts) : undefined);

/** One row per project, amounts as plain numbers with the source's own writing beside them. */
export const toCsv = (projects: readonly Project[], municipalities: ReadonlyMap<string, MunicipalityRecord>, programme: Programme): string =>
  `${BOM}${csvRow(csvColumns(programme))}\r\n${csvLines(projects, municipalities, programme)}`;

/** The CSV's rows of some projects, each ending its line. */
function csvLines(projects: readonly Project[], municipalities: ReadonlyMap<string, MunicipalityRecord>, programme: Programme): string {
  const rows = projects.map((p) => {
    const places = [...new Set(p.locations.map((l) => l.municipalityId))].map((id) => fileName(municipalities.get(id)?.names, programme) ?? id);
    const countries = [...new Set([...p.locations.map((l) => l.country), ...p.partners.map((q) => q.country).filter(Boolean)])];
    return csvRow([
      p.id, p.code, p.acronym, ...programme.titleLanguages.map((l) => p.title[l]), p.period ?? 'unknown', p.theme, p.themeBasis, p.type,
      p.startDate, p.endDate, p.total?.value, p.total?.raw, p.total?.approximate ?? null, p.eu?.value, p.eu?.derived ?? null,
      p.partners.map((q) => `${q.name}${q.role ? ` (${q.role})` : ''}`).join('; '), places.join('; '), countries.join('; '),
      p.locations.length > 0, p.sources.join(' '),
    ]);
  });
  return rows.map((r) => `${r}\r\n`).join('');
}

/**
 * Every project place as a point with the project's main properties: the titles per language, the
 * place's name in the first script as `place` and in the others as `place_<script>` ("place_cyr").
 */
export function toGeoJson(projects: readonly Project[], programme: Programme): FeatureCollection<Point> {
  const [first, ...others] = programme.scripts;
  const features: Feature<Point>[] = projects.flatMap((p) =>
    p.locations.map((l) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [l.lon, l.lat] },
      properties: {
        project: p.id, code: p.code, ...Object.fromEntries(programme.titleLanguages.map((lang) => [titleField(lang), p.title[lang] ?? null])), period: p.period, theme: p.theme,
        total_eur: p.total?.value ?? null, place: l.names[first] ?? null,
        ...Object.fromEntries(others.map((script) => [`place_${script.slice(0, 3).toLowerCase()}`, l.names[script] ?? null])),
        municipality: l.municipalityId, country: l.country, located_by: l.method,
      },
    })),
  );
  return { type: 'FeatureCollection', features };
}

/**
 * A CSV or GeoJSON file of projects written a part at a time (the parts of Dataset.eachWhole), as
 * pieces of text for a Blob: the same text as toCsv or toGeoJson of all the parts at once.
 */
export function projectsFile(format: 'csv' | 'geojson', municipalities: ReadonlyMap<string, MunicipalityRecord>, programme: Programme) {
  const pieces = [format === 'csv' ? `${BOM}${csvRow(csvColumns(programme))}\r\n` : '{"type":"FeatureCollection","features":['];
  let features = 0;
  return {
    add(projects: readonly Project[]): void {
      if (format === 'csv') return void pieces.push(csvLines(projects, municipalities, programme));
      const json = toGeoJson(projects, programme).features.map((feature) => JSON.stringify(feature));
      if (json.length) pieces.push(`${features ? ',' : ''}${json.join(',')}`);
      features += json.length;
    },
    pieces: (): string[] => (format === 'csv' ? pieces : [...pieces, ']}']),
  };
}

/** "atlas-pirot-2014-2020": the atlas, then the municipalities, periods, themes and search of the view. */
export function exportName(filters: Filters, municipalities: ReadonlyMap<string, MunicipalityRecord>, programme: Programme): string {
  const parts = [
    ...filters.municipalities.map((id) => fileName(municipalities.get(id)?.names, programme) ?? id),
    ...filters.districts,
    ...filters.countries,
    ...filters.periods,
    ...filters.themes,
    ...filters.types,
    filters.year ? `${filters.year.mode === 'running' ? 'in' : 'by'} ${filters.year.year}` : '',
    filters.q,
  ].filter(Boolean);
  const slug = slugify(parts.join(' '), 60);
  return slug ? `atlas-${slug}` : 'atlas-all-projects';
}
