/**
 * npm run template: the downloadable template (public/list-of-operations-template.xlsx, headers
 * only) and the round-trip fixtures (test/fixtures/import/): the published records written as a
 * list-of-operations workbook and as keep.eu-style CSVs under other header variants.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_PROGRAMME, PUBLISHED_DATA, readProgramme, readRecords } from '../data/dataset-dir';
import { keepCsvs, KEEP_VARIANT, operationsWorkbook, WORKBOOK_VARIANT } from '../data/operations-workbook';
import { CANONICAL } from '../src/import/listOfOperations';

const programme = readProgramme(DEFAULT_PROGRAMME);
const records = readRecords(PUBLISHED_DATA, programme).map((r) => r.value);
const fixtures = new URL('../test/fixtures/import/', import.meta.url);
mkdirSync(fixtures, { recursive: true });
writeFileSync(new URL('list-of-operations.xlsx', fixtures), await operationsWorkbook(records, WORKBOOK_VARIANT, 'Common Interreg list of operations (written by Cooperation Atlas from its published data)', programme));
const keep = keepCsvs(records, KEEP_VARIANT, programme);
writeFileSync(new URL('keep-projects.csv', fixtures), keep.projects);
writeFileSync(new URL('keep-partners.csv', fixtures), keep.partners);
writeFileSync(new URL('../public/list-of-operations-template.xlsx', import.meta.url), await operationsWorkbook([], CANONICAL, 'List of operations: one row per operation below; partners on the next sheet, one row per partner', programme));
console.log(`template: ${records.length} records written as a workbook and as keep.eu-style CSVs; template in public/`);
