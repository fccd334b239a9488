/**
 * Export → import returns the same answer set (issue 3, item 5): every answer type, counts with
 * and without optional counts, unanswered items staying absent, the held predicate.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LkeDocument } from '@zona/scoring';
import { exportWorkbook } from '../../src/excel/export-workbook.ts';
import { importWorkbook } from '../../src/excel/import-workbook.ts';
import { loadLke } from '../../src/excel/load-lke.ts';
import { COL, HOLDS_CELL, SHEET_MAIN, SHEET_META, SHEET_SUMMARY } from '../../src/excel/types.ts';
import { bestSet, edgeSets, exampleSets, randomSet, rowOf } from './excel-fixtures.ts';

let lke: LkeDocument;
beforeAll(async () => {
  lke = (await loadLke('zi-2021')).lke;
});

async function roundTrip(set: Parameters<typeof exportWorkbook>[1]) {
  const result = await importWorkbook(await exportWorkbook(lke, set), lke);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.answerSet;
}


describe('excel round trip', () => {
  it('has contract examples to test with', () => {
    expect(exampleSets().length).toBeGreaterThanOrEqual(2);
  });

  it('returns every contract example unchanged', async () => {
    for (const { name, set } of exampleSets()) {
      expect(await roundTrip(set), name).toEqual(set);
    }
  });

  it('returns the empty answer set (no answers, no holds)', async () => {
    const empty = { instrument: 'zi-2021', answers: {} };
    expect(await roundTrip(empty)).toEqual(empty);
    // A workbook exported without any answer set reads as the empty set too.
    const blank = await importWorkbook(await exportWorkbook(lke), lke);
    expect(blank).toMatchObject({ ok: true, answerSet: empty });
  });

  it('returns edge-case, best and random sets unchanged', async () => {
    const sets = [...edgeSets(lke), { name: 'best', set: bestSet(lke) }];
    for (let seed = 1; seed <= 5; seed++) sets.push({ name: `random-${seed}`, set: randomSet(lke, seed) });
    for (const { name, set } of sets) expect(await roundTrip(set), name).toEqual(set);
  });

  it('keeps an absent optional count absent and a zero optional count zero', async () => {
    const set = {
      instrument: 'zi-2021',
      answers: { 'A.II.5.ii.a': { toFollowUp: 3, completed: 2 }, 'A.II.3.iii.a': { lastYear: 1, thisYear: 0, sanctioned: 0 } },
    };
    expect(await roundTrip(set)).toEqual(set);
  });

  it('reads answers as people type them: any case, spaces, decimal comma, text digits', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook(lke)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET_MAIN)!;
    const typed: Record<string, ExcelJS.CellValue> = {
      'A.I.1.i.a': 'YA',
      'A.I.1.ii.a': ' tidak ',
      'A.I.1.i.b': 'b',
      'B.I.a': '3,62',
      'B.II.a': '3.5',
      'A.II.1.i.a.n1': '10',
      'A.II.1.i.a.n2': 8,
      'B.I.b': { richText: [{ text: 'A' }] },
    };
    for (const [code, value] of Object.entries(typed)) ws.getCell(`${COL.answer}${rowOf(ws, code)}`).value = value;
    ws.getCell(HOLDS_CELL).value = 'wbk';
    const result = await importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), lke);
    expect(result).toMatchObject({
      ok: true,
      answerSet: {
        instrument: 'zi-2021',
        holds: 'WBK',
        answers: {
          'A.I.1.i.a': 'ya',
          'A.I.1.ii.a': 'tidak',
          'A.I.1.i.b': 'B',
          'B.I.a': 3.62,
          'B.II.a': 3.5,
          'A.II.1.i.a': { agents: 10, changes: 8 },
          'B.I.b': 'A',
        },
      },
    });
  });

  it('finds answers by code when rows were moved, and returns notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook(lke, { instrument: 'zi-2021', answers: { 'A.I.1.i.a': 'ya' } })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET_MAIN)!;
    const row = rowOf(ws, 'A.I.1.i.a');
    ws.spliceRows(row, 0, []); // a row inserted above: every later row moves down by one
    ws.getCell(`${COL.note}${row + 1}`).value = 'SK Tim ZI 2024';
    ws.getCell(`${COL.evidence}${row + 1}`).value = 'https://example.org/sk.pdf';
    const result = await importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), lke);
    expect(result).toMatchObject({
      ok: true,
      answerSet: { answers: { 'A.I.1.i.a': 'ya' } },
      notes: { 'A.I.1.i.a': { note: 'SK Tim ZI 2024', evidence: 'https://example.org/sk.pdf' } },
    });
  });

  it('lays the workbook out as the LKE: sheets, headers, frozen panes, locked cells, drop-downs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook(lke)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_MAIN, SHEET_SUMMARY, SHEET_META]);
    expect(wb.getWorksheet(SHEET_META)!.state).toBe('hidden');
    const ws = wb.getWorksheet(SHEET_MAIN)!;
    expect(ws.getRow(5).values).toEqual([undefined, 'Kode', 'Penilaian', 'Bobot', 'Penjelasan', 'Pilihan Jawaban', 'Jawaban', 'Nilai', '%', 'Catatan', 'Bukti']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const item = rowOf(ws, 'A.I.1.i.b');
    expect(ws.getCell(`${COL.type}${item}`).value).toBe('A/B/C');
    expect(ws.getCell(`${COL.answer}${item}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B,C"'] });
    expect(ws.getCell(`${COL.answer}${item}`).protection).toMatchObject({ locked: false });
    expect(ws.getCell(`${COL.value}${item}`).protection?.locked).not.toBe(false);
    expect(ws.getCell(`${COL.value}${item}`).formula).toBe(`IF(UPPER(TRIM(F${item}))="A",1,IF(UPPER(TRIM(F${item}))="B",1/2,0))`);
    const count = rowOf(ws, 'A.II.1.i.a.n1');
    expect(ws.getCell(`${COL.type}${count}`).value).toBe('Jumlah');
    expect(ws.getCell(`${COL.answer}${count}`).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    const ratio = rowOf(ws, 'A.II.1.i.a');
    expect(ws.getCell(`${COL.value}${ratio}`).formula).toBe(
      `IF(COUNT(F${ratio + 1},F${ratio + 2})<2,0,MAX(0,MIN(1,IF(F${ratio + 1}=0,0,F${ratio + 2}/F${ratio + 1}))))`,
    );
    const subarea = rowOf(ws, 'A.I.1.i');
    expect(ws.getCell(`${COL.value}${subarea}`).formula).toBe(`C${subarea}*(G${subarea + 1}+G${subarea + 2})/2`);
    expect(ws.getCell(`${COL.value}${rowOf(ws, 'B.I.a')}`).formula).toMatch(/^C\d+\*\(IF\(ISNUMBER\(F\d+\),F\d+\/4,0\)\)\/1$/);
  });
});
