import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from '../src/index.ts';
import { decimalOf, round2 } from './reference-score.ts';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [2.675, 2.68],
    [1.005, 1.01],
    [1.255, 1.26],
    [8.345, 8.35],
    [0.285, 0.29],
    [10.235, 10.24],
    [0.125, 0.13],
    [0.375, 0.38],
    [0.005, 0.01],
    [93.125, 93.13],
    [99.995, 100],
    [15.925, 15.93],
    [1.0049999, 1],
    [0.0049999, 0],
    [2.664, 2.66],
    [100, 100],
    [0, 0],
  ])('%d → %d (2 decimals)', (x, expected) => {
    expect(roundHalfAwayFromZero(x, 2)).toBe(expected);
  });

  it('rounds ties away from zero for negative numbers and never returns -0', () => {
    expect(roundHalfAwayFromZero(-0.125, 2)).toBe(-0.13);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
  });

  it('supports other decimal counts', () => {
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(0.5, 0)).toBe(1);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(3.4445, 3)).toBe(3.445);
    expect(roundHalfAwayFromZero(1.0005, 3)).toBe(1.001);
    expect(roundHalfAwayFromZero(3.44444, 3)).toBe(3.444);
  });

  it('corrects error accumulated by arithmetic, not just by literals', () => {
    expect(roundHalfAwayFromZero(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfAwayFromZero((17.5 * 3.64) / 4, 2)).toBe(15.93);
    expect(roundHalfAwayFromZero(1.1 * 1.1 * 100, 0)).toBe(121);
    expect(roundHalfAwayFromZero((1 / 3) * 3, 2)).toBe(1);
    // 1.005 × 100 is 100.49999999999999 in binary: naive Math.round(x × 100) ÷ 100 gives 1.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    // 4.35 × 100 is 434.99999999999994: not a tie, and must stay 435 units at 0 decimals.
    expect(roundHalfAwayFromZero(4.35 * 100, 0)).toBe(435);
  });

  it('passes non-finite values through', () => {
    expect(roundHalfAwayFromZero(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rounds every 3-decimal tie x.yz5 up to x.y(z+1), like exact decimal arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (k) => {
        const text = `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}5`;
        const expected = (k + 1) / 100; // integer ÷ 100: the double nearest the decimal
        expect(roundHalfAwayFromZero(Number(text), 2)).toBe(expected);
        expect(roundHalfAwayFromZero(-Number(text), 2)).toBe(-expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with exact rational rounding of any decimal with up to 6 places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const x = units / 10 ** places;
        expect(roundHalfAwayFromZero(x, 2)).toBe(round2(decimalOf(x)));
      }),
      { numRuns: 3000 },
    );
  });
});
