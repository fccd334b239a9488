/**
 * `zona lke list|export|import`. `list` lives here; `export` and `import` belong to the Excel
 * module, loaded lazily from apps/server/src/excel/cli.ts so that listing (and `zona score`)
 * never pays for exceljs.
 *
 * Extension point for the Excel module: apps/server/src/excel/cli.ts exports
 *   runExport(args: string[], io: CliIo): Promise<number>   // zona lke export …
 *   runImport(args: string[], io: CliIo): Promise<number>   // zona lke import …
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configuredLkeDir, loadLkeDirectory } from '../../lke/index.ts';
import type { CliIo } from '../main.ts';
import { writeJson } from '../read-input.ts';

const USAGE = [
  'usage: zona lke list [--json]',
  '       zona lke export --instrument zi-2021 [--answers FILE] --out FILE.xlsx',
  '       zona lke import FILE.xlsx',
  '',
].join('\n');

/** Shape of the Excel module's CLI entry points. */
export interface ExcelCliModule {
  runExport(args: string[], io: CliIo): Promise<number>;
  runImport(args: string[], io: CliIo): Promise<number>;
}

/** Where the Excel module's CLI lives (resolved from this file, so it works from any cwd). */
export const EXCEL_CLI_URL = new URL('../../excel/cli.ts', import.meta.url);

/** Runs `zona lke`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
      return list(rest, io);
    case 'export':
    case 'import': {
      const excel = await loadExcel(sub, io);
      if (!excel) return 1;
      return sub === 'export' ? excel.runExport(rest, io) : excel.runImport(rest, io);
    }
    default:
      io.stderr(USAGE);
      return 2;
  }
}

/** Loads the Excel CLI module, or explains on stderr why it is unavailable and returns null. */
export async function loadExcel(sub: string, io: CliIo, url: URL = EXCEL_CLI_URL): Promise<ExcelCliModule | null> {
  if (!existsSync(fileURLToPath(url))) {
    io.stderr(`zona lke ${sub}: the Excel module (apps/server/src/excel/cli.ts) is not installed in this build, so workbooks cannot be ${sub}ed yet\n`);
    return null;
  }
  const mod = (await import(url.href)) as Partial<ExcelCliModule>;
  if (typeof mod.runExport !== 'function' || typeof mod.runImport !== 'function') {
    io.stderr(`zona lke ${sub}: apps/server/src/excel/cli.ts must export runExport(args, io) and runImport(args, io)\n`);
    return null;
  }
  return mod as ExcelCliModule;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  if (args.some((a) => a !== '--json')) {
    io.stderr(USAGE);
    return 2;
  }
  const registry = await loadLkeDirectory(configuredLkeDir());
  const rows = registry.list().map((v) => ({
    instrument: v.instrument,
    version: v.version,
    status: v.status,
    bestEffort: v.bestEffort,
    items: v.itemCount,
    checksum: v.checksum,
    title: v.title.id,
  }));
  if (json) {
    writeJson(io, rows);
    return 0;
  }
  const table = [
    ['INSTRUMENT', 'VERSION', 'STATUS', 'ITEMS', 'CHECKSUM', 'TITLE'],
    ...rows.map((r) => [r.instrument, `v${r.version}`, r.status + (r.bestEffort ? ' (best effort)' : ''), String(r.items), r.checksum, r.title]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) io.stdout(`${row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')}\n`);
  return 0;
}
