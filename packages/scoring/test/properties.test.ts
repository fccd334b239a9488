import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerValue, type ScoreReport, score, toContractReport, validateAnswers } from '../src/index.ts';
import { answersArb, bestAnswerArb, improvementArb } from './answer-arbitraries.ts';
import { loadLke, normalizeReport, readLkeData } from './lke-files.ts';
import { referenceReport } from './reference-score.ts';

const lke = loadLke('zi-2021');
// biome-ignore lint/suspicious/noExplicitAny: raw YAML data for the reference scorer.
const rawDoc = readLkeData('zi-2021') as any;

function run(answers: Record<string, unknown>, holds?: string): ScoreReport {
  const checked = validateAnswers(lke, { instrument: 'zi-2021', ...(holds ? { holds } : {}), answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return score(lke, checked.value);
}

/** Every number of a report, as [label, exact value]. */
function allExact(r: ScoreReport): [string, number][] {
  return [
    ...r.items.map((i): [string, number] => [`item ${i.code}`, i.value]),
    ...r.subareas.map((s): [string, number] => [`sub-area ${s.code}`, s.exact]),
    ...r.areas.map((a): [string, number] => [`area ${a.code}`, a.exact]),
    ...r.components.map((c): [string, number] => [`component ${c.code}`, c.exact]),
    ['total', r.total.exact],
  ];
}

describe('scoring properties (fast-check)', () => {
  it('all best answers, in any form and order, give 100 and both predicates when WBK is held', () => {
    fc.assert(
      fc.property(fc.tuple(...lke.items.map(bestAnswerArb)), fc.infiniteStream(fc.nat()), (values, keys) => {
        const entries = values.map((v, i): [string, AnswerValue] => [lke.items[i].code, v]);
        const order = entries.map((e) => [keys.next().value as number, e] as const).sort((a, b) => a[0] - b[0]);
        const report = run(Object.fromEntries(order.map(([, e]) => e)), 'WBK');
        expect(report.total.score).toBe(100);
        expect(report.predicates.map((p) => [p.code, p.eligible])).toEqual([
          ['WBK', true],
          ['WBBM', true],
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it('no answers (absent or null) give 0 everywhere', () => {
    fc.assert(
      fc.property(fc.subarray(lke.items.map((i) => i.code)), (nulls) => {
        const report = run(Object.fromEntries(nulls.map((c) => [c, null])));
        for (const [label, value] of allExact(report)) expect(value, label).toBe(0);
        expect(report.completeness.answered).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('improving any single answer never lowers any score', () => {
    const arb = answersArb(lke).chain((answers) =>
      fc.nat({ max: lke.items.length - 1 }).chain((i) =>
        improvementArb(lke.items[i], answers[lke.items[i].code]).map((better) => ({ answers, code: lke.items[i].code, better })),
      ),
    );
    fc.assert(
      fc.property(arb, ({ answers, code, better }) => {
        const before = run(answers, 'WBK');
        const after = run({ ...answers, [code]: better }, 'WBK');
        const b = allExact(before);
        allExact(after).forEach(([label, value], k) => expect(value, label).toBeGreaterThanOrEqual(b[k][1]));
        const rounded = (r: ScoreReport) => [...r.subareas, ...r.areas, ...r.components, r.total].map((n) => n.score);
        const rb = rounded(before);
        rounded(after).forEach((v, k) => expect(v).toBeGreaterThanOrEqual(rb[k]));
        // Fewer failures, never more: a passing rule stays passing.
        before.predicates.forEach((p, k) => {
          for (const id of after.predicates[k].failures) expect(p.failures).toContain(id);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the order of answers does not matter', () => {
    fc.assert(
      fc.property(answersArb(lke), fc.infiniteStream(fc.nat()), (answers, keys) => {
        const shuffled = Object.entries(answers)
          .map((e) => [keys.next().value as number, e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e);
        expect(run(Object.fromEntries(shuffled))).toEqual(run(answers));
      }),
      { numRuns: 100 },
    );
  });

  it('matches the exact-rational reference scorer on random worksheets, to the cent', () => {
    fc.assert(
      fc.property(answersArb(lke), fc.constantFrom(undefined, 'WBK', 'WBBM'), (answers, holds) => {
        const engine = toContractReport(run(answers, holds));
        const reference = referenceReport(rawDoc, { holds, answers });
        expect(normalizeReport(engine)).toEqual(normalizeReport(reference));
      }),
      { numRuns: 300 },
    );
  });
});
