/**
 * The main "LKE" sheet: the worksheet layout units and assessors know (Kode, Penilaian, Bobot,
 * Penjelasan, Pilihan Jawaban, Jawaban, Nilai, %, Catatan, Bukti), grouped component → area →
 * aspect → sub-area, with real formulas in Nilai and %. Only Jawaban, Catatan and Bukti (and the
 * held-predicate cell) are unlocked; the sheet is protected without a password, to prevent
 * accidents rather than to enforce anything.
 */
import type ExcelJS from 'exceljs';
import type { Item, LkeDocument } from '@zona/scoring';
import type { AnswerValue } from './types.ts';
import type { LkePlan, PlanRow } from './layout.ts';
import { groupValueFormula, itemValueFormula, percentFormula } from './formulas.ts';
import { COL, HOLDS_CELL, HOLDS_NONE, HOLDS_ROW, MAIN_HEADER_ROW, SHEET_MAIN } from './types.ts';

const HEADERS: [keyof typeof COL, string, number][] = [
  ['code', 'Kode', 18],
  ['text', 'Penilaian', 60],
  ['weight', 'Bobot', 9],
  ['criteria', 'Penjelasan', 60],
  ['type', 'Pilihan Jawaban', 14],
  ['answer', 'Jawaban', 12],
  ['value', 'Nilai', 10],
  ['percent', '%', 10],
  ['note', 'Catatan', 36],
  ['evidence', 'Bukti', 36],
];

/** Fill colours of grouping rows, darkest at the top of the hierarchy. */
const GROUP_FILL: Partial<Record<PlanRow['kind'], string>> = {
  total: 'FF1F4E78',
  component: 'FF2F75B5',
  area: 'FFBDD7EE',
  aspect: 'FFDDEBF7',
  subarea: 'FFF2F2F2',
};
const INPUT_FILL = 'FFFFF2CC';
const WHITE_TEXT = new Set(['total', 'component']);

/** The "Pilihan Jawaban" label of an item's answer type, as printed in the official LKE. */
export function answerTypeLabel(item: Item): string {
  const a = item.answer;
  switch (a.type) {
    case 'yesno':
      return 'Ya/Tidak';
    case 'options':
      return a.options.map((o) => o.letter).join('/');
    case 'ratio':
      return '%';
    case 'index':
      return `Nilai ${a.min}–${a.max}`;
    case 'percent':
      return '0–100%';
  }
}

/** Penjelasan: the criterion of every option, or the formula / scale in words. */
function criteriaText(item: Item): string {
  const a = item.answer;
  switch (a.type) {
    case 'yesno':
      return 'Ya: terpenuhi; Tidak: tidak terpenuhi';
    case 'options':
      return a.options.map((o) => `${o.letter}: ${o.criterion.id}`).join('\n');
    case 'ratio':
      return a.formulaText.id;
    case 'index':
      return `Nilai indeks survei ${a.min}–${a.max}; nilai butir = indeks ÷ ${a.max}`;
    case 'percent':
      return 'Persentase 0–100; nilai butir = persen ÷ 100';
  }
}

function validationFor(item: Item): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Jawaban tidak sah' };
  const a = item.answer;
  switch (a.type) {
    case 'yesno':
      return { ...common, type: 'list', formulae: ['"Ya,Tidak"'], error: 'Pilih Ya atau Tidak.' };
    case 'options': {
      const letters = a.options.map((o) => o.letter).join(',');
      return { ...common, type: 'list', formulae: [`"${letters}"`], error: `Pilih salah satu: ${letters}.` };
    }
    case 'index':
      return { ...common, type: 'decimal', operator: 'between', formulae: [a.min, a.max], error: `Isi angka ${a.min}–${a.max}.` };
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Isi angka 0–100.' };
    case 'ratio':
      throw new Error(`${item.code}: a ratio item is answered on its count rows`);
  }
}

const COUNT_VALIDATION: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Jumlah tidak sah',
  error: 'Isi bilangan bulat 0 atau lebih.',
};

/** The cell text of an answer as a unit would type it ("Ya", "B", 3.62). */
function answerCellValue(item: Item, answer: AnswerValue | undefined): ExcelJS.CellValue {
  if (answer === undefined || typeof answer === 'object') return null;
  if (item.answer.type === 'yesno') return answer === 'ya' ? 'Ya' : 'Tidak';
  return answer;
}

/**
 * Row height for wrapped text. Neither exceljs nor LibreOffice/Excel fits rows on opening, so
 * without it long indicator texts overlap. Lines are estimated from column widths (a width unit
 * holds about 1.2 average characters of the default font), 15 points a line.
 */
function fitHeight(row: ExcelJS.Row): void {
  let lines = 1;
  for (const key of ['text', 'criteria'] as const) {
    const value = row.getCell(COL[key]).value;
    if (typeof value !== 'string') continue;
    const perLine = Math.floor(HEADERS.find(([k]) => k === key)![2] * 1.2);
    const count = value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, count);
  }
  if (lines > 1) row.height = lines * 15;
}

function unlockInput(cell: ExcelJS.Cell, validation?: ExcelJS.DataValidation): void {
  cell.protection = { locked: false };
  if (validation) cell.dataValidation = validation;
}

function writeHeader(ws: ExcelJS.Worksheet, lke: LkeDocument, holds: string | undefined): void {
  ws.mergeCells(`A1:${COL.evidence}1`);
  const title = ws.getCell('A1');
  title.value = lke.title.id;
  title.font = { bold: true, size: 14 };
  ws.getCell('A2').value =
    `Instrumen ${lke.instrument} versi ${lke.version} · ${lke.legalBasis.map((b) => b.regulation).join('; ')} · ` +
    'isi hanya kolom Jawaban, Catatan dan Bukti (sel kuning); sel lain dikunci dan dihitung otomatis.';
  ws.getCell('A2').font = { italic: true, size: 9 };
  ws.mergeCells(`A${HOLDS_ROW}:${COL.type}${HOLDS_ROW}`);
  const label = ws.getCell(`A${HOLDS_ROW}`);
  label.value = 'Predikat yang dimiliki saat ini (syarat WBBM: sudah berpredikat WBK)';
  label.alignment = { horizontal: 'right' };
  label.font = { bold: true };
  const input = ws.getCell(HOLDS_CELL);
  input.value = holds ?? HOLDS_NONE;
  input.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
  unlockInput(input, {
    type: 'list',
    formulae: [`"WBK,WBBM,${HOLDS_NONE}"`],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    error: `Pilih WBK, WBBM atau ${HOLDS_NONE}.`,
  });
  const header = ws.getRow(MAIN_HEADER_ROW);
  for (const [key, text, width] of HEADERS) {
    const cell = header.getCell(COL[key]);
    cell.value = text;
    ws.getColumn(COL[key]).width = width;
  }
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF404040' } };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
}

function writePlanRow(ws: ExcelJS.Worksheet, planned: PlanRow, answers: Record<string, AnswerValue>): void {
  const row = ws.getRow(planned.row);
  row.getCell(COL.code).value = planned.code;
  row.getCell(COL.text).value = planned.label;
  row.alignment = { vertical: 'top', wrapText: true };
  if (planned.level > 0) row.outlineLevel = planned.level;
  if (planned.weight !== undefined) row.getCell(COL.weight).value = planned.weight;
  const item = planned.item;
  const isCount = planned.kind === 'count';
  if (item) {
    row.getCell(COL.criteria).value = criteriaText(item);
    row.getCell(COL.type).value = answerTypeLabel(item);
    for (const key of ['note', 'evidence'] as const) unlockInput(row.getCell(COL[key]));
    if (item.answer.type !== 'ratio') {
      const answerCell = row.getCell(COL.answer);
      answerCell.value = answerCellValue(item, answers[item.code]);
      unlockInput(answerCell, validationFor(item));
      answerCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
    }
  }
  if (isCount) {
    const counts = answers[planned.itemCode!];
    const value = typeof counts === 'object' ? counts[planned.countName!] : undefined;
    row.getCell(COL.type).value = 'Jumlah';
    if (!planned.countRequired || !planned.countScored) {
      row.getCell(COL.criteria).value = planned.countScored ? '(boleh dikosongkan)' : '(dicatat, tidak dinilai; boleh dikosongkan)';
    }
    const answerCell = row.getCell(COL.answer);
    answerCell.value = value ?? null;
    answerCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
    unlockInput(answerCell, COUNT_VALIDATION);
  } else {
    const formula = planned.kind === 'item' ? itemValueFormula(item!, planned.row, planned.countRows) : groupValueFormula(planned);
    row.getCell(COL.value).value = { formula };
    row.getCell(COL.percent).value = { formula: percentFormula(planned) };
  }
  row.getCell(COL.weight).numFmt = '0.00';
  row.getCell(COL.value).numFmt = '0.00';
  row.getCell(COL.percent).numFmt = '0.00%';
  row.getCell(COL.answer).alignment = { horizontal: 'center', vertical: 'top' };
  fitHeight(row);
  const fill = GROUP_FILL[planned.kind];
  if (fill) {
    row.font = { bold: true, ...(WHITE_TEXT.has(planned.kind) ? { color: { argb: 'FFFFFFFF' } } : {}) };
    for (const key of ['code', 'text', 'weight', 'value', 'percent'] as const) {
      row.getCell(COL[key]).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    }
  }
}

/** Writes the main sheet into `wb` and protects it. */
export async function addMainSheet(
  wb: ExcelJS.Workbook,
  lke: LkeDocument,
  plan: LkePlan,
  answers: Record<string, AnswerValue>,
  holds: string | undefined,
): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(SHEET_MAIN, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: MAIN_HEADER_ROW, zoomScale: 90 }],
    properties: {
      outlineProperties: { summaryBelow: false, summaryRight: false },
      // exceljs marks a row "collapsed" when its level ≥ outlineLevelRow, and LibreOffice then
      // hides it; one level above the deepest keeps every row open while keeping the outline.
      outlineLevelRow: Math.max(...plan.rows.map((r) => r.level)) + 1,
    },
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  writeHeader(ws, lke, holds);
  for (const planned of plan.rows) writePlanRow(ws, planned, answers);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return ws;
}
