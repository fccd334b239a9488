/**
 * LKE scoring throughput in one process: full zi-2021 worksheets (all 113 items answered)
 * scored per second, with and without validation, against a bare baseline loop that only reads
 * every answer of the same worksheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileLke, parseLke, score, toContractReport, validateAnswers, type AnswerSet } from '@zona/scoring';
import { parse } from 'yaml';
import { REPO_ROOT } from '../apps/server/src/paths.ts';

function measure(fn: () => unknown, ms = 1500): number {
  for (let i = 0; i < 2000; i++) fn(); // warm-up for the JIT
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function benchScoring(): Promise<string[]> {
  const lke = compileLke(parseLke(parse(readFileSync(join(REPO_ROOT, 'lke/zi-2021/v1.yaml'), 'utf8'))));
  const input = JSON.parse(readFileSync(join(REPO_ROOT, '..', 'shared/contracts/examples/all-best.json'), 'utf8'));
  const checked = validateAnswers(lke, input);
  if (!checked.ok) throw new Error('example invalid');
  const set: AnswerSet = checked.value;
  const entries = Object.entries(set.answers);
  let sink = 0;
  const bare = measure(() => {
    for (const [k, v] of entries) sink += k.length + (typeof v === 'string' ? v.length : 1);
  });
  const scoreOnly = measure(() => {
    sink += score(lke, set).total.exact;
  });
  const full = measure(() => {
    const r = validateAnswers(lke, input);
    if (r.ok) sink += toContractReport(score(lke, r.value)).total;
  });
  if (sink === -1) console.log(sink);
  const f = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    `bare loop over the ${entries.length} answers   ${f(bare).padStart(12)} /s`,
    `score (engine)                       ${f(scoreOnly).padStart(12)} worksheets/s   ratio to bare ${(scoreOnly / bare).toFixed(4)}`,
    `validate + score + contract report   ${f(full).padStart(12)} worksheets/s   ratio to bare ${(full / bare).toFixed(4)}`,
  ];
}
