/**
 * The hidden "_zona" sheet: what the workbook is (instrument, version, checksum, engine) and a
 * map from every input and reported cell to its item code. Import trusts this map instead of
 * guessing from the visible layout, and checks it against the Kode column so that a moved row
 * is still found by its code.
 */
import type ExcelJS from 'exceljs';
import { cellText } from './cell-values.ts';
import type { LkePlan } from './layout.ts';
import type { SummaryCell } from './summary-sheet.ts';
import {
  COL,
  HOLDS_CELL,
  NOT_ZONA,
  SHEET_MAIN,
  SHEET_META,
  SHEET_SUMMARY,
  WORKBOOK_FORMAT,
  WORKBOOK_FORMAT_VERSION,
} from './types.ts';

export interface WorkbookMeta {
  format: string;
  formatVersion: number;
  instrument: string;
  version: number;
  checksum: string;
  engineVersion: string;
}

/** One mapped cell. `item`/`count` for answer inputs, `holds`, and the summary's cells. */
export interface MapEntry {
  kind: 'item' | 'count' | 'holds' | SummaryCell['kind'];
  code: string;
  sheet: string;
  cell: string;
  /** Count entries: the item the count feeds and the count's name. */
  item?: string;
  count?: string;
}

const MAP_HEADER = ['kind', 'code', 'sheet', 'cell', 'item', 'count'];

/** Map entries of the main sheet's inputs, in row order. */
export function inputEntries(plan: LkePlan): MapEntry[] {
  const entries: MapEntry[] = [{ kind: 'holds', code: 'holds', sheet: SHEET_MAIN, cell: HOLDS_CELL }];
  for (const row of plan.rows) {
    const cell = `${COL.answer}${row.row}`;
    if (row.kind === 'count') {
      entries.push({ kind: 'count', code: row.code, sheet: SHEET_MAIN, cell, item: row.itemCode, count: row.countName });
    } else if (row.item) {
      // Ratio items have no answer cell of their own; their row still locates Catatan/Bukti.
      entries.push({ kind: 'item', code: row.item.code, sheet: SHEET_MAIN, cell });
    }
  }
  return entries;
}

export function addMetaSheet(wb: ExcelJS.Workbook, meta: WorkbookMeta, entries: MapEntry[], summary: SummaryCell[]): void {
  const ws = wb.addWorksheet(SHEET_META, { state: 'hidden' });
  ws.getCell('A1').value = 'Metadata Zona untuk impor — jangan diubah (do not edit: import reads this sheet)';
  ws.getCell('A1').font = { bold: true };
  const pairs: [string, string | number][] = [
    ['format', meta.format],
    ['formatVersion', meta.formatVersion],
    ['instrument', meta.instrument],
    ['version', meta.version],
    ['checksum', meta.checksum],
    ['engineVersion', meta.engineVersion],
    ['mainSheet', SHEET_MAIN],
    ['summarySheet', SHEET_SUMMARY],
  ];
  pairs.forEach(([key, value], i) => {
    ws.getCell(`A${i + 3}`).value = key;
    ws.getCell(`B${i + 3}`).value = value;
  });
  let row = pairs.length + 4;
  ws.getRow(row++).values = MAP_HEADER;
  const all: MapEntry[] = [...entries, ...summary.map((s) => ({ kind: s.kind, code: s.key, sheet: SHEET_SUMMARY, cell: s.cell }))];
  for (const e of all) ws.getRow(row++).values = [e.kind, e.code, e.sheet, e.cell, e.item ?? '', e.count ?? ''];
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 24;
}

export type ReadMetaResult = { ok: true; meta: WorkbookMeta; entries: MapEntry[] } | { ok: false; message: string };

/** Reads and checks the metadata sheet; any deviation means the file is not ours. */
export function readMetaSheet(wb: ExcelJS.Workbook): ReadMetaResult {
  const ws = wb.getWorksheet(SHEET_META);
  if (!ws) return { ok: false, message: `${NOT_ZONA}: it has no "${SHEET_META}" sheet` };
  const values = new Map<string, string>();
  let headerRow = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const key = cellText(ws.getCell(`A${r}`));
    if (key === 'kind') {
      headerRow = r;
      break;
    }
    if (key) values.set(key, cellText(ws.getCell(`B${r}`)));
  }
  if (values.get('format') !== WORKBOOK_FORMAT) return { ok: false, message: `${NOT_ZONA}: the "${SHEET_META}" sheet is not Zona's` };
  const formatVersion = Number(values.get('formatVersion'));
  if (formatVersion !== WORKBOOK_FORMAT_VERSION) {
    return { ok: false, message: `${NOT_ZONA}: workbook format ${values.get('formatVersion')} is not supported (expected ${WORKBOOK_FORMAT_VERSION})` };
  }
  const version = Number(values.get('version'));
  const instrument = values.get('instrument') ?? '';
  if (!instrument || !Number.isInteger(version) || headerRow === 0) {
    return { ok: false, message: `${NOT_ZONA}: the "${SHEET_META}" sheet is damaged (instrument, version or cell map missing)` };
  }
  const entries: MapEntry[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const kind = cellText(ws.getCell(`A${r}`)) as MapEntry['kind'];
    if (!kind) continue;
    const entry: MapEntry = { kind, code: cellText(ws.getCell(`B${r}`)), sheet: cellText(ws.getCell(`C${r}`)), cell: cellText(ws.getCell(`D${r}`)) };
    const item = cellText(ws.getCell(`E${r}`));
    const count = cellText(ws.getCell(`F${r}`));
    if (item) entry.item = item;
    if (count) entry.count = count;
    entries.push(entry);
  }
  return {
    ok: true,
    meta: {
      format: WORKBOOK_FORMAT,
      formatVersion,
      instrument,
      version,
      checksum: values.get('checksum') ?? '',
      engineVersion: values.get('engineVersion') ?? '',
    },
    entries,
  };
}
