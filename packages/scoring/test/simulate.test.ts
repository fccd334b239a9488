import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerSet, type AnswerValue, type PredicateSimulation, score, simulate, validateAnswers } from '../src/index.ts';
import { answersArb } from './answer-arbitraries.ts';
import { listFixtures, loadLke } from './lke-files.ts';

const lke = loadLke('zi-2021');

function set(answers: Record<string, unknown>, holds?: string): AnswerSet {
  const checked = validateAnswers(lke, { instrument: 'zi-2021', ...(holds ? { holds } : {}), answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}
const fixture = (name: string) => listFixtures().find((f) => f.instrument === 'zi-2021' && f.name === name)?.answers as { holds?: string; answers: Record<string, unknown> };
const applyPath = (s: AnswerSet, p: PredicateSimulation): AnswerSet => {
  const answers: Record<string, AnswerValue> = { ...s.answers };
  for (const step of p.path) answers[step.item] = step.to;
  return { ...s, answers };
};
const predicate = (sim: ReturnType<typeof simulate>, code: string) => sim.predicates.find((p) => p.code === code) as PredicateSimulation;
const failuresOf = (s: AnswerSet, code: string) => [...(score(lke, s).predicates.find((p) => p.code === code)?.failures ?? [])];

describe('simulate', () => {
  const mixed = set(fixture('contract-mixed').answers);

  it('reports each failing rule with its current value, threshold and gap', () => {
    const wbbm = predicate(simulate(lke, mixed), 'WBBM');
    expect(wbbm.eligible).toBe(false);
    expect(wbbm.failures).toEqual([{ id: 'area:4', target: '4', current: 7.44, threshold: 7.5, gap: 0.06, closable: true, reachable: 10 }]);
    expect(wbbm.unclosable.map((u) => u.id)).toEqual(['prior-wbk']);
    expect(wbbm.unclosable[0].reason.en).toContain('LKE answers cannot meet this');
    expect(wbbm.reachable).toBe(false);
    expect(predicate(simulate(lke, mixed), 'WBK')).toMatchObject({ eligible: true, failures: [], path: [], reachable: true });
  });

  it('proposes the cheapest change that closes area 4, and applying it makes WBBM eligible for a WBK holder', () => {
    const wbbm = predicate(simulate(lke, mixed), 'WBBM');
    // A.I.4.i.c C → B adds 2.5 ÷ 3 × 1/3 = 0.2778, enough for the 0.06 gap; A.II.4.i.a (worth 2) would also close it but costs more.
    expect(wbbm.path).toEqual([{ item: 'A.I.4.i.c', from: 'C', to: 'B', gain: 2.5 / 3 / 3, closes: ['area:4'], total: 87.83 }]);
    expect(wbbm.projected).toEqual({ total: 87.83, failures: ['prior-wbk'] });
    const fixed = applyPath({ ...mixed, holds: 'WBK' }, wbbm);
    expect(failuresOf(fixed, 'WBBM')).toEqual([]);
  });

  it('lists every unanswered or not-best item with the gain of each better answer, sorted by gain', () => {
    const sim = simulate(lke, mixed);
    const report = score(lke, mixed);
    const expected = report.items.filter((i) => i.value < 1).map((i) => i.code);
    expect(sim.improvements.map((i) => i.item).sort()).toEqual(expected.sort());
    const gains = sim.improvements.map((i) => i.best.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(sim.improvements[0]).toMatchObject({ item: 'A.II.5.i.a', from: null, best: { to: 'A', gain: 2.5 } });
    expect(sim.improvements[0].options.map((o) => o.to)).toEqual(['A', 'B', 'C', 'D']);
    for (const imp of sim.improvements) {
      for (const option of imp.options) {
        const after = score(lke, { ...mixed, answers: { ...mixed.answers, [imp.item]: option.to } });
        expect(after.total.exact - report.total.exact).toBeCloseTo(option.gain, 12);
        expect(after.areas.find((a) => a.code === imp.area)?.exact).toBeCloseTo((report.areas.find((a) => a.code === imp.area)?.exact ?? 0) + option.gain, 12);
      }
    }
    const ipkp = sim.improvements.find((i) => i.item === 'B.II.a');
    expect(ipkp).toMatchObject({ controllable: false, from: 3.63, targets: ['total', 'hasil', 'B.II', 'B.II.a'] });
    const a44 = sim.improvements.find((i) => i.item === 'A.II.4.i.a');
    expect(a44?.best.to).toEqual({ targets: 1, achieved: 1 }); // 0 targets → 1 of 1 reaches 100 %
    expect(a44?.best.closes).toEqual({ WBK: [], WBBM: ['area:4'] });
  });

  it('says when a rule cannot be closed by answers alone, with the survey index it needs', () => {
    const hasil = set(fixture('fail-hasil').answers, 'WBK');
    const wbk = predicate(simulate(lke, hasil), 'WBK');
    const byId = Object.fromEntries(wbk.failures.map((f) => [f.id, f]));
    expect(byId['B.I.a']).toMatchObject({ closable: false, current: 15.71, threshold: 15.75 });
    expect(byId['B.I.a'].reason?.en).toContain('needs survey index B.I.a ≥ 3.6');
    expect(byId['B.I.a'].reason?.id).toContain('perlu nilai survei B.I.a ≥ 3.6');
    expect(byId['B.II'].reason?.en).toContain('needs survey index B.II.a ≥ 3.2');
    expect(byId['B.I.b'].closable).toBe(true);
    expect(byId['B.I'].closable).toBe(true);
    // C (2.50) would close B.I.b but leave B.I at 15.70625 + 2.5 = 18.21 < 18.25; B (3.75) closes both.
    expect(wbk.path.map((s) => [s.item, s.from, s.to, s.closes])).toEqual([['B.I.b', 'D', 'B', ['B.I', 'B.I.b']]]);
    expect(failuresOf(applyPath(hasil, wbk), 'WBK').sort()).toEqual(wbk.projected.failures.slice().sort());
  });

  it('on an empty worksheet, the total depends on both surveys', () => {
    const wbk = predicate(simulate(lke, set({})), 'WBK');
    const total = wbk.failures.find((f) => f.id === 'total');
    expect(total).toMatchObject({ current: 0, closable: false, reachable: 65 });
    expect(total?.reason?.en).toContain('depends on the survey results B.I.a, B.II.a');
    expect(failuresOf(applyPath(set({}), wbk), 'WBK').sort()).toEqual([...wbk.projected.failures].sort());
    expect(wbk.projected.failures).toEqual(expect.arrayContaining(['total', 'B.I.a', 'B.II']));
    expect(wbk.projected.failures).not.toContain('area:1');
  });

  it('its path, applied, always leaves exactly the unclosable failures (random worksheets)', () => {
    fc.assert(
      fc.property(answersArb(lke), fc.constantFrom(undefined, 'WBK'), (answers, holds) => {
        const s = set(answers, holds);
        for (const p of simulate(lke, s).predicates) {
          const after = failuresOf(applyPath(s, p), p.code);
          expect([...after].sort()).toEqual([...p.projected.failures].sort());
          expect([...after].sort()).toEqual(p.unclosable.map((u) => u.id).sort());
        }
      }),
      { numRuns: 100 },
    );
  });

  it('makes both predicates eligible whenever the surveys are good enough and WBK is held', () => {
    fc.assert(
      fc.property(answersArb(lke), (answers) => {
        const s = set({ ...answers, 'B.I.a': 4, 'B.II.a': 4 }, 'WBK');
        for (const p of simulate(lke, s).predicates) {
          expect(p.reachable).toBe(true);
          expect(failuresOf(applyPath(s, p), p.code)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
