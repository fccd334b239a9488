/**
 * The ZIP-bomb guard in front of every workbook reader: real workbooks pass; archives that unpack
 * past the limit, lie about their sizes or are damaged are refused before exceljs inflates them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LkeDocument } from '@zona/scoring';
import { exportWorkbook } from '../../src/excel/export-workbook.ts';
import { importWorkbook } from '../../src/excel/import-workbook.ts';
import { loadLke } from '../../src/excel/load-lke.ts';
import { assertSafeZip, ZipRejected } from '../../src/lib/zip-guard.ts';
import { zip } from '../zip-writer.ts';

const limits = { maxTotalBytes: 1_048_576, maxEntries: 10 };
const refusal = (buf: Buffer) => {
  try {
    assertSafeZip(buf, limits);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ZipRejected);
    return err as ZipRejected;
  }
};

let lke: LkeDocument;
beforeAll(async () => {
  lke = (await loadLke('zi-2021')).lke;
});

describe('zip guard', () => {
  it('passes the workbooks Zona itself writes, and small honest archives', async () => {
    const workbook = await exportWorkbook(lke);
    expect(() => assertSafeZip(workbook)).not.toThrow();
    expect(refusal(zip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.bin', data: Buffer.from('xyz'), stored: true }]))).toBeNull();
  });

  it('refuses an archive that unpacks past the limit (a ZIP bomb)', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1_048_576) }]);
    expect(bomb.length).toBeLessThan(10_000);
    expect(refusal(bomb)?.tooLarge).toBe(true);
  });

  it('refuses an archive that declares a small size but inflates to more', () => {
    const liar = zip([{ name: 'sheet.xml', data: Buffer.alloc(512 * 1024), declaredSize: 100 }]);
    expect(refusal(liar)?.tooLarge).toBe(true);
  });

  it('refuses too many entries, damaged directories and foreign compression', () => {
    const many = zip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(refusal(many)?.tooLarge).toBe(true);
    const good = zip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    expect(refusal(good.subarray(0, good.length - 30))?.tooLarge).toBe(false);
    const odd = Buffer.from(good);
    odd.writeUInt16LE(12, good.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2
    expect(refusal(odd)?.message).toMatch(/compression method 12/);
    expect(refusal(Buffer.from('PK\u0003\u0004 not really a zip at all'))).not.toBeNull();
  });

  it('makes the LKE workbook import answer a bomb with a clear problem, not a crash', async () => {
    const bomb = zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(60 * 1_048_576) }]);
    const result = await importWorkbook(bomb, lke);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/not a readable \.xlsx/);
  });
});
