/**
 * Bad input to `importWorkbook`: every bad cell is listed by sheet, row and column, and a damaged
 * or foreign file gives one clear "not a Zona LKE workbook" problem — never a throw, never a
 * partial answer set (issue 3, Done-when "Bad input").
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LkeDocument } from '@zona/scoring';
import { exportWorkbook } from '../../src/excel/export-workbook.ts';
import { importWorkbook } from '../../src/excel/import-workbook.ts';
import { loadLke } from '../../src/excel/load-lke.ts';
import { rowOf } from './excel-fixtures.ts';
import { COL, HOLDS_CELL, NOT_ZONA, SHEET_MAIN, SHEET_META } from '../../src/excel/types.ts';

let lke: LkeDocument;
let exported: Buffer;
beforeAll(async () => {
  lke = (await loadLke('zi-2021')).lke;
  exported = await exportWorkbook(lke, { instrument: 'zi-2021', answers: { 'A.I.1.ii.a': 'ya' } });
});

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());


/** A minimal stored (uncompressed) zip, enough to look like a .docx to an unzipper. */
function zip(files: Record<string, string>): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('excel import: bad cells', () => {
  it('lists every bad cell with sheet, row, column and code, and returns no answers', async () => {
    const wb = await open(exported);
    const ws = wb.getWorksheet(SHEET_MAIN)!;
    const at = (code: string) => rowOf(ws, code);
    const bad: Record<string, ExcelJS.CellValue> = {
      'A.I.1.i.a': 'Mungkin', // not Ya/Tidak
      'A.I.1.i.b': 'D', // outside A/B/C
      'A.I.1.iii.a': true, // a boolean
      'A.II.1.i.a.n1': -3, // negative count
      'A.II.1.i.a.n2': 2.5, // non-integer count
      'A.II.1.i.b.n1': '1.000', // ambiguous text count
      'B.I.a': 4.5, // index above 4
      'B.II.a': 'tinggi', // not a number
      'A.I.1.i': 'ya', // a sub-total row takes no answer
      'A.II.6.i.b': 50, // a percentage item is answered in its Jumlah rows
    };
    for (const [code, value] of Object.entries(bad)) ws.getCell(`${COL.answer}${at(code)}`).value = value;
    ws.getCell(`${COL.answer}${at('A.II.4.i.a.n1')}`).value = 5; // its required partner stays empty
    ws.getCell(HOLDS_CELL).value = 'WBX';
    const extra = ws.rowCount + 2;
    ws.getCell(`${COL.code}${extra}`).value = 'A.I.9.i.a';
    ws.getCell(`${COL.answer}${extra}`).value = 'ya';

    const result = await importWorkbook(await save(wb), lke);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).not.toHaveProperty('answerSet');
    const where = result.problems.map((p) => `${p.sheet}!${p.column}${p.row} ${p.code ?? ''}`.trim());
    expect(where).toEqual(
      expect.arrayContaining([
        ...Object.keys(bad).map((code) => {
          const item = code.replace(/\.n\d+$/, '');
          return `${SHEET_MAIN}!F${at(code)} ${item}`;
        }),
        `${SHEET_MAIN}!F${at('A.II.4.i.a.n2')} A.II.4.i.a`,
        `${SHEET_MAIN}!F${at('A.II.1.i.b.n2')} A.II.1.i.b`, // typed (badly) n1 makes n2 required
        `${SHEET_MAIN}!${HOLDS_CELL}`,
        `${SHEET_MAIN}!F${extra} A.I.9.i.a`,
      ]),
    );
    expect(result.problems).toHaveLength(Object.keys(bad).length + 4);
    const messages = result.problems.map((p) => p.message).join('\n');
    for (const text of ['Jumlah rows', 'expected Ya or Tidak', 'expected one of A/B/C', 'whole number', 'survey index from 0 to 4', 'unknown code A.I.9.i.a', 'sub-total', 'required']) {
      expect(messages).toContain(text);
    }
  });
});

describe('excel import: foreign and damaged files', () => {
  const expectNotZona = async (buffer: Buffer, detail?: RegExp) => {
    const result = await importWorkbook(buffer, lke);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toContain(NOT_ZONA);
    if (detail) expect(result.problems[0].message).toMatch(detail);
  };

  it('random bytes, an empty file, and a truncated workbook', async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    await expectNotZona(random, /not a readable \.xlsx/);
    await expectNotZona(Buffer.alloc(0));
    await expectNotZona(exported.subarray(0, Math.floor(exported.length / 2)));
    await expectNotZona(exported.subarray(100));
  });

  it('a .docx and an xlsx of something else', async () => {
    const docx = zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    await expectNotZona(docx);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Data').addRow(['Kode', 'Jawaban']);
    await expectNotZona(await save(other), /no "_zona" sheet/);
  });

  it('a workbook of another instrument or version', async () => {
    for (const [key, value, detail] of [
      ['instrument', 'zi-2014', /for instrument zi-2021: it is for "zi-2014"/],
      ['version', 7, /it is for version 7/],
      ['format', 'something-else', /not Zona's/],
    ] as const) {
      const wb = await open(exported);
      const meta = wb.getWorksheet(SHEET_META)!;
      for (let r = 1; r <= 12; r++) if (meta.getCell(`A${r}`).value === key) meta.getCell(`B${r}`).value = value;
      await expectNotZona(await save(wb), detail);
    }
  });

  it('a workbook whose metadata sheet was deleted', async () => {
    const wb = await open(exported);
    wb.removeWorksheet(wb.getWorksheet(SHEET_META)!.id);
    await expectNotZona(await save(wb));
  });
});
