/**
 * The "Rekapitulasi" sheet: every number the engine reports, rounded as the engine rounds it
 * (ROUND(…, 2) is half away from zero in Excel and LibreOffice, the contract's rule), and the
 * WBK/WBBM checks made on those rounded numbers, because the regulation judges what the
 * reviewer sees (PermenPANRB 90/2021 Lampiran II Tabel 6).
 */
import type ExcelJS from 'exceljs';
import type { LkeDocument, Predicate } from '@zona/scoring';
import type { LkePlan } from './layout.ts';
import { COL, HOLDS_CELL, SHEET_MAIN, SHEET_SUMMARY } from './types.ts';

/** Where a rounded number or a check result sits, for the metadata map and read-back. */
export interface SummaryCell {
  kind: 'score' | 'rule' | 'eligible';
  /** score: aggregate key (`total`, `pengungkit`, `1`, `1/pemenuhan`, `A.I.1.i`); rule: `WBK:area:1`. */
  key: string;
  cell: string;
}

const ref = (col: string, row: number): string => `'${SHEET_MAIN}'!${col}${row}`;
const heldRef = `'${SHEET_MAIN}'!${HOLDS_CELL.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')}`;

function sectionTitle(ws: ExcelJS.Worksheet, row: number, text: string): void {
  const cell = ws.getCell(`A${row}`);
  cell.value = text;
  cell.font = { bold: true, size: 12 };
}

function headerRow(ws: ExcelJS.Worksheet, row: number, titles: string[]): void {
  const r = ws.getRow(row);
  titles.forEach((t, i) => (r.getCell(i + 1).value = t));
  r.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF404040' } };
}

/** Lines of the score table: label, code, plan key, outline depth. */
function scoreLines(lke: LkeDocument): { label: string; code: string; key: string; bold: boolean }[] {
  const lines = [{ label: 'NILAI TOTAL', code: '', key: 'total', bold: true }];
  for (const component of lke.components) {
    lines.push({ label: component.name.id, code: component.code, key: component.role, bold: true });
    for (const area of component.areas) {
      lines.push({ label: area.name.id, code: area.code, key: area.code, bold: true });
      const aspects = [...new Set(area.subareas.map((s) => s.aspect).filter((a) => a !== undefined))];
      for (const aspect of aspects) {
        lines.push({ label: `  ${aspect === 'pemenuhan' ? 'Pemenuhan' : 'Reform'}`, code: '', key: `${area.code}/${aspect}`, bold: false });
      }
      if (aspects.length === 0) {
        for (const s of area.subareas) lines.push({ label: `  ${s.name.id}`, code: s.code, key: s.code, bold: false });
      }
    }
  }
  return lines;
}

function writeRule(
  ws: ExcelJS.Worksheet,
  row: number,
  values: { id: string; label: string; value: string; min: string | number; ok: string },
): void {
  const r = ws.getRow(row);
  r.getCell(1).value = values.label;
  r.getCell(2).value = values.id;
  r.getCell(3).value = { formula: values.value };
  r.getCell(4).value = values.min;
  r.getCell(5).value = { formula: values.ok };
  r.getCell(3).numFmt = '0.00';
  r.getCell(4).numFmt = '0.00';
}

function writePredicate(
  ws: ExcelJS.Worksheet,
  start: number,
  predicate: Predicate,
  scoreCell: Map<string, string>,
  labels: Map<string, string>,
  cells: SummaryCell[],
): number {
  sectionTitle(ws, start, `Syarat ${predicate.code} — ${predicate.name.id}`);
  const bases = [...new Set(predicate.rules.map((r) => r.basis))].join('; ');
  ws.getCell(`A${start + 1}`).value = `Dasar: ${bases}`;
  ws.getCell(`A${start + 1}`).font = { italic: true, size: 9 };
  headerRow(ws, start + 2, ['Syarat', 'Aturan', 'Nilai', 'Minimum', 'Terpenuhi']);
  let row = start + 3;
  const first = row;
  if (predicate.requiresHeld) {
    const held = predicate.requiresHeld.anyOf;
    const test = held.map((code) => `UPPER(TRIM(${heldRef}))="${code}"`).join(',');
    writeRule(ws, row, {
      id: predicate.requiresHeld.failureId,
      label: 'Sudah memiliki predikat (Predikat yang dimiliki)',
      value: heldRef,
      min: held.join('/'),
      ok: `IF(OR(${test}),"Ya","Tidak")`,
    });
    cells.push({ kind: 'rule', key: `${predicate.code}:${predicate.requiresHeld.failureId}`, cell: `E${row}` });
    row++;
  }
  for (const rule of predicate.rules) {
    const target = scoreCell.get(rule.target);
    if (!target) throw new Error(`predicate ${predicate.code}: rule ${rule.id} targets unknown "${rule.target}"`);
    const pct = rule.percentOfWeight === undefined ? '' : ` (≥ ${rule.percentOfWeight}% bobot)`;
    writeRule(ws, row, {
      id: rule.id,
      label: `${labels.get(rule.target) ?? rule.target}${pct}`,
      value: target,
      min: rule.min,
      ok: `IF(${target}>=${rule.min},"Ya","Tidak")`,
    });
    cells.push({ kind: 'rule', key: `${predicate.code}:${rule.id}`, cell: `E${row}` });
    row++;
  }
  const last = row - 1;
  const r = ws.getRow(row);
  r.getCell(1).value = `Memenuhi syarat ${predicate.code}`;
  r.getCell(3).value = { formula: `COUNTIF(E${first}:E${last},"Tidak")` };
  r.getCell(2).value = 'aturan gagal:';
  r.getCell(5).value = { formula: `IF(C${row}=0,"Ya","Tidak")` };
  r.font = { bold: true };
  cells.push({ kind: 'eligible', key: predicate.code, cell: `E${row}` });
  return row + 2;
}

/** Writes the summary sheet and returns where every reported number and check sits. */
export async function addSummarySheet(wb: ExcelJS.Workbook, lke: LkeDocument, plan: LkePlan): Promise<SummaryCell[]> {
  const ws = wb.addWorksheet(SHEET_SUMMARY, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 14;
  for (const c of [3, 4, 5]) ws.getColumn(c).width = 12;
  ws.getCell('A1').value = `REKAPITULASI NILAI — ${lke.title.id}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Nilai dibulatkan 2 desimal (setengah menjauhi nol); syarat predikat dinilai dengan angka yang dibulatkan.';
  ws.getCell('A2').font = { italic: true, size: 9 };
  headerRow(ws, 3, ['Uraian', 'Kode', 'Bobot', 'Nilai', '%']);

  const cells: SummaryCell[] = [];
  const scoreCell = new Map<string, string>();
  const labels = new Map<string, string>();
  let row = 4;
  const addScore = (label: string, code: string, key: string, bold: boolean): void => {
    const source = plan.targets.get(key);
    if (source === undefined) throw new Error(`summary: no row for "${key}"`);
    const r = ws.getRow(row);
    r.getCell(1).value = label;
    r.getCell(2).value = code;
    r.getCell(3).value = { formula: ref(COL.weight, source) };
    r.getCell(4).value = { formula: `ROUND(${ref(COL.value, source)},2)` };
    r.getCell(5).value = { formula: `IF(C${row}=0,0,D${row}/C${row})` };
    r.getCell(3).numFmt = '0.00';
    r.getCell(4).numFmt = '0.00';
    r.getCell(5).numFmt = '0.00%';
    if (bold) r.font = { bold: true };
    cells.push({ kind: 'score', key, cell: `D${row}` });
    if (!labels.has(key)) labels.set(key, label.trim());
    scoreCell.set(key, `D${row}`);
    row++;
  };
  for (const line of scoreLines(lke)) addScore(line.label, line.code, line.key, line.bold);
  // A rule may also name a component by its code (`A`, `B`), as the engine allows.
  for (const c of lke.components) scoreCell.set(c.code, scoreCell.get(c.role)!);

  row++;
  sectionTitle(ws, row++, 'Nilai per sub-area');
  for (const component of lke.components.filter((c) => c.role === 'pengungkit')) {
    for (const area of component.areas) for (const s of area.subareas) addScore(s.name.id, s.code, s.code, false);
  }

  row++;
  ws.getCell(`A${row}`).value = 'Predikat yang dimiliki';
  ws.getCell(`B${row}`).value = { formula: heldRef };
  row += 2;
  for (const predicate of lke.predicates) row = writePredicate(ws, row, predicate, scoreCell, labels, cells);
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return cells;
}
