import { describe, expect, it } from 'vitest';
import { computeSkm, krejcieMorganSampleSize, skmGrade, validateSkm } from '../src/index.ts';

function skm(input: unknown) {
  const checked = validateSkm(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return computeSkm(checked.value);
}

describe('SKM (PermenPANRB 14/2017)', () => {
  it('reproduces the contract example', () => {
    const result = skm({ instrument: 'skm-2017', responses: [{ u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 }] });
    expect(result).toEqual({
      respondents: 1,
      nrr: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
      ikm: 3.444,
      ikmConverted: 86.11, // exact 1/9: 31/9 × 25 = 86.111…; with 0.11 it would be 85.25
      grade: 'B',
      performance: 'Baik',
    });
  });

  it('leaves missing or null answers out of that element only', () => {
    const result = skm({
      responses: [
        { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 },
        { u1: 2, u2: null, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 },
        { u1: 3, u3: 2, u4: 2, u5: 2, u6: 2, u7: 2, u8: 2, u9: 2 },
      ],
    });
    expect(result.respondents).toBe(3);
    expect(result.nrr.u1).toBe(3);
    expect(result.nrr.u2).toBe(4); // only the first response answered u2
    // NRR u3..u9 = 3 each: Σ = 3 + 4 + 7 × 3 = 28; IKM = 28/9 = 3.1111; × 25 = 77.78 → B
    expect(result.ikm).toBe(3.111);
    expect(result.ikmConverted).toBe(77.78);
    expect(result.grade).toBe('B');
  });

  it('reports NRR to 3 decimals', () => {
    const r = (v: number) => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v });
    const result = skm({ responses: [r(4), r(4), r(3)] });
    expect(result.nrr.u5).toBe(3.667);
    expect(result.ikm).toBe(3.667);
    expect(result.ikmConverted).toBe(91.67);
    expect(result.grade).toBe('A');
    expect(skm({ responses: [r(1)] })).toMatchObject({ ikm: 1, ikmConverted: 25, grade: 'D', performance: 'Tidak Baik' });
    expect(skm({ responses: [r(4)] })).toMatchObject({ ikm: 4, ikmConverted: 100, grade: 'A', performance: 'Sangat Baik' });
  });

  it.each([
    [100, 'A', 'Sangat Baik'],
    [88.31, 'A', 'Sangat Baik'],
    [88.3, 'B', 'Baik'],
    [76.61, 'B', 'Baik'],
    [76.6, 'C', 'Kurang Baik'],
    [65, 'C', 'Kurang Baik'],
    [64.99, 'D', 'Tidak Baik'],
    [25, 'D', 'Tidak Baik'],
  ])('grade boundary %d → %s', (value, grade, performance) => {
    expect(skmGrade(value)).toEqual({ grade, performance });
  });

  it('lists every problem of an invalid input', () => {
    const checked = validateSkm({
      instrument: 'skm-2014',
      responses: [{ u1: 5, u2: 2.5, u3: '3', u10: 4, u4: 0 }, 'x'],
    });
    expect(checked.ok).toBe(false);
    const codes = !checked.ok ? checked.problems.map((p) => p.code) : [];
    expect(codes).toEqual([
      'instrument',
      'responses[0].u1',
      'responses[0].u2',
      'responses[0].u3',
      'responses[0].u10',
      'responses[0].u4',
      'responses[1]',
      ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'], // none validly answered
    ]);
    if (!checked.ok) for (const p of checked.problems) expect(p.messageId).toBeTruthy();
    expect(validateSkm({ responses: [] }).ok).toBe(false);
    expect(validateSkm([]).ok).toBe(false);
  });

  it.each([
    [10, 10],
    [50, 44],
    [100, 80],
    [500, 217],
    [1000, 278],
    [10_000, 370],
    [1_000_000, 384],
    [1, 1],
  ])('Krejcie–Morgan sample for N = %d is %d', (population, sample) => {
    expect(krejcieMorganSampleSize(population)).toBe(sample);
  });

  it('refuses a population that is not a positive integer', () => {
    for (const n of [0, -5, 2.5, Number.NaN]) expect(() => krejcieMorganSampleSize(n)).toThrow(RangeError);
  });
});
