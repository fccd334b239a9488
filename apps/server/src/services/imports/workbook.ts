/**
 * Reading an import workbook: check that the upload really is an xlsx, then turn the rows of one
 * sheet into typed records, collecting a problem per cell instead of stopping at the first one,
 * so the person fixing the file sees everything at once.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { assertSafeZip, ZipRejected } from '../../lib/zip-guard.ts';
import type { StoredUpload } from './upload.ts';

/** One problem in the file, addressed as a person sees it in Excel (row 1 is the header). */
export interface RowError {
  sheet: string;
  row: number;
  /** The column's header text, or null when the problem is about the whole row or sheet. */
  column: string | null;
  message: string;
}

/** A column of an import sheet: how it is read back and how the template presents it. */
export interface ColumnSpec<T> {
  header: string;
  required: boolean;
  /** Parses the cell's trimmed text; its first issue message becomes the cell's error. */
  schema: z.ZodType<T, string>;
  /** What to type, for the instructions sheet and the header's note. */
  note: string;
  width: number;
  /** Drop-down values offered in the template. */
  choices?: readonly string[];
  /** Format the column as text so Excel keeps leading zeros and long digit strings (codes, NIP). */
  isText?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: a column set mixes value types.
export type Columns = Record<string, ColumnSpec<any>>;

/** A parsed row: each column's value (null when blank) and its Excel row number. */
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T | null : never } & { row: number };

/** Most rows one file may carry: keeps one transaction and its multi-row inserts reasonable. */
export const MAX_IMPORT_ROWS = 1000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const notXlsx = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', 'Berkas bukan buku kerja Excel (.xlsx). Unduh templat, isi, lalu simpan sebagai .xlsx');

/**
 * Opens an uploaded workbook. An xlsx is a ZIP archive, so the first bytes must be `PK\3\4`;
 * its unpacked size must stay within the ZIP guard's limits; then exceljs must actually read it
 * and find sheets (a .docx, a ZIP bomb or a random ZIP does not pass).
 */
export async function openWorkbook(upload: StoredUpload): Promise<ExcelJS.Workbook> {
  if (!upload.head.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  const wb = new ExcelJS.Workbook();
  // The upload is size-capped (UPLOAD_LIMIT_BYTES), so holding it in memory is bounded; the ZIP
  // guard bounds what it unpacks to before exceljs inflates anything.
  const bytes = await readFile(upload.path);
  try {
    assertSafeZip(bytes);
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    if (err instanceof ZipRejected && err.tooLarge) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Isi buku kerja terlalu besar setelah dibuka (kemungkinan berkas rusak atau berbahaya); gunakan templat dari Zona');
    }
    throw notXlsx();
  }
  if (!wb.worksheets.length) throw notXlsx();
  return wb;
}

/** Error thrown when a file has problems: 422 with every problem as a row and a field path. */
export function importFailed(errors: RowError[]): AppError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rowCount = new Set(sorted.map((e) => `${e.sheet}!${e.row}`)).size;
  return new AppError(
    'VALIDATION_FAILED',
    `Impor dibatalkan: ${sorted.length} kesalahan pada ${rowCount} baris. Tidak ada data yang disimpan; perbaiki berkas lalu unggah lagi.`,
    sorted.map((e) => ({ path: `${e.sheet}!${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message })),
    { rows: sorted },
  );
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** A cell's text as typed, or an error message when the cell holds something that is not text. */
function cellText(value: ExcelJS.CellValue): { text: string } | { error: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: a NIP typed as a number has already lost its tail.
    if (!Number.isSafeInteger(value) && Number.isInteger(value)) {
      return { error: 'Angka terlalu panjang dan sudah dibulatkan Excel; format sel sebagai Teks lalu ketik ulang' };
    }
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'Ya' : 'Tidak' };
  if (value instanceof Date) return { error: 'Sel berisi tanggal; isi dengan teks' };
  if ('error' in value) return { error: `Sel berisi galat Excel (${value.error})` };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? { error: 'Rumus tanpa nilai tersimpan; isi nilainya langsung' } : cellText(result);
  }
  // Hyperlinks (Excel turns typed e-mail addresses into mailto links): the shown text counts.
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return { error: 'Isi sel tidak dapat dibaca' };
}

/**
 * Reads every data row of `sheetName` against `columns`: headers are found by name in row 1
 * (order does not matter, extra columns are ignored), blank rows are skipped, and each cell is
 * checked on its own. Returns every data row (a failed cell is null) and every problem found.
 */
export function readSheet<C extends Columns>(wb: ExcelJS.Workbook, sheetName: string, columns: C): { rows: RowOf<C>[]; errors: RowError[] } {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) {
    return { rows: [], errors: [{ sheet: sheetName, row: 1, column: null, message: `Lembar "${sheetName}" tidak ditemukan; pakai templat yang disediakan` }] };
  }
  const errors: RowError[] = [];
  const at = new Map<keyof C, number>();
  const header = ws.getRow(1);
  header.eachCell((cell, col) => {
    const t = cellText(cell.value);
    const key = 'text' in t ? (Object.keys(columns) as (keyof C)[]).find((k) => normalise(columns[k].header) === normalise(t.text)) : undefined;
    if (key !== undefined && !at.has(key)) at.set(key, col);
  });
  for (const [key, spec] of Object.entries(columns)) {
    if (!at.has(key)) errors.push({ sheet: sheetName, row: 1, column: spec.header, message: `Kolom "${spec.header}" tidak ditemukan di baris judul` });
  }
  if (errors.length) return { rows: [], errors };

  const rows: RowOf<C>[] = [];
  let dataRows = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts = new Map<keyof C, ReturnType<typeof cellText>>();
    for (const [key, col] of at) texts.set(key, cellText(row.getCell(col).value));
    if ([...texts.values()].every((t) => 'text' in t && t.text === '')) return;
    dataRows += 1;
    if (dataRows > MAX_IMPORT_ROWS) return;
    // A cell that fails reads as null, so the later checks (duplicates, database) still run on
    // the rest of the row and the report is complete; nothing is written while errors exist.
    const out: Record<string, unknown> = { row: rowNumber };
    for (const [key, t] of texts) {
      const spec = columns[key];
      const fail = (message: string) => errors.push({ sheet: sheetName, row: rowNumber, column: spec.header, message });
      out[key as string] = null;
      if ('error' in t) fail(t.error);
      else if (t.text === '') {
        if (spec.required) fail(`${spec.header} wajib diisi`);
      } else {
        const parsed = spec.schema.safeParse(t.text);
        if (parsed.success) out[key as string] = parsed.data;
        else fail(parsed.error.issues[0]?.message ?? `${spec.header} tidak valid`);
      }
    }
    rows.push(out as RowOf<C>);
  });
  if (dataRows > MAX_IMPORT_ROWS) {
    errors.push({ sheet: sheetName, row: 1, column: null, message: `Berkas berisi ${dataRows} baris; paling banyak ${MAX_IMPORT_ROWS} baris per impor. Bagi menjadi beberapa berkas` });
  }
  if (!dataRows) errors.push({ sheet: sheetName, row: 2, column: null, message: 'Tidak ada baris data; isi mulai baris 2' });
  return { rows, errors };
}

/** Marks later rows that repeat a value of an earlier row (codes, usernames, NIPs). */
export function duplicatesInFile<R extends { row: number }>(rows: R[], valueOf: (r: R) => string | null, sheet: string, column: string, label: string): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const v = valueOf(r);
    if (v === null) continue;
    const seen = first.get(v);
    if (seen === undefined) first.set(v, r.row);
    else errors.push({ sheet, row: r.row, column, message: `${label} "${v}" sudah dipakai di baris ${seen} berkas ini` });
  }
  return errors;
}
