/**
 * `zona lke export` and `zona lke import` (loaded lazily by cli/commands/lke.ts).
 *
 *   zona lke export --instrument zi-2021 [--version N] [--answers FILE|-] --out FILE.xlsx
 *   zona lke import FILE.xlsx      → the answer set as contract JSON on stdout
 *
 * Exit codes as the rest of the CLI: 0 success, 1 operational failure, 2 invalid input or usage
 * (every problem on stderr, nothing on stdout).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { CliIo } from '../cli/main.ts';
import { AnswerSetError, exportWorkbook } from './export-workbook.ts';
import { importZonaWorkbook, loadZonaWorkbook } from './import-workbook.ts';
import { LkeNotFoundError, loadLke } from './load-lke.ts';
import type { AnswerSet, WorkbookProblem } from './types.ts';

const EXPORT_USAGE = 'usage: zona lke export --instrument zi-2021 [--version N] [--answers FILE|-] --out FILE.xlsx\n';
const IMPORT_USAGE = 'usage: zona lke import FILE.xlsx\n';

/** Parses `--name value` pairs; unknown flags or missing values are usage errors. */
function parseFlags(args: string[], allowed: string[]): Record<string, string> | string {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const [name, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(2, eq), arg.slice(eq + 1)] : [arg.slice(2), undefined];
    if (!arg.startsWith('--') || !allowed.includes(name)) return `unknown argument "${arg}"`;
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return `--${name} needs a value`;
    flags[name] = value;
  }
  return flags;
}

async function readAnswers(file: string, io: CliIo): Promise<unknown> {
  const text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  return JSON.parse(text);
}

/** `zona lke export`. */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, ['instrument', 'version', 'answers', 'out']);
  if (typeof flags === 'string') {
    io.stderr(`zona lke export: ${flags}\n${EXPORT_USAGE}`);
    return 2;
  }
  let input: unknown;
  if (flags.answers) {
    try {
      input = await readAnswers(flags.answers, io);
    } catch (err) {
      io.stderr(`zona lke export: cannot read the answer set ${flags.answers}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const fromAnswers = (input as { instrument?: unknown } | undefined)?.instrument;
  const instrument = flags.instrument ?? (typeof fromAnswers === 'string' ? fromAnswers : undefined);
  const version = flags.version === undefined ? undefined : Number(flags.version);
  if (!instrument || !flags.out || (version !== undefined && !(Number.isInteger(version) && version > 0))) {
    io.stderr(`zona lke export: ${!instrument ? '--instrument is required' : !flags.out ? '--out is required' : '--version must be a positive whole number'}\n${EXPORT_USAGE}`);
    return 2;
  }
  try {
    const { lke, checksum } = await loadLke(instrument, version);
    const buffer = await exportWorkbook(lke, input as AnswerSet | undefined, { checksum });
    // Write beside the target and rename, so a failed export never leaves half a workbook.
    const tmp = `${flags.out}.${process.pid}.tmp`;
    await writeFile(tmp, buffer);
    await rename(tmp, flags.out);
    io.stderr(`${flags.out}: ${lke.instrument} v${lke.version}${input ? `, ${Object.keys((input as AnswerSet).answers ?? {}).length} answers` : ''}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AnswerSetError) {
      for (const p of err.problems) io.stderr(`${flags.answers}: ${p.code}: ${p.message}\n`);
      return 2;
    }
    if (err instanceof LkeNotFoundError) {
      io.stderr(`zona lke export: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function describeProblem(file: string, p: WorkbookProblem): string {
  const where = p.row > 0 ? `${p.sheet}!${p.column}${p.row}` : p.sheet ? `${p.sheet}` : '';
  const code = p.code ? `${p.code}: ` : '';
  return `${file}${where ? `: ${where}` : ''}: ${code}${p.message}\n`;
}

/** `zona lke import`. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('--')) {
    io.stderr(IMPORT_USAGE);
    return 2;
  }
  const file = args[0];
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (err) {
    io.stderr(`zona lke import: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const workbook = await loadZonaWorkbook(buffer);
  if (!workbook.ok) {
    for (const p of workbook.problems) io.stderr(describeProblem(file, p));
    return 2;
  }
  let loaded: Awaited<ReturnType<typeof loadLke>>;
  try {
    loaded = await loadLke(workbook.meta.instrument, workbook.meta.version);
  } catch (err) {
    if (!(err instanceof LkeNotFoundError)) throw err;
    io.stderr(`${file}: not a Zona LKE workbook this installation knows: ${err.message}\n`);
    return 2;
  }
  const result = importZonaWorkbook(workbook, loaded.lke);
  if (!result.ok) {
    for (const p of result.problems) io.stderr(describeProblem(file, p));
    io.stderr(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing imported\n`);
    return 2;
  }
  io.stdout(`${JSON.stringify(result.answerSet, null, 2)}\n`);
  return 0;
}
