/**
 * `zona lke export` / `zona lke import` through the CLI dispatcher: exit codes, stdout holding
 * only the contract JSON, and every problem on stderr.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../src/cli/main.ts';
import { COL, SHEET_MAIN } from '../../src/excel/types.ts';
import { exampleSets } from './excel-fixtures.ts';

function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async () => stdin,
  };
  return io;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zona-excel-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zona lke export / import', () => {
  it('exports a filled workbook and imports the same answer set as contract JSON', async () => {
    const { set } = exampleSets().find((e) => e.name === 'mixed.json') ?? exampleSets()[0];
    const answers = join(dir, 'answers.json');
    const out = join(dir, 'lke.xlsx');
    await writeFile(answers, JSON.stringify(set));
    const exp = fakeIo();
    expect(await main(['lke', 'export', '--instrument', 'zi-2021', '--answers', answers, '--out', out], exp), exp.err).toBe(0);
    expect(exp.out).toBe('');
    const imp = fakeIo();
    expect(await main(['lke', 'import', out], imp), imp.err).toBe(0);
    expect(JSON.parse(imp.out)).toEqual(set);
  });

  it('reads the answer set from stdin with --answers - and accepts --version', async () => {
    const out = join(dir, 'stdin.xlsx');
    const set = { instrument: 'zi-2021', holds: 'WBK', answers: { 'B.I.b': 'B' } };
    const io = fakeIo(JSON.stringify(set));
    expect(await main(['lke', 'export', '--instrument=zi-2021', '--version', '1', '--answers', '-', '--out', out], io), io.err).toBe(0);
    const imp = fakeIo();
    expect(await main(['lke', 'import', out], imp)).toBe(0);
    expect(JSON.parse(imp.out)).toEqual(set);
  });

  it('refuses bad usage and bad answer sets with exit 2, naming every offending code', async () => {
    const cases: [string[], RegExp][] = [
      [['lke', 'export', '--instrument', 'zi-2021'], /--out is required/],
      [['lke', 'export', '--out', join(dir, 'x.xlsx')], /--instrument is required/],
      [['lke', 'export', '--bogus', '1'], /unknown argument/],
      [['lke', 'export', '--instrument', 'zi-1999', '--out', join(dir, 'x.xlsx')], /no LKE zi-1999/],
      [['lke', 'export', '--instrument', 'zi-2021', '--version', '9', '--out', join(dir, 'x.xlsx')], /no LKE zi-2021 version 9/],
      [['lke', 'import'], /usage: zona lke import/],
      [['lke', 'import', join(dir, 'missing.xlsx')], /cannot read/],
    ];
    for (const [args, message] of cases) {
      const io = fakeIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.out).toBe('');
    }
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ instrument: 'zi-2021', answers: { 'A.I.1.i.b': 'Z', 'A.I.9.i.a': 'ya', 'B.I.a': 5 } }));
    const io = fakeIo();
    expect(await main(['lke', 'export', '--instrument', 'zi-2021', '--answers', bad, '--out', join(dir, 'bad.xlsx')], io)).toBe(2);
    for (const code of ['A.I.1.i.b', 'A.I.9.i.a', 'B.I.a']) expect(io.err).toContain(code);
  });

  it('import: exit 2 with every bad cell on stderr and nothing on stdout', async () => {
    const out = join(dir, 'to-break.xlsx');
    expect(await main(['lke', 'export', '--instrument', 'zi-2021', '--out', out], fakeIo())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SHEET_MAIN)!;
    const cells: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const code = ws.getCell(`${COL.code}${r}`).value;
      if (code === 'A.I.1.i.a' || code === 'B.II.a' || code === 'A.II.1.i.a.n1') {
        ws.getCell(`${COL.answer}${r}`).value = code === 'A.II.1.i.a.n1' ? -1 : 'x';
        cells.push(`${SHEET_MAIN}!${COL.answer}${r}`);
      }
    }
    await wb.xlsx.writeFile(out);
    const io = fakeIo();
    expect(await main(['lke', 'import', out], io)).toBe(2);
    expect(io.out).toBe('');
    for (const cell of cells) expect(io.err).toContain(cell);
    expect(io.err).toMatch(/problems; nothing imported/);
  });

  it('import: a foreign file is "not a Zona LKE workbook", exit 2', async () => {
    const file = join(dir, 'foreign.xlsx');
    await writeFile(file, Buffer.from('PK\u0003\u0004 definitely not a workbook'));
    const io = fakeIo();
    expect(await main(['lke', 'import', file], io)).toBe(2);
    expect(io.err).toContain('not a Zona LKE workbook');
    expect(io.out).toBe('');
    expect((await readFile(file)).length).toBeGreaterThan(0);
  });
});
