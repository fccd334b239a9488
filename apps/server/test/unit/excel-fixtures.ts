/**
 * Answer sets for the Excel tests and the Excel bench: the contract examples, sets built from the
 * LKE document itself (best, empty, edge cases) and seeded random sets.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import type { LkeDocument } from '@zona/scoring';
import { type AnswerSet, type AnswerValue, COL } from '../../src/excel/types.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where worked examples live: the LKE fixtures in the repo and the shared contract examples. */
const EXAMPLE_DIRS = [`${REPO}lke/zi-2021/fixtures`, `${REPO}../shared/contracts/examples`];

/** Contract example answer sets (`*.json` that are not `*.expected.json`), by file name. */
export function exampleSets(): { name: string; set: AnswerSet }[] {
  const found = new Map<string, AnswerSet>();
  for (const dir of EXAMPLE_DIRS.filter((d) => existsSync(d))) {
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.json') || file.endsWith('.expected.json') || found.has(file)) continue;
      const data = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
      if (data && typeof data === 'object' && 'answers' in data) found.set(file, data as AnswerSet);
    }
  }
  return [...found].map(([name, set]) => ({ name, set }));
}

/** Every item answered at its best (counts chosen so every ratio is 100%). */
export function bestSet(lke: LkeDocument): AnswerSet {
  const answers: Record<string, AnswerValue> = {};
  for (const item of items(lke)) {
    const a = item.answer;
    if (a.type === 'yesno') answers[item.code] = 'ya';
    else if (a.type === 'options') answers[item.code] = a.options[0].letter;
    else if (a.type === 'index') answers[item.code] = a.max;
    else if (a.type === 'percent') answers[item.code] = 100;
    else answers[item.code] = Object.fromEntries(a.counts.map((c) => [c.name, 0]));
  }
  // Zero counts hit each zero-denominator rule; the ones worth 0 get a ratio of 1 instead.
  Object.assign(answers, {
    'A.II.1.i.a': { agents: 4, changes: 4 },
    'A.II.1.i.b': { changes: 4, integrated: 4 },
    'A.II.4.i.a': { targets: 3, achieved: 3 },
    'A.II.6.i.b': { registered: 5, simplified: 5 },
  });
  return { instrument: lke.instrument, holds: 'WBK', answers };
}

/** Zero denominators, ratios above 100% and below 0%, optional counts present and absent. */
export function edgeSets(lke: LkeDocument): { name: string; set: AnswerSet }[] {
  const base = { instrument: lke.instrument } as const;
  return [
    {
      name: 'edge-zero-denominators',
      set: {
        ...base,
        holds: 'WBBM',
        answers: {
          'A.II.1.i.a': { agents: 0, changes: 5 },
          'A.II.1.i.b': { changes: 0, integrated: 0 },
          'A.II.3.iii.a': { lastYear: 0, thisYear: 0, sanctioned: 2 },
          'A.II.4.i.a': { targets: 0, achieved: 0 },
          'A.II.5.ii.a': { toFollowUp: 0, completed: 0 },
          'A.II.5.iii.a': { obliged: 0, submitted: 0 },
          'A.II.5.iii.b': { obliged: 0, submitted: 0 },
          'A.II.6.i.b': { registered: 0, simplified: 3 },
          'A.I.1.i.a': 'tidak',
          'A.I.1.i.b': 'C',
          'B.I.a': 0,
          'B.I.b': 'E',
          'B.II.a': 4,
        },
      },
    },
    {
      name: 'edge-clamped',
      set: {
        ...base,
        answers: {
          'A.II.1.i.a': { agents: 3, changes: 7 },
          'A.II.1.i.b': { changes: 3, integrated: 5 },
          'A.II.3.iii.a': { lastYear: 2, thisYear: 5 },
          'A.II.4.i.a': { targets: 3, achieved: 1 },
          'A.II.5.ii.a': { toFollowUp: 4, inProcess: 1, completed: 9 },
          'A.II.5.iii.a': { obliged: 10, submitted: 12 },
          'A.II.5.iii.b': { obliged: 7, submitted: 2 },
          'A.II.6.i.b': { registered: 9, simplified: 2 },
          'A.I.1.iii.b': 'D',
          'A.II.2.iii.a': 'E',
          'B.I.a': 3.6,
          'B.I.b': 'C',
          'B.II.a': 3.2,
        },
      },
    },
  ];
}

/** Deterministic pseudo-random generator (mulberry32), so a failing set can be reproduced. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random, valid answer set: about a quarter of the items unanswered, small counts, zeros. */
export function randomSet(lke: LkeDocument, seed: number): AnswerSet {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const answers: Record<string, AnswerValue> = {};
  for (const item of items(lke)) {
    if (rnd() < 0.25) continue;
    const a = item.answer;
    if (a.type === 'yesno') answers[item.code] = rnd() < 0.5 ? 'ya' : 'tidak';
    else if (a.type === 'options') answers[item.code] = a.options[int(a.options.length)].letter;
    else if (a.type === 'index') answers[item.code] = Math.round(rnd() * a.max * 100) / 100;
    else if (a.type === 'percent') answers[item.code] = int(101);
    else {
      const counts: Record<string, number> = {};
      for (const c of a.counts) if (c.required || rnd() < 0.5) counts[c.name] = int(4) === 0 ? 0 : int(13);
      answers[item.code] = counts;
    }
  }
  const holds = [undefined, 'WBK', 'WBBM'][int(3)] as AnswerSet['holds'];
  return { instrument: lke.instrument, ...(holds ? { holds } : {}), answers };
}

function items(lke: LkeDocument) {
  return lke.components.flatMap((c) => c.areas.flatMap((a) => a.subareas.flatMap((s) => s.items)));
}

/** Row of a code in the Kode column of the main sheet. */
export function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`${COL.code}${r}`).value === code) return r;
  throw new Error(`no row for ${code}`);
}
