import { describe, expect, it } from 'vitest';
import { type AnswerSet, type AnswerValue, ENGINE_VERSION, score, toContractReport, validateAnswers } from '../src/index.ts';
import { allBest, loadLke, worstAnswer } from './lke-files.ts';

const lke = loadLke('zi-2021');

function scoreOf(answers: Record<string, AnswerValue>, holds?: string) {
  const checked = validateAnswers(lke, { instrument: 'zi-2021', ...(holds ? { holds } : {}), answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return score(lke, checked.value);
}
const itemValue = (code: string, answer: AnswerValue) =>
  scoreOf({ [code]: answer }).items.find((i) => i.code === code)?.value;

/** All best (holds WBK) with some answers replaced. */
function bestWith(changes: Record<string, AnswerValue>, holds: string | null = 'WBK') {
  const set = allBest(lke, holds ?? undefined);
  return scoreOf({ ...set.answers, ...changes }, holds ?? undefined);
}
const failures = (report: ReturnType<typeof scoreOf>, predicate: string) =>
  report.predicates.find((p) => p.code === predicate)?.failures;

describe('item values per answer type', () => {
  it('Ya/Tidak is 1/0', () => {
    expect(itemValue('A.I.1.i.a', 'ya')).toBe(1);
    expect(itemValue('A.I.1.i.a', 'tidak')).toBe(0);
  });

  it('letters are (n − k) ÷ (n − 1), exact', () => {
    // A.I.1.i.b has 3 options, A.I.1.iii.a 4, A.II.1.ii.a 5.
    expect(['A', 'B', 'C'].map((l) => itemValue('A.I.1.i.b', l))).toEqual([1, 0.5, 0]);
    expect(['A', 'B', 'C', 'D'].map((l) => itemValue('A.I.1.iii.a', l))).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(['A', 'B', 'C', 'D', 'E'].map((l) => itemValue('A.II.1.ii.a', l))).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });

  it('survey indexes are divided by 4', () => {
    expect(itemValue('B.I.a', 3.62)).toBeCloseTo(0.905, 15);
    expect(itemValue('B.II.a', 4)).toBe(1);
    expect(itemValue('B.II.a', 0)).toBe(0);
  });

  it('2014 TLHP percentages are divided by 100', () => {
    const lke14 = loadLke('zi-2014');
    const checked = validateAnswers(lke14, { instrument: 'zi-2014', answers: { 'B.I.2': 85 } });
    if (!checked.ok) throw new Error('invalid');
    const report = score(lke14, checked.value);
    expect(report.items.find((i) => i.code === 'B.I.2')?.value).toBe(0.85);
    expect(report.subareas.find((s) => s.code === 'B.I.2')?.score).toBe(4.25);
  });
});

describe('percentage items: every zero-denominator and clamp rule of the contract table', () => {
  // [item, counts, expected value] — straight from the contract's "Input" table.
  const cases: [string, Record<string, number>, number][] = [
    ['A.II.1.i.a', { agents: 10, changes: 8 }, 0.8],
    ['A.II.1.i.a', { agents: 0, changes: 0 }, 0],
    ['A.II.1.i.a', { agents: 0, changes: 3 }, 0],
    ['A.II.1.i.a', { agents: 4, changes: 9 }, 1],
    ['A.II.1.i.b', { changes: 4, integrated: 1 }, 0.25],
    ['A.II.1.i.b', { changes: 0, integrated: 0 }, 0],
    ['A.II.1.i.b', { changes: 2, integrated: 5 }, 1],
    ['A.II.3.iii.a', { lastYear: 4, thisYear: 1 }, 0.75],
    ['A.II.3.iii.a', { lastYear: 0, thisYear: 0 }, 1],
    ['A.II.3.iii.a', { lastYear: 0, thisYear: 2 }, 0],
    ['A.II.3.iii.a', { lastYear: 2, thisYear: 5 }, 0], // more violations: negative reduction floored
    ['A.II.3.iii.a', { lastYear: 3, thisYear: 0, sanctioned: 3 }, 1], // sanctioned is recorded, not scored
    ['A.II.4.i.a', { targets: 8, achieved: 6 }, 0.75],
    ['A.II.4.i.a', { targets: 0, achieved: 0 }, 0],
    ['A.II.4.i.a', { targets: 3, achieved: 4 }, 1],
    ['A.II.5.ii.a', { toFollowUp: 8, inProcess: 2, completed: 6 }, 0.75],
    ['A.II.5.ii.a', { toFollowUp: 0, completed: 0 }, 1],
    ['A.II.5.ii.a', { toFollowUp: 2, completed: 3 }, 1],
    ['A.II.5.iii.a', { obliged: 20, submitted: 15 }, 0.75],
    ['A.II.5.iii.a', { obliged: 0, submitted: 0 }, 1],
    ['A.II.5.iii.a', { obliged: 5, submitted: 6 }, 1],
    ['A.II.5.iii.b', { obliged: 4, submitted: 3 }, 0.75],
    ['A.II.5.iii.b', { obliged: 0, submitted: 0 }, 1],
    ['A.II.5.iii.b', { obliged: 1, submitted: 2 }, 1],
    ['A.II.6.i.b', { registered: 4, simplified: 3 }, 0.75],
    ['A.II.6.i.b', { registered: 0, simplified: 0 }, 0],
    ['A.II.6.i.b', { registered: 1, simplified: 7 }, 1],
  ];
  it.each(cases)('%s %j → %d', (code, counts, expected) => {
    expect(itemValue(code, counts)).toBe(expected);
  });
});

describe('roll-up', () => {
  it('unanswered items score 0 and still count in the sub-area mean', () => {
    const report = scoreOf({ 'A.I.1.i.a': 'ya' }); // A.I.1.i: weight 0.5, two items
    const sub = report.subareas.find((s) => s.code === 'A.I.1.i');
    expect(sub).toMatchObject({ exact: 0.25, score: 0.25, answered: 1, items: 2, percent: 50 });
    expect(report.completeness).toEqual({ answered: 1, total: 113 });
  });

  it('areas split into pemenuhan and reform; components and total add up', () => {
    const report = bestWith({ 'A.I.1.i.a': 'tidak', 'A.II.1.ii.a': 'C' });
    const area1 = report.areas.find((a) => a.code === '1');
    expect(area1?.pemenuhan).toEqual({ weight: 4, exact: 3.75, score: 3.75 });
    expect(area1?.reform).toEqual({ weight: 4, exact: 3.5, score: 3.5 });
    expect(area1?.score).toBe(7.25);
    expect(report.components.map((c) => [c.role, c.score])).toEqual([
      ['pengungkit', 59.25],
      ['hasil', 40],
    ]);
    expect(report.total).toMatchObject({ score: 99.25, weight: 100 });
    expect(report.engineVersion).toBe(ENGINE_VERSION);
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('compares thresholds with the rounded numbers', () => {
    // IPAK 3.599 → 17.5 × 3.599 ÷ 4 = 15.745625 → 15.75 ≥ 15.75 passes; 3.598 → 15.74125 → 15.74 fails.
    expect(failures(bestWith({ 'B.I.a': 3.599 }), 'WBK')).toEqual([]);
    expect(failures(bestWith({ 'B.I.a': 3.598 }), 'WBK')).toEqual(['B.I.a']);
    const rule = bestWith({ 'B.I.a': 3.598 }).predicates[0].rules.find((r) => r.id === 'B.I.a');
    expect(rule).toMatchObject({ value: 15.74, min: 15.75, passed: false, gap: 0.01 });
  });
});

describe('every failure id, WBK and WBBM', () => {
  // Each pengungkit area at zero while everything else is best.
  const areaWeights: Record<string, number> = { '1': 8, '2': 7, '3': 10, '4': 10, '5': 15, '6': 10 };
  it.each(Object.keys(areaWeights))('area:%s', (k) => {
    const worst: Record<string, AnswerValue> = {};
    for (const item of lke.items) if (lke.areas[item.area].code === k) worst[item.code] = worstAnswer(item);
    const report = bestWith(worst);
    expect(report.areas.find((a) => a.code === k)?.score).toBe(0);
    expect(failures(report, 'WBK')).toEqual([`area:${k}`]); // 60 − w ≥ 45 ≥ 40 and 100 − w ≥ 85
    // WBBM: pengungkit 60 − 15 = 45 < 48 only when area 5 is gone.
    expect(failures(report, 'WBBM')).toEqual(k === '5' ? ['pengungkit', 'area:5'] : [`area:${k}`]);
  });

  it('total (WBK) and pengungkit (WBK, WBBM)', () => {
    // Unanswered areas 1–3 (25 points) and A.II.4.i (2): pengungkit 33, total 73.
    const answers = allBest(lke, 'WBK').answers as Record<string, AnswerValue>;
    const partial: Record<string, AnswerValue> = {};
    for (const item of lke.items) {
      if (['1', '2', '3'].includes(lke.areas[item.area].code) || item.code === 'A.II.4.i.a') continue;
      partial[item.code] = answers[item.code];
    }
    const report = scoreOf(partial, 'WBK');
    expect(report.total.score).toBe(73);
    expect(failures(report, 'WBK')).toEqual(['total', 'pengungkit', 'area:1', 'area:2', 'area:3']);
    expect(failures(report, 'WBBM')).toEqual(['total', 'pengungkit', 'area:1', 'area:2', 'area:3']);
  });

  it('total (WBBM) alone: every area at ≥ 75 %, pengungkit ≥ 48, hasil at its minimums, total < 85', () => {
    const report = bestWith({
      'B.I.a': 3.6, // 15.75
      'B.I.b': 'B', // 3.75 → B.I 19.50
      'B.II.a': 3.6, // 15.75 → hasil 35.25
      'A.II.1.ii.a': 'E', // area 1: −1
      'A.II.1.iii.a': 'D', // area 1: −1 → 6.00 (75 %)
      'A.II.2.i.a': 'D', // area 2: −0.5
      'A.II.2.ii.a': 'C', // area 2: −0.5
      'A.II.2.ii.b': 'C', // area 2: −0.5 → 5.50
      'A.II.3.i.a': 'C', // area 3: −1.5
      'A.II.3.ii.a': 'B', // area 3: −0.75 → 7.75
      'A.II.4.ii.a': 'D', // area 4: −1.5
      'A.II.4.iii.a': 'C', // area 4: −1.5 × 2/3 = −1 → 7.50 (75 %)
      'A.II.5.i.a': 'D', // area 5: −2.5 × 3/4 = −1.875 → 13.125
      'A.II.6.ii.a': 'C', // area 6: −2.5 × 2/3 → 8.3333
    });
    // pengungkit 60 − 2 − 1.5 − 2.25 − 2.5 − 1.875 − 1.6667 = 48.2083; total 48.2083 + 35.25 = 83.4583
    expect(report.components[0].score).toBe(48.21);
    expect(report.total.score).toBe(83.46);
    expect(failures(report, 'WBBM')).toEqual(['total']);
    expect(failures(report, 'WBK')).toEqual([]);
  });

  it('B.I.a, B.I.b, B.I and B.II', () => {
    expect(failures(bestWith({ 'B.I.a': 3.5 }), 'WBK')).toEqual(['B.I.a']); // 15.31; B.I 20.31
    expect(failures(bestWith({ 'B.I.b': 'D' }), 'WBK')).toEqual(['B.I.b']); // 1.25; B.I 18.75
    expect(failures(bestWith({ 'B.I.b': 'C' }), 'WBBM')).toEqual(['B.I.b']); // 2.50 < 3.75; B.I 20
    expect(failures(bestWith({ 'B.I.a': 3.6, 'B.I.b': 'D' }), 'WBK')).toEqual(['B.I', 'B.I.b']); // 15.75 + 1.25 = 17
    expect(failures(bestWith({ 'B.I.a': 3.6, 'B.I.b': 'C' }), 'WBBM')).toEqual(['B.I', 'B.I.b']); // 18.25 < 19.5
    expect(failures(bestWith({ 'B.II.a': 3.1 }), 'WBK')).toEqual(['B.II']); // 13.5625 → 13.56
    expect(failures(bestWith({ 'B.II.a': 3.5 }), 'WBBM')).toEqual(['B.II']); // 15.3125 → 15.31
  });

  it('prior-wbk: WBBM needs a held WBK (or WBBM)', () => {
    expect(failures(bestWith({}, null), 'WBBM')).toEqual(['prior-wbk']);
    expect(failures(bestWith({}, 'WBBM'), 'WBBM')).toEqual([]);
    expect(failures(bestWith({}, null), 'WBK')).toEqual([]);
    const report = bestWith({}, null);
    expect(report.predicates[1].requiresHeld).toEqual({ anyOf: ['WBK', 'WBBM'], failureId: 'prior-wbk', satisfied: false });
  });
});

describe('score on an unvalidated set', () => {
  it('refuses an answer that does not fit its item instead of scoring garbage', () => {
    const bad: AnswerSet = { instrument: 'zi-2021', answers: { 'A.I.1.i.b': 'Z' } };
    expect(() => score(lke, bad)).toThrow(TypeError);
  });

  it('the contract report lists 6 areas, 42 sub-areas and 4 results', () => {
    const report = toContractReport(score(lke, allBest(lke)));
    expect(Object.keys(report.areas)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(Object.keys(report.subareas)).toHaveLength(42);
    expect(Object.keys(report.results).sort()).toEqual(['B.I', 'B.I.a', 'B.I.b', 'B.II']);
  });
});
