/**
 * `zona survey skm FILE|-` and `zona survey sample-size N` — exactly as the "Survey CLI" section
 * of shared/contracts/app-and-cli.md says (PermenPANRB 14/2017).
 */
import { computeSkm, krejcieMorganSampleSize, validateSkm } from '@zona/scoring';
import type { CliIo } from '../main.ts';
import { readJsonInput, writeJson } from '../read-input.ts';

const USAGE = 'usage: zona survey skm FILE|-\n       zona survey sample-size N\n';

/** Runs `zona survey`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'skm' && rest.length === 1) return skm(rest[0], io);
  if (sub === 'sample-size' && rest.length === 1) return sampleSize(rest[0], io);
  io.stderr(USAGE);
  return 2;
}

async function skm(file: string, io: CliIo): Promise<number> {
  const input = await readJsonInput(file, io);
  if (!input.ok) {
    io.stderr(`zona survey skm: ${input.message}\n`);
    return 2;
  }
  const checked = validateSkm(input.value);
  if (!checked.ok) {
    const n = checked.problems.length;
    io.stderr(`zona survey skm: invalid input (${n} problem${n === 1 ? '' : 's'})\n`);
    for (const p of checked.problems) io.stderr(`  ${p.code}: ${p.message}\n`);
    return 2;
  }
  writeJson(io, computeSkm(checked.value));
  return 0;
}

function sampleSize(arg: string, io: CliIo): Promise<number> {
  // Digits only: "1e3", "10.0" or "+5" are not the population count a user means to type.
  const population = /^\d+$/.test(arg) ? Number(arg) : Number.NaN;
  if (!Number.isSafeInteger(population) || population < 1) {
    io.stderr(`zona survey sample-size: N must be a positive integer, got ${JSON.stringify(arg)}\n`);
    return Promise.resolve(2);
  }
  writeJson(io, { population, sample: krejcieMorganSampleSize(population) });
  return Promise.resolve(0);
}
