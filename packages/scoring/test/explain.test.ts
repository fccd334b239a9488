import { describe, expect, it } from 'vitest';
import { type AnswerSet, explain, score, validateAnswers } from '../src/index.ts';
import { listFixtures, loadLke } from './lke-files.ts';

const lke = loadLke('zi-2021');
const mixedInput = listFixtures().find((f) => f.name === 'contract-mixed')?.answers;
const checked = validateAnswers(lke, mixedInput);
if (!checked.ok) throw new Error('invalid mixed example');
const mixed: AnswerSet = checked.value;
const report = score(lke, mixed);

describe('explain', () => {
  it('explains every number of the report with the value the report shows', () => {
    for (const item of report.items) expect(explain(lke, mixed, { kind: 'item', code: item.code }).value).toBe(item.value);
    for (const s of report.subareas) expect(explain(lke, mixed, { kind: 'subarea', code: s.code }).value).toBe(s.score);
    for (const a of report.areas) expect(explain(lke, mixed, a.code).value).toBe(a.score);
    for (const c of report.components) expect(explain(lke, mixed, c.role).value).toBe(c.score);
    expect(explain(lke, mixed, 'total').value).toBe(87.55);
    for (const p of report.predicates) {
      for (const r of p.rules) {
        const e = explain(lke, mixed, `${p.code}:${r.id}`);
        expect([e.value, e.passed, e.threshold]).toEqual([r.value, r.passed, r.min]);
      }
    }
  });

  it('shows the steps of a sub-area: item values, sum, mean, weight, rounding', () => {
    const e = explain(lke, mixed, 'A.I.2.i'); // answers C (of 4), A, A
    expect(e.kind).toBe('subarea');
    expect(e.inputs.map((i) => [i.code, i.answer])).toEqual([
      ['A.I.2.i.a', 'C'],
      ['A.I.2.i.b', 'A'],
      ['A.I.2.i.c', 'A'],
    ]);
    expect(e.steps.map((s) => s.expression)).toEqual(['0.3333 + 1 + 1 = 2.3333', '2.3333 ÷ 3 = 0.7778', '1 × 0.7778 = 0.7778', '0.7778 → 0.78']);
    expect(e.formula.en).toContain('weight × mean');
    expect(e.formula.id).toContain('bobot sub-area × rata-rata');
    expect(e.basis.en).toContain('PermenPANRB 90/2021');
  });

  it('explains a letter, a ratio with its zero-denominator rule, a survey index and an unanswered item', () => {
    expect(explain(lke, mixed, 'A.I.4.i.c').steps[0].expression).toBe('(4 − 3) ÷ (4 − 1) = 0.3333'); // C of A–D
    const ratio = explain(lke, mixed, 'A.II.5.ii.a'); // 0 complaints → 1
    expect(ratio.inputs.map((i) => [i.code, i.value])).toEqual([
      ['A.II.5.ii.a.n1', 0],
      ['A.II.5.ii.a.n2', 0],
      ['A.II.5.ii.a.n3', 0],
    ]);
    expect(ratio.steps[0].expression).toBe('completed ÷ toFollowUp [toFollowUp = 0 → 1] = 0 ÷ 0 [0 = 0 → 1] = 1');
    expect(ratio.value).toBe(1);
    const survey = explain(lke, mixed, { kind: 'item', code: 'B.I.a' });
    expect(survey.kind).toBe('item');
    expect(survey.steps[0].expression).toBe('3.95 ÷ 4 = 0.9875');
    const empty = explain(lke, mixed, 'A.I.1.iii.b');
    expect([empty.value, empty.formula.en]).toEqual([0, "An unanswered item scores 0 and still counts in its sub-area's mean"]);
  });

  it('resolves a code shared by a sub-area and its only item to the sub-area', () => {
    expect(explain(lke, mixed, 'B.I.a')).toMatchObject({ kind: 'subarea', value: 17.28 });
  });

  it('explains a failing rule and the prior-predicate requirement, citing Tabel 6', () => {
    const rule = explain(lke, mixed, 'WBBM:area:4');
    expect(rule).toMatchObject({ kind: 'rule', value: 7.44, passed: false, threshold: 7.5 });
    expect(rule.steps.map((s) => s.expression)).toEqual(['7.4444 → 7.44', '7.44 < 7.5']);
    expect(rule.basis.id).toContain('Tabel 6');
    expect(rule.formula.en).toContain('area 4');
    const prior = explain(lke, mixed, 'WBBM:prior-wbk');
    expect(prior).toMatchObject({ passed: false, value: 0 });
    expect(prior.formula.en).toBe('WBBM requires the unit to already hold WBK / WBBM');
    expect(explain(lke, { ...mixed, holds: 'WBK' }, 'WBBM:prior-wbk').passed).toBe(true);
  });

  it('sums areas, components and the total from their children', () => {
    const total = explain(lke, mixed, 'total');
    expect(total.inputs.map((i) => i.code)).toEqual(['A', 'B']);
    expect(total.steps[0].expression).toBe('50.6389 + 36.9125 = 87.5514');
    expect(explain(lke, mixed, '4').inputs.map((i) => i.code)).toEqual(['A.I.4.i', 'A.I.4.ii', 'A.II.4.i', 'A.II.4.ii', 'A.II.4.iii']);
  });

  it('refuses unknown targets', () => {
    expect(() => explain(lke, mixed, 'Z.9')).toThrow(RangeError);
    expect(() => explain(lke, mixed, 'WBK:area:9')).toThrow(/no rule "area:9"/);
    expect(() => explain(lke, mixed, { kind: 'area', code: 'A.I.1.i' })).toThrow(RangeError);
  });
});
