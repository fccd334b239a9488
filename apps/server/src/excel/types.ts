/**
 * Shared types and constants of the LKE workbook (export and import).
 *
 * The answer set is the contract input of `zona score` (shared/contracts/scoring-cli.md); the
 * workbook is only another way to write one, so export → import must give the same object back.
 */

/** One answer as the contract spells it: "ya"/"tidak", a letter, a number, or named counts. */
export type AnswerValue = string | number | Record<string, number>;

/** The contract input of `zona score`. */
export interface AnswerSet {
  instrument: string;
  holds?: 'WBK' | 'WBBM';
  answers: Record<string, AnswerValue>;
}

/** One bad cell (or, with row 0, a problem with the whole file). */
export interface WorkbookProblem {
  sheet: string;
  row: number;
  column: string;
  /** Item code the cell belongs to, when there is one. */
  code?: string;
  message: string;
}

/** Free text a unit typed beside an answer; kept apart because the answer set has no place for it. */
export interface ItemNotes {
  note?: string;
  evidence?: string;
}

export type ImportResult =
  | { ok: true; answerSet: AnswerSet; notes: Record<string, ItemNotes> }
  | { ok: false; problems: WorkbookProblem[] };

export interface ExportOptions {
  /** Checksum of the LKE file (from the loader), stored in the metadata sheet. */
  checksum?: string;
  /** Engine version stored in the metadata sheet. */
  engineVersion?: string;
}

/** Sheet names (Indonesian: they are what a unit sees). */
export const SHEET_MAIN = 'LKE';
export const SHEET_SUMMARY = 'Rekapitulasi';
export const SHEET_META = '_zona';

/** Marker written in the metadata sheet; its absence means "not a Zona LKE workbook". */
export const WORKBOOK_FORMAT = 'zona-lke-workbook';
export const WORKBOOK_FORMAT_VERSION = 1;

/** Columns of the main sheet, in the order of the official LKE. */
export const COL = {
  code: 'A',
  text: 'B',
  weight: 'C',
  criteria: 'D',
  type: 'E',
  answer: 'F',
  value: 'G',
  percent: 'H',
  note: 'I',
  evidence: 'J',
} as const;

/** First data row of the main sheet (rows above hold the title, the held predicate and headers). */
export const MAIN_HEADER_ROW = 5;
export const MAIN_FIRST_ROW = MAIN_HEADER_ROW + 1;
/** The "Predikat yang dimiliki" input (prior predicate for the WBBM rule). */
export const HOLDS_ROW = 3;
export const HOLDS_CELL = `${COL.answer}${HOLDS_ROW}`;
export const HOLDS_NONE = '-';

/** The message every file-level rejection starts with, so callers and users can recognise it. */
export const NOT_ZONA = 'not a Zona LKE workbook';
