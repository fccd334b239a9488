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
import { deflateRawSync } from 'node:zlib';
import { endRecord, sharedEntries, zip } from '../zip-writer.ts';

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
    const liar = zip([{ name: 'sheet.xml', data: Buffer.alloc(512 * 1024), declaredSize: 1000 }]);
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

  it('refuses entries that share one compressed range (the overlapping-entries bomb)', () => {
    const one = zip([{ name: 'sheet.xml', data: Buffer.alloc(100_000) }]);
    const shared = sharedEntries(one, 5);
    expect(refusal(shared)?.message).toBe('entries overlap');
    // Refused before anything is inflated: the shared entry also lies about its size, and the
    // answer is still the overlap, so thousands of shared entries cost no inflation at all.
    const liar = sharedEntries(zip([{ name: 'sheet.xml', data: Buffer.alloc(100_000), declaredSize: 1000 }]), 4000);
    expect(refusal(liar)).not.toBeNull();
    expect(() => assertSafeZip(liar, { maxTotalBytes: 1e9, maxEntries: 5000 })).toThrow('entries overlap');
  });

  it('refuses layouts JSZip would read differently: ZIP64, several disks, a shifted or padded directory', () => {
    const good = zip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.xml', data: Buffer.from('<b/>') }]);
    const end = endRecord(good);
    const patched = (at: number, value: number, bytes: 2 | 4) => {
      const b = Buffer.from(good);
      if (bytes === 2) b.writeUInt16LE(value, at);
      else b.writeUInt32LE(value, at);
      return b;
    };
    expect(refusal(good)).toBeNull();
    expect(refusal(patched(end + 4, 1, 2))?.message).toMatch(/multi-disk/);
    expect(refusal(patched(end + 6, 1, 2))?.message).toMatch(/multi-disk/);
    expect(refusal(patched(end + 8, 1, 2))?.message).toMatch(/multi-disk/);
    expect(refusal(patched(end + 10, 0xffff, 2))?.message).toMatch(/ZIP64/);
    expect(refusal(patched(end + 16, 0xffffffff, 4))?.message).toMatch(/ZIP64/);
    expect(refusal(patched(end + 12, 0xffffffff, 4))?.message).toMatch(/ZIP64/);
    // A ZIP64 locator right before the end record makes JSZip look elsewhere for the directory.
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const withLocator = Buffer.concat([good.subarray(0, end), locator, good.subarray(end)]);
    withLocator.writeUInt32LE(good.readUInt32LE(end + 16), withLocator.length - 22 + 16);
    expect(refusal(withLocator)?.message).toMatch(/ZIP64/);
    // Bytes between the directory and its end record: JSZip would shift every offset.
    const padded = Buffer.concat([good.subarray(0, end), Buffer.alloc(16), good.subarray(end)]);
    expect(refusal(padded)?.message).toMatch(/not where the archive says/);
    // An entry count smaller than the directory: the rest would be read by nobody we checked.
    const fewer = patched(end + 8, 1, 2);
    fewer.writeUInt16LE(1, end + 10);
    expect(refusal(fewer)?.message).toMatch(/more than its entry count/);
    // A comment length that does not reach the end of the file.
    expect(refusal(patched(end + 20, 5, 2))?.message).toMatch(/damaged end record/);
    // A per-entry ZIP64 marker.
    const cd = good.readUInt32LE(end + 16);
    expect(refusal(patched(cd + 24, 0xffffffff, 4))?.message).toMatch(/ZIP64/);
  });

  it('refuses deflate data padded with empty blocks, which costs inflation time without output', () => {
    const content = Buffer.from('<a>isi</a>');
    const emptyStored = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]); // BFINAL 0, stored, LEN 0
    const padded = (n: number) => Buffer.concat([...Array.from({ length: n }, () => emptyStored), deflateRawSync(content)]);
    // The padding is valid deflate: a little of it passes, as an odd encoder might write it.
    expect(refusal(zip([{ name: 'a.xml', data: content, deflated: padded(4) }]))).toBeNull();
    const r = refusal(zip([{ name: 'a.xml', data: content, deflated: padded(20_000) }]));
    expect(r?.message).toMatch(/padded/);
  });

  it('tells damaged deflate data apart from a bomb', () => {
    const good = zip([{ name: 'a.xml', data: Buffer.from('<a>hello hello hello</a>') }]);
    const broken = Buffer.from(good);
    broken[30 + 'a.xml'.length] = 0xff; // first deflate byte: an invalid block type
    const r = refusal(broken);
    expect(r?.tooLarge).toBe(false);
    expect(r?.message).toMatch(/damaged/);
  });

  it('makes the LKE workbook import answer a bomb with a clear problem, not a crash', async () => {
    const bomb = zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(60 * 1_048_576) }]);
    const result = await importWorkbook(bomb, lke);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/not a readable \.xlsx/);
  });
});
