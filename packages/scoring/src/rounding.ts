/**
 * Rounding of reported numbers.
 *
 * The contract (shared/contracts/scoring-cli.md, "Scoring") fixes: compute in full precision,
 * report every number rounded half away from zero, and compare thresholds with the reported
 * numbers (PermenPANRB 90/2021 Lampiran II Tabel 6 is judged on what the reviewer sees).
 *
 * Binary floating point cannot hold most decimals exactly: 1.005 is stored as
 * 1.00499999999999989…, and sums of weights × means drift by a few units in the last place.
 * A naive `Math.round(x * 100) / 100` therefore turns a true 1.005 into 1.00 and may flip a cent.
 */

/**
 * Relative nudge applied before rounding (2^-40 ≈ 9.1e-13).
 *
 * Why this size: every score is a sum of at most a few hundred products of numbers ≤ 100, so
 * the accumulated representation error is below ~1e-15 relative — a thousand times smaller than
 * the nudge. A value that is *truly* (not by float error) below a half-cent boundary by less
 * than 9.1e-13 relative would need a ratio with a denominator above ~10^10, which no LKE count
 * or survey index produces. So the nudge corrects representation error and nothing else.
 */
const NUDGE = 2 ** -40;

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * Rounds `x` to `decimals` places, ties away from zero (2.675 → 2.68, 1.005 → 1.01,
 * −0.125 → −0.13), correcting binary representation error first.
 *
 * Method: scale |x| by 10^decimals, multiply by (1 + 2^-40) so that a tie stored a hair below
 * .5 lands on or above it, take floor(scaled + 0.5), and divide by the exact power of ten (an
 * integer ÷ 10^d is correctly rounded by IEEE 754, so the result is the double nearest the
 * intended decimal and compares exactly with thresholds written as decimals). Never returns −0.
 */
export function roundHalfAwayFromZero(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = POW10[decimals] ?? 10 ** decimals;
  const scaled = Math.abs(x) * factor * (1 + NUDGE);
  const units = Math.floor(scaled + 0.5);
  if (units === 0) return 0;
  const result = units / factor;
  return x < 0 ? -result : result;
}
