/**
 * `zona score FILE|-` — scores an LKE answer set exactly as shared/contracts/scoring-cli.md says:
 * exit 0 with the JSON report as the only output on stdout; exit 2 with empty stdout and every
 * problem on stderr, each line naming the offending item code.
 */
import { score, toContractReport, validateAnswers } from '@zona/scoring';
import { configuredLkeDir, loadLkeDirectory } from '../../lke/index.ts';
import type { CliIo } from '../main.ts';
import { readJsonInput, writeJson } from '../read-input.ts';

const USAGE = 'usage: zona score FILE|-   (FILE: JSON answer set; "-" reads standard input)\n';

/** Runs `zona score`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) {
    io.stderr(USAGE);
    return 2;
  }
  const input = await readJsonInput(args[0], io);
  if (!input.ok) {
    io.stderr(`zona score: ${input.message}\n`);
    return 2;
  }
  const registry = await loadLkeDirectory(configuredLkeDir());
  const raw = input.value as { instrument?: unknown; version?: unknown } | null;
  const instrument = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw.instrument : undefined;
  const version = raw !== null && typeof raw === 'object' && typeof raw.version === 'number' ? raw.version : undefined;
  const lke = typeof instrument === 'string' ? registry.get(instrument, version) : undefined;
  if (!lke) {
    const known = [...new Set(registry.list().map((v) => v.instrument))].join(', ');
    const what =
      typeof instrument !== 'string'
        ? `missing or not a string (got ${JSON.stringify(instrument) ?? 'nothing'})`
        : version !== undefined && registry.get(instrument)
          ? `"${instrument}" has no version ${version}`
          : `unknown instrument "${instrument}"`;
    io.stderr(`zona score: invalid answer set (1 problem)\n  instrument: ${what}; known instruments: ${known}\n`);
    return 2;
  }
  const checked = validateAnswers(lke.compiled, input.value);
  if (!checked.ok) {
    const n = checked.problems.length;
    io.stderr(`zona score: invalid answer set (${n} problem${n === 1 ? '' : 's'})\n`);
    for (const p of checked.problems) io.stderr(`  ${p.code}: ${p.message}\n`);
    return 2;
  }
  writeJson(io, toContractReport(score(lke.compiled, checked.value)));
  return 0;
}
