import { describe, expect, it } from 'vitest';
import { loadExcel } from '../../src/cli/commands/lke.ts';
import { fakeIo, runCli } from './cli-io.ts';
import { useTempLkeDirEnv } from './lke-temp-dir.ts';

useTempLkeDirEnv();

const lke = (args: string[], stdin = '') => runCli(['lke', ...args], stdin);

describe('zona lke list', () => {
  it('prints instruments, versions, status, item count and checksum', async () => {
    const r = await lke(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^INSTRUMENT\s+VERSION\s+STATUS\s+ITEMS\s+CHECKSUM\s+TITLE$/);
    expect(lines[1]).toMatch(/^zi-2014\s+v1\s+published \(best effort\)\s+84\s+sha256:[0-9a-f]{64}\s+Lembar Kerja/);
    expect(lines[2]).toMatch(/^zi-2021\s+v1\s+published\s+113\s+sha256:[0-9a-f]{64}\s+Lembar Kerja/);
  });

  it('prints JSON with --json', async () => {
    const r = await lke(['list', '--json']);
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: { instrument: string; version: number; items: number }) => [x.instrument, x.version, x.items])).toEqual([
      ['zi-2014', 1, 84],
      ['zi-2021', 1, 113],
    ]);
    expect(rows[1].checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('exits 2 with usage for an unknown subcommand or option', async () => {
    for (const args of [[], ['publish'], ['list', '--xml']]) {
      const r = await lke(args);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toContain('usage: zona lke list');
    }
  });
});

describe('zona lke export/import extension point', () => {
  it('fails with a clear message when the Excel module is missing', async () => {
    const f = fakeIo();
    expect(await loadExcel('export', f.io, new URL('./no-such-excel-cli.ts', import.meta.url))).toBeNull();
    expect(f.stderr()).toContain('the Excel module (apps/server/src/excel/cli.ts) is not installed in this build');
  });

  it('fails with a clear message when the module lacks runExport/runImport', async () => {
    const f = fakeIo();
    expect(await loadExcel('import', f.io, new URL('./cli-io.ts', import.meta.url))).toBeNull();
    expect(f.stderr()).toContain('must export runExport(args, io) and runImport(args, io)');
  });
});
