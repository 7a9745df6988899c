/**
 * The selection as a list-of-operations workbook, written in the page: the operations and partners
 * sheets the importer reads (the template's headers, euros as numbers, dates as dates), and an
 * "About" sheet that states the filters, the date, the link, the source and the credits. This module
 * and the workbook writer load only when a workbook is asked for.
 */
import writeXlsxFile from 'write-excel-file/browser';
import type { Programme } from '../core/programme';
import type { MunicipalityRecord, Project } from '../core/types';
import { projectRecord } from './fromProjects';
import { CANONICAL, listOfOperationsSheets, sheetCells } from './listOfOperations';

export interface WorkbookAbout {
  /** The operations sheet's first row, above its header. */
  title: string;
  /** Label and text rows of the About sheet, in the page's language. */
  rows: [string, string | Date][];
}

export function selectionWorkbook(projects: readonly Project[], municipalities: ReadonlyMap<string, MunicipalityRecord>, programme: Programme, about: WorkbookAbout): Promise<Blob> {
  const records = projects.map((p) => projectRecord(p, municipalities, programme));
  const sheets = [
    ...listOfOperationsSheets(records, CANONICAL, about.title, programme, 'euros'),
    { sheet: 'About', data: sheetCells(about.rows), columns: [{ width: 24 }, { width: 90 }] },
  ];
  return writeXlsxFile(sheets as never).toBlob();
}
