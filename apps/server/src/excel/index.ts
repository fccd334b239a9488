/**
 * LKE workbooks (issue 3, item 5): export an LKE version, optionally filled, as an .xlsx with real
 * formulas; import a filled workbook back into a contract answer set, listing every bad cell.
 */
export { AnswerSetError, buildWorkbook, exportWorkbook, exportWorkbookToStream } from './export-workbook.ts';
export { importWorkbook, importZonaWorkbook, loadZonaWorkbook, type ZonaWorkbook } from './import-workbook.ts';
export { readWorkbookScores, type ReadScoresResult, type WorkbookScores } from './read-scores.ts';
export { LkeNotFoundError, loadLke, type LoadedLke } from './load-lke.ts';
export type { WorkbookMeta } from './meta-sheet.ts';
export {
  type AnswerSet,
  type AnswerValue,
  type ExportOptions,
  type ImportResult,
  type ItemNotes,
  NOT_ZONA,
  type WorkbookProblem,
} from './types.ts';
