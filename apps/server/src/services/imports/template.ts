/**
 * Import templates: the workbook people download, fill and upload again. Its headers, drop-downs
 * and instructions come from the same column specs that read the upload back, so the template
 * and the importer cannot drift apart.
 */
import ExcelJS from 'exceljs';
import { formatBytes } from './upload.ts';
import { type Columns, MAX_IMPORT_ROWS } from './workbook.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A read-only list shipped with the template (existing units, roles) for people to copy from. */
export interface ReferenceSheet {
  name: string;
  headers: string[];
  widths: number[];
  rows: (string | null)[][];
}

export interface TemplateSpec<C extends Columns> {
  /** Name of the sheet to fill (what the importer reads). */
  sheet: string;
  columns: C;
  title: string;
  /** Paragraphs shown above the column table on the "Petunjuk" sheet. */
  instructions: string[];
  references: ReferenceSheet[];
  /** Column whose drop-down lists the first column of a reference sheet (e.g. unit codes). */
  listFrom?: { column: keyof C; sheet: string };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF9D9A6' } };

/** Excel's quoting of a sheet name inside a formula. */
const quoteSheet = (name: string) => `'${name.replaceAll("'", "''")}'`;

function headerRow(ws: ExcelJS.Worksheet, headers: string[], widths: number[]) {
  ws.addRow(headers).font = { bold: true };
  headers.forEach((_, i) => {
    ws.getColumn(i + 1).width = widths[i];
    ws.getCell(1, i + 1).fill = HEADER_FILL;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** exceljs keeps sheet-level validations here (range keys are written as they are); untyped. */
type WithValidations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };

function addDropDowns(ws: ExcelJS.Worksheet, col: number, formula: string, header: string) {
  const validation: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: header,
    error: `Pilih ${header} dari daftar`,
  };
  // One range, not per-cell `cell.dataValidation`: exceljs 4.4 merges per-cell rules into
  // overlapping ranges (it sorts E10 before E2), which Excel reports as a damaged file.
  const letter = ws.getColumn(col).letter;
  (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`, validation);
}

/** Builds the template workbook: the sheet to fill, "Petunjuk", then the reference sheets. */
export async function buildTemplate<C extends Columns>(spec: TemplateSpec<C>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zona';
  wb.created = new Date();
  const keys = Object.keys(spec.columns) as (keyof C & string)[];
  const ws = wb.addWorksheet(spec.sheet);
  headerRow(ws, keys.map((k) => spec.columns[k].header), keys.map((k) => spec.columns[k].width));
  keys.forEach((key, i) => {
    const c = spec.columns[key];
    const cell = ws.getCell(1, i + 1);
    if (c.required) cell.fill = REQUIRED_FILL;
    cell.note = `${c.required ? 'Wajib. ' : ''}${c.note}`;
    if (c.isText) ws.getColumn(i + 1).numFmt = '@';
    if (c.choices) {
      const inline = `"${c.choices.join(',')}"`;
      // Excel refuses inline lists longer than 255 characters; keep the choices short.
      if (inline.length > 255) throw new Error(`drop-down of ${c.header} too long`);
      addDropDowns(ws, i + 1, inline, c.header);
    }
  });
  if (spec.listFrom) {
    const ref = spec.references.find((r) => r.name === spec.listFrom?.sheet);
    const col = keys.indexOf(spec.listFrom.column as keyof C & string) + 1;
    if (ref?.rows.length && col > 0) {
      addDropDowns(ws, col, `${quoteSheet(ref.name)}!$A$2:$A$${ref.rows.length + 1}`, spec.columns[keys[col - 1]].header);
    }
  }

  const help = wb.addWorksheet('Petunjuk');
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 10;
  help.getColumn(3).width = 100;
  help.addRow([spec.title]).font = { bold: true, size: 14 };
  for (const p of spec.instructions) {
    const row = help.addRow([p]);
    help.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(15, Math.ceil(p.length / 110) * 15);
  }
  help.addRow([]);
  help.addRow(['Kolom', 'Wajib', 'Keterangan']).font = { bold: true };
  for (const k of keys) {
    const c = spec.columns[k];
    const row = help.addRow([c.header, c.required ? 'Ya' : 'Tidak', c.note]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  for (const ref of spec.references) {
    const sheet = wb.addWorksheet(ref.name);
    headerRow(sheet, ref.headers, ref.widths);
    for (const r of ref.rows) sheet.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `attachment` header with a plain ASCII name (callers pass codes checked to be ASCII). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Paragraphs every import's instructions share: how the file is read and what a failure means. */
export function commonInstructions(sheet: string, uploadLimitBytes: number): string[] {
  return [
    `Isi satu baris per data pada lembar "${sheet}", mulai baris 2. Jangan mengubah judul kolom di baris 1; urutan kolom boleh diubah dan kolom tambahan diabaikan.`,
    'Kolom berwarna jingga wajib diisi. Arahkan penunjuk ke judul kolom untuk melihat keterangannya.',
    'Impor bersifat semua atau tidak sama sekali: bila ada satu kesalahan saja, tidak ada data yang disimpan, dan semua kesalahan dilaporkan per lembar, baris dan kolom.',
    `Paling banyak ${MAX_IMPORT_ROWS} baris per berkas dan ukuran berkas paling besar ${formatBytes(uploadLimitBytes)}. Simpan sebagai Buku Kerja Excel (.xlsx).`,
  ];
}
