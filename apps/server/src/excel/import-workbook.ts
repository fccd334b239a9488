/**
 * Import of a filled LKE workbook back into a contract answer set. All or nothing: either every
 * answer cell reads cleanly and the engine accepts the set, or the result lists every bad cell
 * (sheet, row, column) and no answers at all — a partial answer set would score a unit wrongly.
 */
import ExcelJS from 'exceljs';
import { type LkeDocument, validateAnswers } from '@zona/scoring';
import { assertSafeZip } from '../lib/zip-guard.ts';
import { type CellContent, cellContent, cellText, parseCount, parseHolds, parseItemAnswer } from './cell-values.ts';
import { compiledLke } from './export-workbook.ts';
import { planLke } from './layout.ts';
import { type MapEntry, type WorkbookMeta, readMetaSheet } from './meta-sheet.ts';
import type { AnswerSet, AnswerValue, ImportResult, ItemNotes, WorkbookProblem } from './types.ts';
import { COL, MAIN_FIRST_ROW, NOT_ZONA, SHEET_MAIN } from './types.ts';

/** A workbook opened and recognised as Zona's (its metadata sheet read), ready to import. */
export interface ZonaWorkbook {
  wb: ExcelJS.Workbook;
  meta: WorkbookMeta;
  entries: MapEntry[];
}

type Loaded = ({ ok: true } & ZonaWorkbook) | { ok: false; problems: WorkbookProblem[] };

/** One count cell as read: `typed` when not blank, `value` when it also parsed. */
interface CountSlot {
  row: number;
  typed: boolean;
  value?: number;
}

const fileProblem = (message: string): WorkbookProblem => ({ sheet: '', row: 0, column: '', message });

/** Opens the buffer as a Zona workbook; a foreign or damaged file gives one clear problem. */
export async function loadZonaWorkbook(buffer: Buffer | Uint8Array): Promise<Loaded> {
  const wb = new ExcelJS.Workbook();
  try {
    assertSafeZip(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (err) {
    const reason = (err as Error)?.message?.split('\n')[0] ?? String(err);
    return { ok: false, problems: [fileProblem(`${NOT_ZONA}: the file is not a readable .xlsx workbook (${reason})`)] };
  }
  const meta = readMetaSheet(wb);
  if (!meta.ok) return { ok: false, problems: [fileProblem(meta.message)] };
  return { ok: true, wb, meta: meta.meta, entries: meta.entries };
}

/** Splits "F12" into column and row. */
function address(cell: string): { column: string; row: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell);
  return m ? { column: m[1], row: Number(m[2]) } : undefined;
}

/** Reads a workbook produced by `exportWorkbook` (and filled in by a unit) against `lke`. */
export async function importWorkbook(buffer: Buffer | Uint8Array, lke: LkeDocument): Promise<ImportResult> {
  const loaded = await loadZonaWorkbook(buffer);
  return loaded.ok ? importZonaWorkbook(loaded, lke) : loaded;
}

/** Import of an already opened workbook (the CLI reads the metadata first to pick the LKE). */
export function importZonaWorkbook({ wb, meta, entries }: ZonaWorkbook, lke: LkeDocument): ImportResult {
  if (meta.instrument !== lke.instrument) {
    return { ok: false, problems: [fileProblem(`${NOT_ZONA} for instrument ${lke.instrument}: it is for "${meta.instrument}"`)] };
  }
  if (meta.version !== lke.version) {
    return { ok: false, problems: [fileProblem(`${NOT_ZONA} for ${lke.instrument} version ${lke.version}: it is for version ${meta.version}`)] };
  }
  const ws = wb.getWorksheet(SHEET_MAIN);
  if (!ws) return { ok: false, problems: [fileProblem(`${NOT_ZONA}: the "${SHEET_MAIN}" sheet is missing`)] };

  const problems: WorkbookProblem[] = [];
  const bad = (row: number, column: string, message: string, code?: string): void => {
    problems.push({ sheet: SHEET_MAIN, row, column, ...(code ? { code } : {}), message });
  };

  // Where each code actually is: rows may have been moved (sorted, cut and pasted) since export.
  const lastRow = ws.rowCount;
  const codeRows = new Map<string, number>();
  for (let r = MAIN_FIRST_ROW; r <= lastRow; r++) {
    const code = cellText(ws.getCell(`${COL.code}${r}`));
    if (code && !codeRows.has(code)) codeRows.set(code, r);
  }
  const usedRows = new Set<number>();
  /** The row of a mapped input: the mapped row when its Kode still matches, else found by code. */
  const locate = (entry: MapEntry): { row: number; column: string } | undefined => {
    const at = address(entry.cell);
    if (!at) return undefined;
    if (entry.kind === 'holds') return at;
    const row = cellText(ws.getCell(`${COL.code}${at.row}`)) === entry.code ? at.row : codeRows.get(entry.code);
    return row === undefined ? undefined : { row, column: at.column };
  };

  const lkeCodes = compiledLke(lke);
  const predicateCodes = lke.predicates.map((p) => p.code);
  const answers: Record<string, AnswerValue> = {};
  const counts: Record<string, Record<string, CountSlot>> = {};
  const notes: Record<string, ItemNotes> = {};
  const seenItems = new Set<string>();
  const seenCounts = new Set<string>();
  let holds: string | undefined;

  for (const entry of entries) {
    if (entry.sheet !== SHEET_MAIN || !['item', 'count', 'holds'].includes(entry.kind)) continue;
    const at = locate(entry);
    if (!at) {
      bad(0, COL.code, `the row of ${entry.code} was not found in the Kode column`, entry.code);
      continue;
    }
    usedRows.add(at.row);
    const content: CellContent = cellContent(ws.getCell(`${at.column}${at.row}`));
    if (entry.kind === 'holds') {
      const parsed = parseHolds(content, predicateCodes);
      if (parsed.ok) holds = parsed.value;
      else bad(at.row, at.column, `Predikat yang dimiliki: ${parsed.message}`);
      continue;
    }
    const itemCode = entry.kind === 'count' ? entry.item ?? '' : entry.code;
    const index = lkeCodes.itemIndex.get(itemCode);
    if (index === undefined) {
      if (content.kind !== 'blank') bad(at.row, at.column, `unknown code ${entry.code} (not in ${lke.instrument} v${lke.version})`, entry.code);
      continue;
    }
    const item = lkeCodes.items[index].item;
    if (entry.kind === 'count') {
      const count = item.answer.type === 'ratio' ? item.answer.counts.find((c) => c.name === entry.count) : undefined;
      if (!count) {
        if (content.kind !== 'blank') bad(at.row, at.column, `unknown count ${entry.code} of ${itemCode}`, itemCode);
        continue;
      }
      seenCounts.add(count.row);
      const slot: CountSlot = { row: at.row, typed: content.kind !== 'blank' };
      (counts[itemCode] ??= {})[count.name] = slot;
      if (!slot.typed) continue;
      const parsed = parseCount(content);
      if (parsed.ok) slot.value = parsed.value;
      else bad(at.row, at.column, `${count.row} (${count.name}): ${parsed.message}`, itemCode);
      continue;
    }
    seenItems.add(itemCode);
    const note = cellText(ws.getCell(`${COL.note}${at.row}`));
    const evidence = cellText(ws.getCell(`${COL.evidence}${at.row}`));
    if (note || evidence) notes[itemCode] = { ...(note ? { note } : {}), ...(evidence ? { evidence } : {}) };
    if (content.kind === 'blank') continue; // a ratio item's own Jawaban cell must stay empty too
    const parsed = parseItemAnswer(item, content);
    if (parsed.ok) answers[itemCode] = parsed.value;
    else bad(at.row, at.column, `${itemCode}: ${parsed.message}`, itemCode);
  }

  // Ratio items: answered when any count is typed; then every required count must be.
  for (const compiled of lkeCodes.items) {
    const answer = compiled.item.answer;
    const slots = counts[compiled.code];
    if (answer.type !== 'ratio' || !slots || !Object.values(slots).some((s) => s.typed)) continue;
    for (const count of answer.counts) {
      const slot = slots[count.name];
      if (count.required && slot && !slot.typed) {
        bad(slot.row, COL.answer, `${count.row} (${count.name}): required once any count of ${compiled.code} is filled`, compiled.code);
      }
    }
    const filled = Object.entries(slots).filter(([, s]) => s.value !== undefined);
    answers[compiled.code] = Object.fromEntries(filled.map(([name, s]) => [name, s.value!]));
  }

  // Everything the LKE has must be in the workbook, and nothing may be answered outside it.
  for (const compiled of lkeCodes.items) {
    if (!seenItems.has(compiled.code)) bad(0, COL.code, `item ${compiled.code} is missing from the workbook`, compiled.code);
    if (compiled.item.answer.type === 'ratio') {
      for (const c of compiled.item.answer.counts) if (!seenCounts.has(c.row)) bad(0, COL.code, `count row ${c.row} is missing from the workbook`, compiled.code);
    }
  }
  const planned = new Map(planLke(lke).rows.map((r) => [r.code, r.kind] as const));
  for (let r = MAIN_FIRST_ROW; r <= lastRow; r++) {
    if (usedRows.has(r) || cellContent(ws.getCell(`${COL.answer}${r}`)).kind === 'blank') continue;
    const code = cellText(ws.getCell(`${COL.code}${r}`));
    if (!code) bad(r, COL.answer, 'an answer in a row without a code in the Kode column');
    else if (planned.get(code) === 'item' || planned.get(code) === 'count') {
      bad(r, COL.answer, `${code} appears in more than one row and only one is read; remove the copy`, code);
    } else if (planned.has(code)) bad(r, COL.answer, `${code} is a sub-total row; it takes no answer`, code);
    else bad(r, COL.answer, `unknown code ${code} (not in ${lke.instrument} v${lke.version})`, code);
  }

  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  const answerSet: AnswerSet = { instrument: lke.instrument, ...(holds ? { holds: holds as AnswerSet['holds'] } : {}), answers };
  // Safety net: the engine must accept what was read, or nothing is returned.
  const checked = validateAnswers(lkeCodes, answerSet);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ ...fileProblem(p.message), code: p.code })) };
  return { ok: true, answerSet, notes };
}
